/**
 * Every failure of a Greenhouse call is one of these kinds, each with a message a recruiter can read.
 * `retryable` says whether the export queue should try again by itself.
 */
export type GreenhouseErrorKind =
  | 'invalid_credentials'
  | 'unauthorized'
  | 'missing_scope'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'transient'
  | 'unreachable'
  | 'bad_response'
  | 'not_connected'
  /** A write may or may not have happened and cannot be checked: a person decides before it is sent again. */
  | 'uncertain';

export interface FieldError {
  field: string | null;
  message: string;
}

export interface GreenhouseErrorInit {
  kind: GreenhouseErrorKind;
  message: string;
  status?: number;
  scope?: string;
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
}

const RETRYABLE: ReadonlySet<GreenhouseErrorKind> = new Set(['rate_limited', 'transient', 'unreachable']);

export class GreenhouseError extends Error {
  readonly kind: GreenhouseErrorKind;
  readonly status: number | undefined;
  readonly scope: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly retryAfterMs: number | undefined;

  constructor(init: GreenhouseErrorInit) {
    super(init.message);
    this.name = 'GreenhouseError';
    this.kind = init.kind;
    this.status = init.status;
    this.scope = init.scope;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  toJSON() {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      scope: this.scope,
      fieldErrors: this.fieldErrors,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

export const isGreenhouseError = (error: unknown): error is GreenhouseError =>
  error instanceof GreenhouseError;

/** Fixed phrases from the spec (§4); more detail may follow them. */
export const MESSAGES = {
  invalidCredentials: 'Invalid client ID or secret',
  unreachable: "Can't reach Greenhouse",
  missingPermissions: (scopes: readonly string[]) => `Missing permissions: ${scopes.join(', ')}`,
  notSiteAdmin: (userId: number) => `User ${userId} is not a Site Admin`,
  notConnected: 'Greenhouse is not connected. Connect it on the extension options page.',
} as const;
