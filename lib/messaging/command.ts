import type { z } from 'zod';
import type { SenderKind } from './sender';

/** One command the background answers: who may send it, and the schemas its input and output must satisfy. */
export interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  from: readonly SenderKind[];
  input: I;
  output: O;
}
export const command = <I extends z.ZodType, O extends z.ZodType>(spec: CommandSpec<I, O>) => spec;

export const EVERYONE = ['pin-content', 'extension-page'] as const;
export const PAGES = ['extension-page'] as const;
export const PIN = ['pin-content'] as const;
