import { z } from 'zod';
import { type FieldError, GreenhouseError, MESSAGES } from './errors';
import { type GovernorClock, type Priority, RateGovernor, realClock } from './governor';
import { errorBodySchema } from './schemas';
import type { TokenProvider } from './token';

export const HARVEST_ORIGIN = 'https://harvest.greenhouse.io';
/** Well under the MV3 worker's 30 s limit for a fetch answer. */
export const REQUEST_TIMEOUT_MS = 20_000;
const MAX_RATE_LIMIT_WAITS = 8;

export interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under the Harvest origin, or an absolute `next` URL from a Link header. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The single scope this endpoint needs, named in the error when Greenhouse answers 403. */
  scope: string;
  schema: S;
  /** Acting Greenhouse user (the token's `sub`); null acts as the credential's service user. */
  actAs: number | null;
  /** `background` (the presence index) yields to exports in the rate governor. */
  priority?: Priority;
  /** Called once the request is on the wire (CPU work started then does not delay it). */
  onDispatched?: () => void;
}

export interface HarvestResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

/** A write's answer: `data` when it parsed, else `unreadable` says why (the write still happened). */
export interface HarvestWriteResponse<T> {
  data: T | null;
  unreadable: string | null;
  headers: Headers;
  status: number;
}

export interface HarvestHttpDeps {
  tokens: TokenProvider;
  fetch: typeof fetch;
  governor?: RateGovernor;
  clock?: GovernorClock;
  timeoutMs?: number;
  /** Called as each request goes on the wire (the background stops its cold-start read meter at the first). */
  onDispatch?: () => void;
}

function fieldErrorsOf(body: z.infer<typeof errorBodySchema> | null): FieldError[] {
  if (!body?.errors) return [];
  return body.errors.flatMap((entry): FieldError[] =>
    typeof entry === 'string'
      ? [{ field: null, message: entry }]
      : Object.entries(entry).map(([field, reason]) => ({
          field,
          message: Array.isArray(reason) ? reason.join(', ') : String(reason),
        })),
  );
}

export function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}

