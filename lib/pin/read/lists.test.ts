// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import { profileRows, rowsOfCandidates } from './lists';

describe('profileRows', () => {
  it("matches a job's plain links by prefix exactly as the route patterns do", () => {
    document.body.innerHTML = `<main><table>
      <tr><td><a href="/jobs/j-1/candidates/c-a">A</a></td></tr>
      <tr><td><a href="/jobs/j-1/candidates/c-b/?tab=notes#top">B</a></td></tr>
      <tr><td><a href="/jobs/j-1/candidates/c%2Dc">C</a></td></tr>
      <tr><td><a href="https://app.pin.com/jobs/j-1/candidates/c-d">D</a></td></tr>
      <tr><td><a href="/jobs/j-1/candidates/c-e/extra">not a profile</a></td></tr>
      <tr><td><a href="/jobs/j-2/candidates/c-f">another job</a></td></tr>
      <tr><td><a href="/jobs/j-1/candidates/">no id</a></td></tr>
      <tr><td><a href="https://evil.example/jobs/j-1/candidates/c-g">elsewhere</a></td></tr>
      <tr><td><a href="/jobs/j-1/candidates/c-a">A again</a></td></tr>
    </table></main>`;
    const main = document.querySelector('main')!;
    const rows = profileRows(main, BUILTIN_PIN_MAPPING, 'j-1');
    expect(rows.map((r) => r.candidateId)).toEqual(['c-a', 'c-b', 'c-c', 'c-d']);
    expect(rows.every((r) => r.element.tagName === 'TR' && r.jobId === 'j-1')).toBe(true);
    // Without a job (the inbox): every profile link, by the route patterns.
    expect(profileRows(main, BUILTIN_PIN_MAPPING).map((r) => `${r.jobId}/${r.candidateId}`)).toEqual([
      'j-1/c-a',
      'j-1/c-b',
      'j-1/c-c',
      'j-1/c-d',
      'j-2/c-f',
    ]);
  });

  it('a mapping whose profile route does not end in the candidate id goes by the route patterns', () => {
    document.body.innerHTML = `<main><ul><li><a href="/p/c-a/in/j-1">A</a></li><li><a href="/p/c-b/in/j-2">B</a></li></ul></main>`;
    const mapping = {
      ...BUILTIN_PIN_MAPPING,
      routes: { ...BUILTIN_PIN_MAPPING.routes, profile: '/p/:candidateId/in/:jobId' },
    };
    expect(profileRows(document.querySelector('main')!, mapping, 'j-1').map((r) => r.candidateId)).toEqual([
      'c-a',
    ]);
  });
});

describe('rowsOfCandidates', () => {
  const list = (...hrefs: string[]) => {
    document.body.innerHTML = `<main><nav><a href="/jobs">Jobs</a></nav><table>${hrefs
      .map((href, i) => `<tr id="r${i}"><td><a href="${href}">${i}</a></td></tr>`)
      .join('')}</table></main>`;
    return document.querySelector('main')!;
  };

  it('finds the rows of the candidates asked for, as profileRows does, and no other', () => {
    const main = list(
      '/jobs/j-1/candidates/c-10',
      '/jobs/j-1/candidates/c-1',
      '/jobs/j-1/candidates/c-2/',
      '/jobs/j-1/candidates/c-3/extra',
    );
    // A row whose picture links to the profile with a query before its name does.
    main
      .querySelector('#r1 td')!
      .insertAdjacentHTML('afterbegin', '<a href="/jobs/j-1/candidates/c-1?photo">P</a>');
    const rows = rowsOfCandidates(main, BUILTIN_PIN_MAPPING, 'j-1', ['c-3', 'c-1', 'c-2', 'c-9', 'c/x'])!;
    // In document order; c-1 by its row's first link; c-2's only link is not its exact path (the read finds it);
    // c-3's link opens no profile; c-9 is not listed.
    expect(rows.map((r) => [r.candidateId, r.element.id, r.link.textContent])).toEqual([['c-1', 'r1', 'P']]);
    const all = profileRows(main, BUILTIN_PIN_MAPPING, 'j-1');
    expect(all.find((r) => r.candidateId === 'c-1')?.link).toBe(rows[0]!.link);
  });

  it('is null when another kind of link opens a profile of the job (rows are then found by reading every link)', () => {
    const main = list('/jobs/j-1/candidates/c-1', 'https://app.pin.com/jobs/j-1/candidates/c-2');
    expect(rowsOfCandidates(main, BUILTIN_PIN_MAPPING, 'j-1', ['c-1'])).toBeNull();
    // Another job's absolute link does not matter.
    expect(rowsOfCandidates(main, BUILTIN_PIN_MAPPING, 'j-2', ['c-1'])).toEqual([]);
  });
});
