import { z } from 'zod';

/** Every answer from the background is one of these; Error objects do not survive the message channel. */
export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

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
