// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import type { RowBadge } from '../messaging/views';
import { BUILTIN_PIN_MAPPING } from '../pin/mapping/builtin';
import { profileRows } from '../pin/read/lists';
import { badgeListedRows, ROW_BADGE_ATTR, syncRowBadges } from './row-badges';

const synced: RowBadge = { kind: 'synced', url: 'https://app.greenhouse.io/people/7', stage: 'Offer' };
const present: RowBadge = {
  kind: 'in_greenhouse',
  url: 'https://app.greenhouse.io/people/8',
  reasons: ['email'],
};

const row = (id: string) =>
  `<tr><td><a href="/jobs/j-1/candidates/${id}">Person ${id}</a></td><td>Engineer</td></tr>`;

beforeEach(() => {
  document.body.innerHTML = `<main><h1>Job</h1><table>${['c-1', 'c-2', 'c-3'].map(row).join('')}</table></main>`;
});

const hostOf = (id: string) =>
  document.querySelector(`a[href$="/${id}"]`)!.parentElement!.querySelector(`[${ROW_BADGE_ATTR}]`);
const linkIn = (host: Element | null) => host?.shadowRoot?.querySelector('a') ?? null;

it('badges the rows that have a badge by their links alone, in the cell holding the link', () => {
  const count = badgeListedRows(document, BUILTIN_PIN_MAPPING, 'j-1', { 'c-1': synced, 'c-3': present });
  expect(count).toBe(2);
  expect(linkIn(hostOf('c-1'))?.getAttribute('href')).toBe('https://app.greenhouse.io/people/7');
  expect(linkIn(hostOf('c-1'))?.getAttribute('aria-label')).toBe('Open in Greenhouse');
  expect(linkIn(hostOf('c-1'))?.title).toBe('Synced to Greenhouse · Offer');
  expect(linkIn(hostOf('c-3'))?.getAttribute('aria-label')).toBe('In Greenhouse');
  expect(hostOf('c-2')).toBeNull();
});

it('leaves what it drew in place when the read marks the same rows, so the table is not changed twice', () => {
  const badges = { 'c-1': synced };
  badgeListedRows(document, BUILTIN_PIN_MAPPING, 'j-1', badges);
  const early = hostOf('c-1');
  const rows = profileRows(document.querySelector('main')!, BUILTIN_PIN_MAPPING, 'j-1');
  syncRowBadges(rows, badges);
  expect(hostOf('c-1')).toBe(early);
  // A changed badge (a new stage) replaces it.
  syncRowBadges(rows, { 'c-1': { ...synced, stage: 'Hired' } });
  expect(hostOf('c-1')).not.toBe(early);
  expect(linkIn(hostOf('c-1'))?.title).toBe('Synced to Greenhouse · Hired');
});

it("draws nothing for another job's rows, or a link that is not Greenhouse's", () => {
  expect(badgeListedRows(document, BUILTIN_PIN_MAPPING, 'j-2', { 'c-1': synced })).toBe(0);
  badgeListedRows(document, BUILTIN_PIN_MAPPING, 'j-1', {
    'c-1': { ...synced, url: 'https://evil.example/people/7' },
  });
  expect(hostOf('c-1')).toBeNull();
});

it("draws nothing when the job's rows cannot be told by their plain links (another link opens one of them)", () => {
  document
    .querySelector('table')!
    .insertAdjacentHTML(
      'beforeend',
      '<tr><td><a href="https://app.pin.com/jobs/j-1/candidates/c-4">Person c-4</a></td></tr>',
    );
  expect(badgeListedRows(document, BUILTIN_PIN_MAPPING, 'j-1', { 'c-1': synced, 'c-4': synced })).toBe(0);
  expect(document.querySelector(`[${ROW_BADGE_ATTR}]`)).toBeNull();
});

it('a badge drawn before Pin lays out its rows takes its width; one drawn into a laid-out list takes none', () => {
  badgeListedRows(document, BUILTIN_PIN_MAPPING, 'j-1', { 'c-1': synced });
  const rows = profileRows(document.querySelector('main')!, BUILTIN_PIN_MAPPING, 'j-1');
  syncRowBadges(rows, { 'c-1': synced, 'c-2': present });
  expect((hostOf('c-1') as HTMLElement).style.width).toBe('');
  expect((hostOf('c-2') as HTMLElement).style.width).toBe('0px');
  expect((hostOf('c-2') as HTMLElement).style.display).toBe('inline-block');
});
