import { z } from 'zod';
import { type FieldError, GreenhouseError, MESSAGES } from './errors';
import { type GovernorClock, RateGovernor, realClock } from './governor';
import { errorBodySchema } from './schemas';
import type { TokenProvider } from './token';

export const HARVEST_ORIGIN = 'https://harvest.greenhouse.io';
/** Well under the MV3 worker's 30 s limit for a fetch answer. */
export const REQUEST_TIMEOUT_MS = 20_000;
const MAX_RATE_LIMIT_WAITS = 8;

export interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH';
  /** A path under the Harvest origin, or an absolute `next` URL from a Link header. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The single scope this endpoint needs, named in the error when Greenhouse answers 403. */
  scope: string;
  schema: S;
  /** Acting Greenhouse user (the token's `sub`); null acts as the credential's service user. */
  actAs: number | null;
}

export interface HarvestResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export interface HarvestHttpDeps {
  tokens: TokenProvider;
  fetch: typeof fetch;
  governor?: RateGovernor;
  clock?: GovernorClock;
  timeoutMs?: number;
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

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<HarvestResponse<z.output<S>>> {
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
      return this.interpret(response, spec);
    }
  }

  private async send(url: URL, spec: RequestSpec<z.ZodType>, token: string): Promise<Response> {
    const release = await this.governor.acquire();
    try {
      const response = await this.deps.fetch(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
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

  private async interpret<S extends z.ZodType>(
    response: Response,
    spec: RequestSpec<S>,
  ): Promise<HarvestResponse<z.output<S>>> {
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    let jsonOk = false;
    if (text) {
      try {
        json = JSON.parse(text);
        jsonOk = true;
      } catch {}
    }
    const status = response.status;
    if (status >= 200 && status < 300) {
      if (!jsonOk) {
        throw new GreenhouseError({
          kind: 'bad_response',
          status,
          message: 'Greenhouse sent a response that is not JSON',
        });
      }
      const parsed = spec.schema.safeParse(json);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new GreenhouseError({
          kind: 'bad_response',
          status,
          message: `Greenhouse sent an unexpected response for ${spec.method} ${new URL(spec.path, HARVEST_ORIGIN).pathname}${first ? ` (${first.path.join('.')}: ${first.message})` : ''}`,
        });
      }
      return { data: parsed.data, headers: response.headers, status };
    }
    const body = jsonOk ? (errorBodySchema.safeParse(json).data ?? null) : null;
    const fieldErrors = fieldErrorsOf(body);
    const detail = describeFieldErrors(fieldErrors) || body?.message || body?.error || `HTTP ${status}`;
    switch (true) {
      case status === 401:
        throw new GreenhouseError({
          kind: 'unauthorized',
          status,
          message:
            'Greenhouse no longer accepts this credential (revoked or changed). Reconnect on the options page.',
        });
      case status === 403:
        throw new GreenhouseError({
          kind: 'forbidden',
          status,
          scope: spec.scope,
          message: `Greenhouse refused ${spec.method} ${new URL(spec.path, HARVEST_ORIGIN).pathname}: the credential needs ${spec.scope}${spec.actAs !== null ? ` and user ${spec.actAs} must be allowed to do this` : ''}`,
        });
      case status === 404:
        throw new GreenhouseError({
          kind: 'not_found',
          status,
          message: `Not found in Greenhouse (${detail})`,
        });
      case status === 422 || status === 400:
        throw new GreenhouseError({
          kind: 'validation',
          status,
          fieldErrors,
          message: `Greenhouse rejected the data: ${detail}`,
        });
      case status === 429: {
        const retryAfterMs = Number(response.headers.get('retry-after')) * 1000 || 30_000;
        throw new GreenhouseError({
          kind: 'rate_limited',
          status,
          retryAfterMs,
          message: `Greenhouse's rate limit is reached; trying again in ${Math.ceil(retryAfterMs / 1000)} s`,
        });
      }
      case status === 408 || status >= 500:
        throw new GreenhouseError({
          kind: 'transient',
          status,
          message: `Greenhouse is having trouble (HTTP ${status})`,
        });
      default:
        throw new GreenhouseError({
          kind: 'bad_response',
          status,
          message: `Greenhouse answered HTTP ${status}: ${detail}`,
        });
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

/** The `rel="next"` URL of an RFC 8288 Link header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /rel="?next"?/i.test(match[2] ?? '')) return match[1] ?? null;
  }
  return null;
}
