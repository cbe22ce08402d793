import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

/**
 * A cold worker evaluates every module before it routes its first message (a click on Export waits for it), so
 * schemas are built when first used: module-level schemas are `lazySchema` stand-ins (lib/model/lazy-schema.ts),
 * command schemas thunks (command.ts). Building them all at start-up made 958 schema objects here, and took 9 ms of
 * the cold worker's 41 ms start; with `z.lazy` wrappers (each itself a schema object) 130 were still built.
 */
let built = 0;

describe('worker start-up', () => {
  afterEach(() => {
    z.config({ postProcessor: undefined });
  });

  it('loading the worker and its whole protocol builds few schemas; a command builds its own once, when first used', async () => {
    vi.resetModules();
    built = 0;
    z.config({
      postProcessor: () => {
        built += 1;
      },
    });
    await import('./main');
    const { commands } = await import('../messaging/protocol');
    const atStart = built;
    expect(atStart).toBe(0);

    const input = commands['pin.observe'].input;
    expect(built).toBeGreaterThan(atStart);
    const afterFirstUse = built;
    expect(commands['pin.observe'].input).toBe(input);
    expect(built).toBe(afterFirstUse);
    expect(
      input.safeParse({
        jobs: [{ id: 'j-1', title: 'Backend' }],
        observations: [],
      }).success,
    ).toBe(true);
  });
});
