// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { generateLargeDataset } from '../../../tests/pin-app/generate-large';
import { MARKUPS } from '../../../tests/pin-app/render-shared';
import { renderPage } from '../../../tests/support/render-page';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import { readPipeline } from './pipeline';
import { PageRowReading, rowsNearViewport, viewportHeight } from './row-reading';

const dataset = generateLargeDataset(40);

/** A row reading whose "near the viewport" is rows [from, to) (happy-dom lays nothing out). */
function reading(window: { from: number; to: number }) {
  return new PageRowReading((links) => [
    Math.min(window.from, links.length),
    Math.min(window.to, links.length),
  ]);
}

/** Every row of the page, as a read without a row reading finds them. */
function allRows(doc: Document) {
  const read = readPipeline(doc, { jobId: 'j-large' });
  if (!read.ok) throw new Error(read.unreadable);
  return read.value.rows;
}

const readIds = (rows: { read: boolean; candidateId: string }[]) =>
  rows.filter((r) => r.read).map((r) => r.candidateId);

for (const markup of MARKUPS) {
  describe(`a long pipeline is read a screenful at a time (${markup} markup)`, () => {
    it('reads the rows near the viewport, keeps them, and reads more as they come into view', () => {
      const doc = renderPage(dataset, '/jobs/j-large', markup);
      const view = { from: 0, to: 5 };
      const rows = reading(view);
      const first = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!first.ok) throw new Error(first.unreadable);
      // Every row is counted; only the first five were made and read for their status.
      expect(first.value.listed).toBe(40);
      expect(first.value.rows.map((r) => r.candidateId)).toEqual([
        'c-gen-1',
        'c-gen-2',
        'c-gen-3',
        'c-gen-4',
        'c-gen-5',
      ]);
      expect(readIds(first.value.rows)).toEqual(['c-gen-1', 'c-gen-2', 'c-gen-3', 'c-gen-4', 'c-gen-5']);
      expect(first.value.rows[0]!.observation).toMatchObject({
        candidateId: 'c-gen-1',
        status: 'in_sequence',
      });

      // Scrolled down: the rows now near the screen are read.
      view.from = 20;
      view.to = 23;
      const second = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!second.ok) throw new Error(second.unreadable);
      expect(readIds(second.value.rows)).toEqual(['c-gen-21', 'c-gen-22', 'c-gen-23']);

      // Back up: the first rows again (kept: see the next test).
      view.from = 0;
      view.to = 2;
      const third = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!third.ok) throw new Error(third.unreadable);
      expect(readIds(third.value.rows)).toEqual(['c-gen-1', 'c-gen-2']);
      expect(third.value.rows[0]!.observation).toEqual(first.value.rows[0]!.observation);
    });

    it('a row read before is not read again while unchanged', () => {
      const doc = renderPage(dataset, '/jobs/j-large', markup);
      const rows = reading({ from: 0, to: 1 });
      const first = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!first.ok) throw new Error(first.unreadable);
      const element = first.value.rows[0]!.element;
      // The status words change without Pin's mutation being reported: the kept reading stands.
      for (const leaf of element.querySelectorAll('*'))
        if (leaf.childElementCount === 0 && leaf.textContent?.trim() === 'In sequence')
          leaf.textContent = 'Replied';
      const again = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!again.ok) throw new Error(again.unreadable);
      expect(again.value.rows[0]!.observation?.status).toBe('in_sequence');
      // Once told, it is read again.
      rows.touched(element.firstElementChild!);
      const told = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!told.ok) throw new Error(told.unreadable);
      expect(told.value.rows[0]!.observation?.status).toBe('replied');
    });

    it('a row that changes far from the viewport is read; an unchanged one is not', () => {
      const doc = renderPage(dataset, '/jobs/j-large', markup);
      const rows = reading({ from: 0, to: 3 });
      const first = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!first.ok) throw new Error(first.unreadable);
      // The first row below the screen that shows an event time.
      const row = allRows(doc).find((r, i) => i > 10 && r.element.querySelector('time'))!;
      expect(readIds(first.value.rows)).not.toContain(row.candidateId);

      // Pin shows a new event in row 30: its time element changes.
      const time = row.element.querySelector('time')!;
      time.setAttribute('datetime', '2026-12-01T09:30:00.000Z');
      time.textContent = 'Dec 1';
      rows.touched(time.firstChild!);
      const second = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!second.ok) throw new Error(second.unreadable);
      expect(readIds(second.value.rows)).toEqual(['c-gen-1', 'c-gen-2', 'c-gen-3', row.candidateId]);
      const observation = second.value.rows.find((r) => r.candidateId === row.candidateId)!.observation;
      expect(Object.values(observation!.eventTimes)).toContain('2026-12-01T09:30:00.000Z');
    });

    it('a row Pin puts in place of another is read; before the list was first read, changes do not count', () => {
      const doc = renderPage(dataset, '/jobs/j-large', markup);
      const rows = reading({ from: 0, to: 2 });
      // Pin rendering the list before the first read: nothing counts as changed.
      const before = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!before.ok) throw new Error(before.unreadable);
      const old = allRows(doc).find((r) => r.candidateId === 'c-gen-25')!.element;
      const replacement = old.cloneNode(true) as Element;
      old.replaceWith(replacement);
      rows.touched(replacement.parentNode!, [replacement]);
      const after = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!after.ok) throw new Error(after.unreadable);
      expect(readIds(after.value.rows)).toEqual(['c-gen-1', 'c-gen-2', 'c-gen-25']);

      // Another page: its rows are new, so nothing counts as changed until it has been read once.
      rows.navigated();
      rows.touched(replacement, []);
      const fresh = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, rows);
      if (!fresh.ok) throw new Error(fresh.unreadable);
      expect(readIds(fresh.value.rows)).toEqual(['c-gen-1', 'c-gen-2']);
    });
  });

  describe(`reading only the rows near the screen (${markup} markup)`, () => {
    it('finds the same rows, statuses and elements as a read of every row', () => {
      const doc = renderPage(dataset, '/jobs/j-large', markup);
      const near = readPipeline(
        doc,
        { jobId: 'j-large' },
        BUILTIN_PIN_MAPPING,
        reading({ from: 10, to: 16 }),
      );
      if (!near.ok) throw new Error(near.unreadable);
      const every = allRows(doc).slice(10, 16);
      expect(near.value.rows.map((r) => [r.candidateId, r.element, r.observation])).toEqual(
        every.map((r) => [r.candidateId, r.element, r.observation]),
      );
    });

    it('reads every link when another link opens a profile of the job (its row could not be told by its place)', () => {
      const doc = renderPage(dataset, '/jobs/j-large', markup);
      const absolute = doc.createElement('a');
      absolute.href = 'https://app.pin.com/jobs/j-large/candidates/c-gen-3';
      doc.querySelector('main')!.append(absolute);
      const read = readPipeline(doc, { jobId: 'j-large' }, BUILTIN_PIN_MAPPING, reading({ from: 0, to: 2 }));
      if (!read.ok) throw new Error(read.unreadable);
      expect(read.value.rows).toHaveLength(40);
      expect(read.value.listed).toBe(40);
      expect(readIds(read.value.rows)).toEqual(['c-gen-1', 'c-gen-2']);
    });
  });
}

