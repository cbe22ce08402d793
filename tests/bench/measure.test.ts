import { describe, expect, it } from 'vitest';
import { median, twoGroupSplit } from './measure';

describe('twoGroupSplit', () => {
  it('splits two clusters where they divide, whatever their sizes', () => {
    const fast = [131, 140, 137, 145, 128, 150];
    const slow = [262, 281, 270, 255, 301];
    expect(twoGroupSplit([...slow, ...fast])).toBe(255);
    expect(twoGroupSplit([...fast, 260])).toBe(260);
  });

  it('puts an outlier in a group of its own rather than splitting the bulk', () => {
    expect(twoGroupSplit([100, 101, 102, 103, 104, 500])).toBe(500);
  });

  it('has no split without two distinct values', () => {
    expect(twoGroupSplit([])).toBeNull();
    expect(twoGroupSplit([7, 7, 7])).toBeNull();
  });

  it('splits between equal values only at a change', () => {
    expect(twoGroupSplit([1, 1, 1, 9, 9])).toBe(9);
  });
});

describe('median', () => {
  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
