import { expect, it } from 'vitest';
import { norm } from './dom';

it('compares words without case, spacing or a trailing colon', () => {
  expect(norm('  In   Sequence: ')).toBe('in sequence');
  expect(norm('Replied\n')).toBe('replied');
});

it('still folds compatibility forms in text that is not plain ASCII', () => {
  expect(norm('Ｒｅｐｌｉｅｄ：')).toBe('replied');
  expect(norm('Ｉｎ　ｓｅｑｕｅｎｃｅ')).toBe('in sequence');
  expect(norm('Café')).toBe(norm('Cafe\u0301'));
});
