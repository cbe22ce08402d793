import { describe, expect, it } from 'vitest';
import { ShownRows } from './shown-rows';

describe('ShownRows', () => {
  it('remembers the rows a page of each job showed, the ones shown last kept within the limit', () => {
    const shown = new ShownRows({ rows: 3, jobs: 2 });
    expect(shown.of('j-1')).toEqual([]);
    shown.note('j-1', ['c-1', 'c-2', 'c-3']);
    shown.note('j-1', ['c-1', 'c-4']);
    expect(shown.of('j-1').sort()).toEqual(['c-1', 'c-3', 'c-4']);
  });

  it('forgets the job shown longest ago first', () => {
    const shown = new ShownRows({ rows: 3, jobs: 2 });
    shown.note('j-1', ['c-1']);
    shown.note('j-2', ['c-2']);
    shown.note('j-1', ['c-3']);
    shown.note('j-3', ['c-4']);
    expect(shown.of('j-2')).toEqual([]);
    expect(shown.of('j-1').sort()).toEqual(['c-1', 'c-3']);
    expect(shown.of('j-3')).toEqual(['c-4']);
  });
});
