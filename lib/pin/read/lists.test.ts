// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import { profileRows } from './lists';

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
