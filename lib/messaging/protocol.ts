import { z } from 'zod';
import type { SenderKind } from './sender';

/**
 * The single list of commands the background answers. Each names who may send it, and the schemas
 * its input and output must satisfy. Content scripts only get the `pin-content` commands; credential,
 * settings and rule commands are `extension-page` only.
 */
interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  from: readonly SenderKind[];
  input: I;
  output: O;
}
const command = <I extends z.ZodType, O extends z.ZodType>(spec: CommandSpec<I, O>) => spec;

const EVERYONE = ['pin-content', 'extension-page'] as const;

export const commands = {
  ping: command({
    from: EVERYONE,
    input: z.object({}).strict(),
    output: z.object({ pong: z.literal(true), version: z.string() }),
  }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const messageSchema = z.object({ type: z.string().min(1), payload: z.unknown() }).strict();
export type Message = z.infer<typeof messageSchema>;
