// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { norm, preferred, preferredFirst, safeAll, safeFirst } from './dom';

it('compares words without case, spacing or a trailing colon', () => {
  expect(norm('  In   Sequence: ')).toBe('in sequence');
  expect(norm('Replied\n')).toBe('replied');
});

it('still folds compatibility forms in text that is not plain ASCII', () => {
  expect(norm('Ｒｅｐｌｉｅｄ：')).toBe('replied');
  expect(norm('Ｉｎ　ｓｅｑｕｅｎｃｅ')).toBe('in sequence');
  expect(norm('Café')).toBe(norm('Cafe\u0301'));
});

it('finds the first match as safeAll(...)[0] does, and an invalid selector matches nothing', () => {
  document.body.innerHTML =
    '<main><h2 id="a">Jobs</h2><section><h1 id="b">One</h1></section><h1 id="c">Two</h1></main>';
  expect(safeFirst(document, 'h1')).toBe(safeAll(document, 'h1')[0]);
  expect(safeFirst(document, 'h1')?.id).toBe('b');
  expect(safeFirst(document, 'h3')).toBeNull();
  expect(safeFirst(document, 'h1[')).toBeNull();
});

it('takes the first preference that matches, as preferred does, with its rule', () => {
  document.body.innerHTML = '<main><p class="x">x</p><p class="y">y1</p><p class="y">y2</p></main>';
  const preferences = ['p[', '.missing', '.y', '.x'];
  const first = preferredFirst(document, preferences);
  expect(first).toEqual({ element: preferred(document, preferences)?.elements[0], rule: 'selector .y' });
  expect(first?.element.textContent).toBe('y1');
  expect(preferredFirst(document, ['.missing', 'p['])).toBeNull();
});
