import { browser } from 'wxt/browser';
import { CommandError, envelopeSchema } from './envelope';
import { type CommandInput, type CommandName, type CommandOutput, commands } from './protocol';

/** Sends a command to the background and returns its data, or throws a CommandError with a human message. */
export async function sendCommand<K extends CommandName>(
  type: K,
  payload: CommandInput<K>,
): Promise<CommandOutput<K>> {
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new CommandError({
      code: 'bad_response',
      message: 'The extension background gave no valid answer',
    });
  }
  if (!envelope.data.ok) throw new CommandError(envelope.data.error);
  return commands[type].output.parse(envelope.data.data) as CommandOutput<K>;
}
