// The least an overlay that marks rows can do: once Pin's rows are drawn (after its next frame, when the page is
// idle), put a small mark in its own shadow root beside the first 50 profile links. No reading, no messages.
const LINKS = 'main a[href*="/candidates/"]';
let done = false;
const mark = () => {
  if (done || document.querySelectorAll(LINKS).length === 0) return;
  done = true;
  for (const link of [...document.querySelectorAll(LINKS)].slice(0, 50)) {
    const host = document.createElement('span');
    host.style.marginLeft = '6px';
    const shadow = host.attachShadow({ mode: 'open' });
    const dot = document.createElement('a');
    dot.style.cssText = 'display:inline-block;width:16px;height:16px;border-radius:8px;background:#24a47f';
    shadow.append(dot);
    link.parentElement?.append(host);
  }
  performance.mark('pgs:rows-done');
};
const schedule = () => requestAnimationFrame(() => requestIdleCallback(mark, { timeout: 150 }));
new MutationObserver(() => {
  if (!done) schedule();
}).observe(document.body, { childList: true, subtree: true });
schedule();
