/** Every answer from the background is one of these; Error objects do not survive the message channel. */
export interface AppError {
  code: string;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

/**
 * The envelope in an answer, or null when it is not one. Checked by hand: the content script, which loads on every
 * Pin page, bundles no schema library.
 */
export function readEnvelope(raw: unknown): Envelope<unknown> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const answer = raw as { ok?: unknown; data?: unknown; error?: unknown };
  if (answer.ok === true) return { ok: true, data: answer.data };
  if (answer.ok !== false || typeof answer.error !== 'object' || answer.error === null) return null;
  const { code, message, details } = answer.error as Partial<AppError>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: string, message: string, details?: unknown): Envelope<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown on the calling side when the background answered with an error envelope. */
export class CommandError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Thrown by a background handler to answer with a specific error code and human message. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppFailure';
    this.error = details === undefined ? { code, message } : { code, message, details };
  }
}
