// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MARKUPS } from '../../tests/pin-app/render-shared';
import { loadDataset, SAMPLE_DATASET_PATH } from '../../tests/pin-app/server';
import { renderPage } from '../../tests/support/render-page';
import { READ_EXPECTATIONS } from './selectors';
import { readPinPage } from './watch';

const dataset = loadDataset(SAMPLE_DATASET_PATH);

describe('every reader rule matches the pages it is kept with, in both markups', () => {
  for (const [path, byMarkup] of Object.entries(READ_EXPECTATIONS)) {
    for (const markup of MARKUPS) {
      for (const [field, [rule, count]] of Object.entries(byMarkup[markup])) {
        it(`${path} (${markup}): ${field} by ${rule ?? 'nothing'} × ${count}`, () => {
          const state = readPinPage(renderPage(dataset, path, markup), `https://app.pin.com${path}`);
          const reads = state.kind === 'profile' ? state.reading.reads : 'reads' in state ? state.reads : [];
          expect(state.kind, `page ${path} (${markup}) should be readable`).not.toMatch(
            /unreadable|loading|other/,
          );
          const read = reads.find((r) => r.field === field);
          expect(read, `field "${field}" on ${path} (${markup})`).toBeDefined();
          expect({ rule: read!.rule, count: read!.count }).toEqual({ rule, count });
        });
      }
    }
  }
});