function buildUrl(path: string, query: RequestSpec<z.ZodType>['query']): URL {
  const url = new URL(path, HARVEST_ORIGIN);
  if (url.origin !== HARVEST_ORIGIN) {
    // Never send the bearer token anywhere else, whatever a Link header says.
    throw new GreenhouseError({
      kind: 'bad_response',
      message: `Refusing to follow a link off Harvest: ${url.origin}`,
    });
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

let requestMarks = 0;

/** Sends Harvest v3 requests: bearer token, one shared rate governor, timeouts, typed errors, zod parsing. */
export class HarvestHttp {
  readonly governor: RateGovernor;
  private readonly clock: GovernorClock;
  private readonly timeoutMs: number;

  constructor(private readonly deps: HarvestHttpDeps) {
    this.clock = deps.clock ?? realClock;
    this.governor = deps.governor ?? new RateGovernor(this.clock);
    this.timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  /** A read (or a call whose answer must parse): a 2xx that does not parse is an error. */
  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<HarvestResponse<z.output<S>>> {
    const { response, json, status } = await this.exchange(spec);
    if (json === undefined) {
      throw new GreenhouseError({
        kind: 'bad_response',
        status,
        message: `Greenhouse sent a response that is not JSON for ${endpointOf(spec)}`,
      });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      throw new GreenhouseError({
        kind: 'bad_response',
        status,
        message: `Greenhouse sent an unexpected response for ${endpointOf(spec)} (${issueText(parsed.error)})`,
      });
    }
    return { data: parsed.data, headers: response.headers, status };
  }

  /**
   * A write. Any 2xx means Greenhouse committed it (SPEC §2.1), so an answer that cannot be parsed is returned as
   * `unreadable` (with the reason) instead of thrown: the caller must not send the write again.
   */
  async write<S extends z.ZodType>(spec: RequestSpec<S>): Promise<HarvestWriteResponse<z.output<S>>> {
    const { response, json, status } = await this.exchange(spec);
    if (json === undefined) {
      return { data: null, unreadable: 'the answer was not JSON', headers: response.headers, status };
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      return { data: null, unreadable: issueText(parsed.error), headers: response.headers, status };
    }
    return { data: parsed.data, unreadable: null, headers: response.headers, status };
  }

  /** Sends until there is an answer to interpret: re-mints once on 401, waits out 429s; throws on any non-2xx. */
  private async exchange(
    spec: RequestSpec<z.ZodType>,
  ): Promise<{ response: Response; json: unknown; status: number }> {
    const url = buildUrl(spec.path, spec.query);
    let reminted = false;
    let rateLimitWaits = 0;
    for (;;) {
      const token = await this.deps.tokens.getToken(spec.actAs, { forceRefresh: reminted });
      const response = await this.send(url, spec, token);
      if (response.status === 401 && !reminted) {
        reminted = true;
        continue;
      }
      if (response.status === 429 && rateLimitWaits < MAX_RATE_LIMIT_WAITS) {
        rateLimitWaits += 1;
        continue; // the governor has recorded Retry-After and holds the next acquire until then
      }
      const text = await response.text().catch(() => '');
      let json: unknown;
      if (text) {
        try {
          json = JSON.parse(text);
        } catch {}
      }
      if (response.status >= 200 && response.status < 300) return { response, json, status: response.status };
      throw errorFor(response, json, spec);
    }
  }

  private async send(url: URL, spec: RequestSpec<z.ZodType>, token: string): Promise<Response> {
    const release = await this.governor.acquire(spec.priority);
    try {
      // Each request's dispatch, on the worker's performance timeline (`npm run bench` splits export latency): the
      // call to fetch (`pgs:fetch`), and its return with the request on its way (`pgs:request`).
      if (++requestMarks > 200) {
        for (const name of ['pgs:fetch', 'pgs:request', 'pgs:answer']) performance.clearMarks(name);
        requestMarks = 1;
      }
      performance.mark('pgs:fetch');
      const pending = this.deps.fetch(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      performance.mark('pgs:request');
      this.deps.onDispatch?.();
      // After the network stack has the request: a task queued now runs while Greenhouse answers.
      if (spec.onDispatched) setTimeout(spec.onDispatched, 0);
      const response = await pending;
      // Its answer's arrival (the bench's "last answer → badge" starts at the last one).
      performance.mark('pgs:answer');
      this.governor.observe(response.headers, response.status);
      return response;
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new GreenhouseError({
        kind: timedOut ? 'transient' : 'unreachable',
        message: timedOut
          ? `Greenhouse did not answer within ${Math.round(this.timeoutMs / 1000)} s`
          : MESSAGES.unreachable,
      });
    } finally {
      release();
    }
  }

  /** Pages through a list endpoint: `per_page` on the first call, then each `Link rel="next"` URL verbatim. */
  async *paginate<S extends z.ZodType>(spec: {
    path: string;
    query?: RequestSpec<S>['query'];
    scope: string;
    actAs: number | null;
    item: S;
    perPage?: number;
  }): AsyncGenerator<z.output<S>, void, undefined> {
    const schema = z.array(spec.item);
    let next: RequestSpec<typeof schema> | null = {
      method: 'GET',
      path: spec.path,
      query: { ...spec.query, per_page: spec.perPage ?? 500 },
      scope: spec.scope,
      actAs: spec.actAs,
      schema,
    };
    while (next) {
      const page: HarvestResponse<z.output<S>[]> = await this.request(next);
      yield* page.data;
      const link = nextLink(page.headers.get('link'));
      // The cursor must be the only query parameter, so the next URL is used as given.
      next = link ? { ...next, path: link, query: undefined } : null;
    }
  }
}

const endpointOf = (spec: RequestSpec<z.ZodType>) =>
  `${spec.method} ${new URL(spec.path, HARVEST_ORIGIN).pathname}`;

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'answer'}: ${first.message}` : 'unreadable';
}

/** The typed error for a non-2xx answer, with Greenhouse's own message and field errors. */
function errorFor(response: Response, json: unknown, spec: RequestSpec<z.ZodType>): GreenhouseError {
  const status = response.status;
  const body = json === undefined ? null : (errorBodySchema.safeParse(json).data ?? null);
  const fieldErrors = fieldErrorsOf(body);
  const detail = describeFieldErrors(fieldErrors) || body?.message || body?.error || `HTTP ${status}`;
  if (status === 401)
    return new GreenhouseError({
      kind: 'unauthorized',
      status,
      message:
        'Greenhouse no longer accepts this credential (revoked or changed). Reconnect on the options page.',
    });
  if (status === 403)
    return new GreenhouseError({
      kind: 'forbidden',
      status,
      scope: spec.scope,
      message: `Greenhouse refused ${endpointOf(spec)}: the credential needs ${spec.scope}${spec.actAs !== null ? ` and user ${spec.actAs} must be allowed to do this` : ''}`,
    });
  if (status === 404)
    return new GreenhouseError({ kind: 'not_found', status, message: `Not found in Greenhouse (${detail})` });
  if (status === 422 || status === 400)
    return new GreenhouseError({
      kind: 'validation',
      status,
      fieldErrors,
      message: `Greenhouse rejected the data: ${detail}`,
    });
  if (status === 429) {
    const retryAfterMs = Number(response.headers.get('retry-after')) * 1000 || 30_000;
    return new GreenhouseError({
      kind: 'rate_limited',
      status,
      retryAfterMs,
      message: `Greenhouse's rate limit is reached; trying again in ${Math.ceil(retryAfterMs / 1000)} s`,
    });
  }
  if (status === 408 || status >= 500)
    return new GreenhouseError({
      kind: 'transient',
      status,
      message: `Greenhouse is having trouble (HTTP ${status})`,
    });
  return new GreenhouseError({
    kind: 'bad_response',
    status,
    message: `Greenhouse answered HTTP ${status}: ${detail}`,
  });
}

/** The `rel="next"` URL of an RFC 8288 Link header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /rel="?next"?/i.test(match[2] ?? '')) return match[1] ?? null;
  }
  return null;
}
