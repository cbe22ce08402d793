import type { z } from 'zod';
import type { SenderKind } from './sender';

/** One command the background answers: who may send it, and the schemas its input and output must satisfy. */
export interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  from: readonly SenderKind[];
  readonly input: I;
  readonly output: O;
}

/**
 * A command whose schemas are built when first used, not when the module loads: a cold worker evaluates the whole
 * protocol before it can route its first message, and only that message's schemas are needed then.
 */
export function command<I extends z.ZodType, O extends z.ZodType>(spec: {
  from: readonly SenderKind[];
  input: () => I;
  output: () => O;
}): CommandSpec<I, O> {
  let input: I | undefined;
  let output: O | undefined;
  return {
    from: spec.from,
    get input() {
      input ??= spec.input();
      return input;
    },
    get output() {
      output ??= spec.output();
      return output;
    },
  };
}

export const EVERYONE = ['pin-content', 'extension-page'] as const;
export const PAGES = ['extension-page'] as const;
export const PIN = ['pin-content'] as const;
