import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { CommandSpec } from './command';
import { CommandError, readEnvelope } from './envelope';

type Table = Record<string, CommandSpec<z.ZodType, z.ZodType>>;

/** Sends `{type, payload}` to the background and returns the data of its envelope, or throws a CommandError. */
export async function sendRaw(type: string, payload: unknown): Promise<unknown> {
  const envelope = readEnvelope(await browser.runtime.sendMessage({ type, payload }));
  if (!envelope) {
    throw new CommandError({
      code: 'bad_response',
      message: 'The extension background gave no valid answer',
    });
  }
  if (!envelope.ok) throw new CommandError(envelope.error);
  return envelope.data;
}

/**
 * A sender for one table of commands (extension pages): returns the data checked against the command's output
 * schema, or throws a CommandError with a human message.
 */
export function commandSender<T extends Table>(table: T) {
  return async <K extends keyof T & string>(
    type: K,
    payload: z.input<T[K]['input']>,
  ): Promise<z.output<T[K]['output']>> =>
    table[type]!.output.parse(await sendRaw(type, payload)) as z.output<T[K]['output']>;
}
