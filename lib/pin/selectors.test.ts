// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDataset, SAMPLE_DATASET_PATH } from '../../tests/pin-app/server';
import { renderPage } from '../../tests/unit/pin/render-page';
import { SELECTORS } from './selectors';

const dataset = loadDataset(SAMPLE_DATASET_PATH);

describe('every Pin selector matches the pages it is kept with', () => {
  for (const [name, spec] of Object.entries(SELECTORS)) {
    for (const [count, path] of spec.expect) {
      it(`${name} matches ${count}× on ${path}`, () => {
        const doc = renderPage(dataset, path);
        expect(doc.querySelectorAll(spec.css).length, `selector ${name} (${spec.css}) on ${path}`).toBe(
          count,
        );
      });
    }
  }
});
