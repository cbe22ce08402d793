import type { Browser } from 'wxt/browser';
import { AppFailure, type Envelope, fail, ok } from './envelope';
import { type CommandName, type CommandOutput, commands, messageSchema, type ParsedInput } from './protocol';
import { classifySender, type SenderFacts, type SenderKind } from './sender';

export interface HandlerContext {
  sender: Browser.runtime.MessageSender;
  senderKind: SenderKind;
  tabId: number | undefined;
}

export type Handlers = {
  [K in CommandName]: (
    input: ParsedInput<K>,
    ctx: HandlerContext,
  ) => Promise<CommandOutput<K>> | CommandOutput<K>;
};

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Message router in the style of Bitwarden's runtime.background: it checks the shape, the command name and
 * the sender before any handler runs, and always answers with a result or error envelope.
 */
export function createRouter(handlers: Handlers, facts: SenderFacts) {
  return async function route(
    message: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<Envelope<unknown>> {
    // The latest command's arrival, on the worker's performance timeline (`npm run bench` splits export latency).
    const mark = `pgs:command:${String((message as { type?: unknown } | null)?.type).slice(0, 40)}`;
    performance.clearMarks(mark);
    performance.mark(mark);
    const parsed = messageSchema.safeParse(message);
    if (!parsed.success) {
      return fail('bad_request', `Malformed message: ${describeIssues(parsed.error.issues)}`);
    }
    const { type, payload } = parsed.data;
    if (!Object.hasOwn(commands, type)) return fail('unknown_command', `Unknown command "${type}"`);
    const name = type as CommandName;
    const spec = commands[name];

    const senderKind = classifySender(sender, facts);
    if (!(spec.from as readonly SenderKind[]).includes(senderKind)) {
      return fail('forbidden_sender', `"${name}" is not allowed from this context (${senderKind})`);
    }
    const input = spec.input.safeParse(payload ?? {});
    if (!input.success) {
      return fail('bad_request', `Invalid "${name}" payload: ${describeIssues(input.error.issues)}`);
    }
    const handler = handlers[name] as
      | ((input: unknown, ctx: HandlerContext) => Promise<unknown> | unknown)
      | undefined;
    if (!handler) return fail('unknown_command', `Unknown command "${type}"`);
    try {
      const data = await handler(input.data, { sender, senderKind, tabId: sender.tab?.id });
      return ok(data);
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.error };
      console.error(`[pin-greenhouse-sync] "${name}" failed`, error);
      return fail('internal', error instanceof Error ? error.message : 'Unexpected error');
    }
  };
}
