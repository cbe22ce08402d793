// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { removeOrphanedOverlay } from './orphans';
import { OVERLAY_HOST_TAG } from './panel-contract';
import { ROW_BADGE_ATTR } from './row-badges';

it("removes a previous instance's panel, row badges and document styles, and nothing of Pin's", () => {
  document.head.innerHTML =
    '<style id="pin">a{}</style><style wxt-shadow-root-document-styles="x1">@property --a{}</style>';
  document.body.innerHTML = `<header class="candidate-header"><h1>Ada</h1><${OVERLAY_HOST_TAG}></${OVERLAY_HOST_TAG}></header>
    <table><tr><td><a href="/jobs/j/candidates/c">Ada</a><span ${ROW_BADGE_ATTR}="synced"></span></td></tr></table>`;
  document.body.querySelector(OVERLAY_HOST_TAG)!.attachShadow({ mode: 'open' }).innerHTML =
    '<section>Exporting…</section>';

  expect(removeOrphanedOverlay()).toBe(3);

  expect(
    document.querySelectorAll(
      `${OVERLAY_HOST_TAG}, [${ROW_BADGE_ATTR}], style[wxt-shadow-root-document-styles]`,
    ),
  ).toHaveLength(0);
  expect(document.querySelector('h1')?.textContent).toBe('Ada');
  expect(document.querySelector('a')?.textContent).toBe('Ada');
  expect(document.getElementById('pin')).not.toBeNull();
  expect(removeOrphanedOverlay()).toBe(0);
});
