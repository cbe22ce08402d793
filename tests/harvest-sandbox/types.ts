import type { EndpointScope, UnreadableBody } from './drift';

/** Transport-neutral request and response, so Playwright routes, Node's http server and Vitest share one handler. */
export interface SandboxRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The write committed but the connection is dropped before any answer: the client sees a network error. */
  dropConnection?: boolean;
}

export interface SandboxCredential {
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

export type FaultAction =
  | { type: 'status'; status: number; body?: unknown; rawBody?: string; retryAfterSeconds?: number }
  | { type: 'delay'; ms: number }
  | { type: 'drop-after-commit' }
  /** The write commits at once; its answer comes `ms` later (a client that stops meanwhile never sees it). */
  | { type: 'delay-after-commit'; ms: number }
  | { type: 'drop-before' }
  /**
   * Holds each matching request until `count` with the same key (default: method and path) have arrived, then lets
   * them all go at once; after `timeoutMs` (default 20 s) it lets go of what it holds. Give `times` ≥ `count`.
   */
  | { type: 'gather'; count: number; key?: (request: RecordedRequest) => string; timeoutMs?: number };

export interface Fault {
  method?: string;
  /** Matched against the path (no query): exact string or a RegExp. */
  path?: string | RegExp;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  action: FaultAction;
}

export interface RecordedRequest {
  at: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  dropped: boolean;
  /** When the answer was ready (after any latency or injected delay). */
  finishedAt: number;
  /** Set when the unreadable mode replaced this committed write's answer (which body it sent). */
  unreadable?: string;
}

export interface SandboxConfig {
  credentials?: SandboxCredential[];
  /** Requests per fixed window on /v3 (Greenhouse's documented example is 75 per 30 s). */
  rateLimit?: { limit: number; windowMs: number };
  tokenTtlMs?: number;
  /** What a list call with a non-Site-Admin `sub` gets: Greenhouse's behaviour is unconfirmed. */
  nonAdminLists?: 'forbidden' | 'empty';
  /** Added before every answer (benchmarks use 100 ms). */
  latencyMs?: number;
  /** Extra open jobs beyond the fixtures, e.g. 1,201 for pagination tests. */
  extraJobs?: number;
  /**
   * Answers that differ from Greenhouse's document in every field the product does not need (see drift.ts):
   * `true` everywhere, or a list of endpoints ("POST /v3/notes", "/v3/candidates").
   */
  drift?: EndpointScope;
  /** Committed writes answered with a 2xx body that cannot be used; same endpoint forms as `drift`. */
  unreadable?: EndpointScope;
  /** Which unusable bodies `unreadable` sends, in turn (default: all of them). */
  unreadableBodies?: UnreadableBody[];
  /**
   * An employment without a start date: `required` answers 422 naming `start_date` (like v1); `optional` creates it
   * and answers 201 with `"start_date": null`. Greenhouse's v3 behaviour is unconfirmed, so both are tested.
   */
  employmentStartDate?: 'required' | 'optional';
  now?: () => number;
}
