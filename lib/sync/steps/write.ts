import { GreenhouseError } from '../../greenhouse/errors';
import type { Committed } from '../../greenhouse/types';
import type { WriteState } from '../../model/export-item';
import { iso, type StepContext } from './context';

/**
 * One Greenhouse write of a step, and how a run treats it. The rule it follows is written once, in `runWrite`:
 * journal `pending` → send → `done` with the new id. A 2xx whose answer cannot be read still committed: it is read
 * back where a list scope allows, else recorded `done` with an unknown id and a ledger warning, and never sent
 * again. A run that finds the write `pending` (its answer was lost) reads back before sending; with no way to
 * read back it either stops for a person to decide (`whenUnsure: 'stop'`) or notes it and goes on (`'warn'`).
 */
export interface WriteSpec {
  /** The write as a noun phrase: "the resume upload". */
  what: string;
  /** The write as done: "Resume uploaded". */
  done: string;
  /** The list scope a read-back needs (null: none needed). */
  readBackScope: string | null;
  /**
   * Finds what this write created: its id, or null when Greenhouse has no such record. `notBefore` (epoch ms): the
   * answer must come from a read made at or after then (a read-back may share one list call between writes, but
   * never reuse a read older than that).
   */
  readBack?: (notBefore?: number) => Promise<number | null>;
  send: () => Promise<Committed<unknown>>;
  whenUnsure: 'stop' | 'warn';
  /** Greenhouse refused the data (4xx validation): fail the export, or note it and go on. */
  whenRefused: 'fail' | 'warn';
}

export interface Slot {
  get: () => WriteState | undefined;
  set: (state: WriteState) => void;
}

/**
 * How long a request may still commit at Greenhouse after the worker that sent it stopped (the browser drops the
 * connection; Greenhouse does not see that until it answers). Greenhouse documents no figure: this is our guess,
 * well above the seconds a create takes there.
 */
export const IN_FLIGHT_SETTLE_MS = 8_000;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A refusal (4xx other than 408) means Greenhouse did not make the record; anything else may have committed. */
function refusedBeforeCommit(error: unknown): error is GreenhouseError {
  return (
    error instanceof GreenhouseError &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408
  );
}

async function set(ctx: StepContext, slot: Slot, state: WriteState): Promise<WriteState> {
  slot.set(state);
  await ctx.save();
  return state;
}

export async function runWrite(ctx: StepContext, spec: WriteSpec, slot: Slot): Promise<WriteState> {
  const state = slot.get();
  if (state && state.status !== 'todo' && state.status !== 'pending') return state;
  const canReadBack =
    spec.readBack !== undefined && (spec.readBackScope === null || ctx.granted(spec.readBackScope));
  if (state?.status === 'pending') {
    if (canReadBack) {
      let found = await spec.readBack!();
      // A worker stopped mid-request leaves its request with Greenhouse, which may still commit it: a read-back
      // that comes soon after it went out asks again once it has had time to land.
      const settlesAt = Date.parse(state.since) + IN_FLIGHT_SETTLE_MS;
      if (found === null && !state.answered && ctx.now() < settlesAt) {
        await ctx.sleep(settlesAt - ctx.now());
        found = await spec.readBack!(settlesAt);
      }
      if (found !== null) return set(ctx, slot, { status: 'done', id: found });
      // Greenhouse has no such record: the lost request never committed, so sending is safe.
    } else if (!ctx.item.confirmResend) {
      const why = `Greenhouse's answer to ${spec.what} was lost, and ${
        spec.readBackScope
          ? `without ${spec.readBackScope} the extension cannot check whether it was saved`
          : 'Greenhouse offers no way to check whether it was saved'
      }`;
      if (spec.whenUnsure === 'warn') {
        const message = `${capital(spec.what)} may not have been saved: ${why}. Check the candidate in Greenhouse.`;
        ctx.warn(message);
        return set(ctx, slot, { status: 'warning', message });
      }
      throw new GreenhouseError({
        kind: 'uncertain',
        ...(spec.readBackScope ? { scope: spec.readBackScope } : {}),
        message: `${why}. Check the candidate in Greenhouse; Retry sends it again.`,
      });
    }
  }
  await set(ctx, slot, { status: 'pending', since: iso(ctx.now()) });
  let result: Committed<unknown>;
  try {
    result = await spec.send();
  } catch (error) {
    if (!refusedBeforeCommit(error)) {
      // Still pending: the next run reads back first. The queue journals the failure, and this with it.
      const current = slot.get();
      if (error instanceof GreenhouseError && error.status !== undefined && current?.status === 'pending')
        slot.set({ ...current, answered: true });
      throw error;
    }
    if (error.kind === 'validation' && spec.whenRefused === 'warn') {
      const message = `${capital(spec.what)} was not saved: ${error.message}`;
      ctx.warn(message);
      return set(ctx, slot, { status: 'warning', message });
    }
    await set(ctx, slot, { status: 'todo' });
    throw error;
  }
  return settle(ctx, spec, slot, result);
}

/** Records a committed write: its id, or (answer unreadable) a read-back or an unknown id with a warning. */
export async function settle(
  ctx: StepContext,
  spec: Pick<WriteSpec, 'done' | 'readBack' | 'readBackScope'>,
  slot: Slot,
  result: Committed<unknown>,
): Promise<WriteState> {
  if (result.id !== null) return set(ctx, slot, { status: 'done', id: result.id });
  if (spec.readBack && (spec.readBackScope === null || ctx.granted(spec.readBackScope))) {
    const found = await spec.readBack().catch(() => null);
    if (found !== null) return set(ctx, slot, { status: 'done', id: found });
  }
  ctx.warn(`${spec.done}; Greenhouse's answer was unreadable (${result.unreadable}), so its id is unknown.`);
  return set(ctx, slot, { status: 'done', id: null });
}
