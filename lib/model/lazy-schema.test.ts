import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once, and then serves as it would', () => {
    let builds = 0;
    const color = lazySchema(() => {
      builds += 1;
      return z.enum(['red', 'green']);
    });
    expect(builds).toBe(0);
    expect(color.parse('red')).toBe('red');
    expect(color.options).toEqual(['red', 'green']);
    expect(color.safeParse('blue').success).toBe(false);
    expect(color instanceof z.ZodType).toBe(true);
    expect(builds).toBe(1);
  });

  it('composes into other schemas, built or lazy, with the same answers and messages', () => {
    const id = lazySchema(() => z.number().int().positive());
    const person = lazySchema(() => z.object({ id, tags: z.array(id).optional() }));
    const list = z.array(person);
    expect(list.parse([{ id: 1, tags: [2] }])).toEqual([{ id: 1, tags: [2] }]);
    const failed = list.safeParse([{ id: -1 }]);
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.path).toEqual([0, 'id']);
    expect(person.extend({ name: z.string() }).parse({ id: 3, name: 'Ada' })).toEqual({ id: 3, name: 'Ada' });
    expect(person.optional().parse(undefined)).toBeUndefined();
  });
});
