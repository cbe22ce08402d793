import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { CommandSpec } from './command';
import { CommandError, envelopeSchema } from './envelope';

type Table = Record<string, CommandSpec<z.ZodType, z.ZodType>>;

/**
 * A sender for one table of commands: sends `{type, payload}` to the background and returns the checked data, or
 * throws a CommandError with a human message.
 */
export function commandSender<T extends Table>(table: T) {
  return async <K extends keyof T & string>(
    type: K,
    payload: z.input<T[K]['input']>,
  ): Promise<z.output<T[K]['output']>> => {
    const raw: unknown = await browser.runtime.sendMessage({ type, payload });
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
      throw new CommandError({
        code: 'bad_response',
        message: 'The extension background gave no valid answer',
      });
    }
    if (!envelope.data.ok) throw new CommandError(envelope.data.error);
    return table[type]!.output.parse(envelope.data.data) as z.output<T[K]['output']>;
  };
}
