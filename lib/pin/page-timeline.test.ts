import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { pageMoment, pageSpan } from './page-timeline';

const ROOT = path.resolve(import.meta.dirname, '../..');

afterEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
});

it('puts moments and spans on the timeline as measures, never as marks', () => {
  const start = performance.now();
  pageSpan('pgs:test-span', start);
  pageMoment('pgs:test-moment');
  const [span] = performance.getEntriesByName('pgs:test-span');
  const [moment] = performance.getEntriesByName('pgs:test-moment');
  expect(span).toMatchObject({ entryType: 'measure', startTime: start });
  expect(moment).toMatchObject({ entryType: 'measure', duration: 0 });
  expect(performance.getEntriesByType('mark')).toEqual([]);
});

/**
 * The source files of what runs on Pin's page: the content script and the panel it loads (`overlay-panel.js`), their
 * entries and everything they import, transitively.
 */
function contentScriptSources(): string[] {
  const seen = new Set<string>();
  const resolve = (from: string, spec: string): string | null => {
    const base = spec.startsWith('@/')
      ? path.join(ROOT, spec.slice(2))
      : path.resolve(path.dirname(from), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    return null;
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import\()\s*'((?:\.{1,2}|@)\/[^']+)'/g)) {
      const target = resolve(file, spec as string);
      if (target) visit(target);
    }
  };
  visit(path.join(ROOT, 'entrypoints/pin.content/index.ts'));
  visit(path.join(ROOT, 'entrypoints/overlay-panel.tsx'));
  return [...seen];
}

it('leaves no performance.mark in anything that runs on Pin’s page', () => {
  const sources = contentScriptSources();
  // The walk reaches the overlay and the page reader; were it to stop early, this check would pass for nothing.
  expect(sources.map((f) => path.relative(ROOT, f))).toEqual(
    expect.arrayContaining([
      'lib/overlay/start.ts',
      'lib/overlay/job-rows.ts',
      'lib/pin/watch.ts',
      'components/overlay/ExportDialog.tsx',
    ]),
  );
  const marking = sources
    .filter((f) => !f.endsWith('.test.ts'))
    .filter((f) => /performance\s*\.\s*mark\s*\(/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f));
  expect(marking).toEqual([]);
});