describe('rowsNearViewport', () => {
  /** Rows 40 px high, the first at `offset` px from the top of the viewport. */
  const rows = (count: number, offset: number) =>
    Array.from({ length: count }, (_, i) => {
      const top = offset + i * 40;
      return { getBoundingClientRect: () => ({ top, bottom: top + 40 }) } as unknown as Element;
    });
  const indexes = (near: (index: number) => boolean, count: number) =>
    Array.from({ length: count }, (_, i) => i).filter(near);

  it('takes the rows from one screen above to one screen below the viewport', () => {
    // A 400 px viewport scrolled 2,000 px down a 1,000-row list: rows 39 (-440 to -400 px) to 70 (800 to 840 px).
    const list = rows(1000, -2000);
    const near = indexes(rowsNearViewport(list, 400), 1000);
    expect(near[0]).toBe(39);
    expect(near.at(-1)).toBe(70);
    expect(near).toHaveLength(32);
  });

  it('at the top of the list, and for a list shorter than the screen', () => {
    expect(indexes(rowsNearViewport(rows(1000, 100), 400), 1000)).toHaveLength(18);
    expect(indexes(rowsNearViewport(rows(3, 0), 400), 3)).toEqual([0, 1, 2]);
    expect(indexes(rowsNearViewport([], 400), 0)).toEqual([]);
  });
});

describe('viewportHeight', () => {
  it('reads the scrolling element, and falls back to the window where that has no height', () => {
    const root = document.scrollingElement ?? document.documentElement;
    Object.defineProperty(root, 'clientHeight', { configurable: true, get: () => 640 });
    expect(viewportHeight()).toBe(640);
    Object.defineProperty(root, 'clientHeight', { configurable: true, get: () => 0 });
    expect(viewportHeight()).toBe(innerHeight);
    delete (root as { clientHeight?: number }).clientHeight;
  });
});
