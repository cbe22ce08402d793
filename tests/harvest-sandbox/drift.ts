import { NEEDS, type ObjectKind } from '../../lib/greenhouse/schemas';

/**
 * How the live Greenhouse may differ from its document, applied to the sandbox's answers (SPEC §2.1):
 * - `drift` changes every field the product does not need (lib/greenhouse/schemas.ts `NEEDS`): documented
 *   non-null values become null, strings and arrays swap, numbers arrive as strings, fields are dropped, enum words
 *   change letter case, and unknown fields are added. Ids and needed fields are kept as they are.
 * - `unreadable` answers a committed write with a 2xx whose body cannot be used: empty, HTML, truncated JSON, or
 *   JSON without the new object's id.
 *
 * A scope is `true` (every endpoint) or a list of endpoints, each "METHOD /v3/path" or "/v3/path" (any method);
 * `/v3/candidates/{id}` stands for a candidate's own path.
 */
export type EndpointScope = boolean | readonly string[];

export const UNREADABLE_BODIES = ['empty', 'html', 'truncated', 'no-id'] as const;
export type UnreadableBody = (typeof UNREADABLE_BODIES)[number];

/** The object kind each endpoint answers with: one, a list, or (POST /v3/candidates) inside an envelope. */
const ANSWERS: Record<string, ObjectKind> = {
  '/v3/candidates': 'candidate',
  '/v3/candidates/{id}': 'candidate',
  '/v3/applications': 'application',
  '/v3/attachments': 'attachment',
  '/v3/notes': 'note',
  '/v3/candidate_employments': 'candidate_employment',
  '/v3/candidate_educations': 'candidate_education',
  '/v3/jobs': 'job',
  '/v3/users': 'user',
  '/v3/sources': 'source',
  '/v3/custom_field_options': 'custom_field_option',
};

export const endpointPath = (path: string) => path.replace(/^\/v3\/candidates\/\d+$/, '/v3/candidates/{id}');

export function inScope(scope: EndpointScope | undefined, method: string, path: string): boolean {
  if (!scope) return false;
  if (scope === true) return true;
  const template = endpointPath(path);
  return scope.some((entry) => {
    const [first, second] = entry.trim().split(/\s+/);
    return second === undefined
      ? first === template || first === path
      : first!.toUpperCase() === method && (second === template || second === path);
  });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Json = Record<string, unknown>;
/** One changed value, or `undefined` for "drop the field". */
function mutate(value: unknown, pick: number): unknown {
  const choose = (options: (() => unknown)[]) => options[pick % options.length]!();
  if (value === null) return choose([() => undefined, () => '', () => 0, () => []]);
  if (typeof value === 'string') {
    const other = value === value.toUpperCase() ? value.toLowerCase() : value.toUpperCase();
    return choose([
      () => null,
      () => [value],
      () => undefined,
      () => (other === value ? `${value}X` : other),
    ]);
  }
  if (typeof value === 'number') return choose([() => String(value), () => null, () => undefined]);
  if (typeof value === 'boolean') return choose([() => null, () => String(value), () => undefined]);
  if (Array.isArray(value))
    return choose([
      () => null,
      () => value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', '),
      () => undefined,
      () => (value.length ? value.slice(0, 1) : 'none'),
    ]);
  return choose([() => null, () => undefined, () => JSON.stringify(value), () => [value]]);
}

/** Every field the product does not need changes; needed ones stay; unknown fields appear. */
export function driftObject(kind: ObjectKind, object: Json, seed: number): Json {
  const needed = new Set(Object.keys(NEEDS[kind].read));
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (needed.has(key)) {
      out[key] = value;
      continue;
    }
    const changed = mutate(value, hash(key) + seed);
    if (changed !== undefined) out[key] = changed;
  }
  out.x_gh_trace = { id: `t-${seed}`, sampled: seed % 2 === 0 };
  out[`beta_${kind}_flags`] = seed % 3 === 0 ? null : ['new'];
  return out;
}

/** The drifted form of an answer body from `path`, or the body unchanged when the endpoint is unknown. */
export function driftAnswer(path: string, body: unknown, seed: number): unknown {
  const kind = ANSWERS[endpointPath(path)];
  if (!kind) return body;
  const one = (k: ObjectKind, value: unknown, n: number) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? driftObject(k, value as Json, n)
      : value;
  if (Array.isArray(body)) return body.map((row, i) => one(kind, row, seed + i));
  if (kind === 'candidate' && path === '/v3/candidates' && typeof body === 'object' && body !== null) {
    const envelope = body as { candidate?: unknown; application?: unknown };
    return {
      candidate: one('candidate', envelope.candidate, seed),
      application:
        envelope.application == null
          ? envelope.application
          : one('application', envelope.application, seed + 1),
      request_id: `req-${seed}`,
    };
  }
  return one(kind, body, seed);
}

/** A 2xx body that cannot be used, for a write Greenhouse committed. */
export function unreadableBody(
  kind: UnreadableBody,
  committed: string,
): { body: string; contentType: string } {
  switch (kind) {
    case 'empty':
      return { body: '', contentType: 'application/json' };
    case 'html':
      return {
        body: '<!doctype html><html><body><h1>Request accepted</h1></body></html>',
        contentType: 'text/html; charset=utf-8',
      };
    case 'truncated':
      return {
        body: committed.slice(0, Math.max(1, Math.floor(committed.length / 3))),
        contentType: 'application/json',
      };
    case 'no-id':
      return { body: JSON.stringify({ message: 'Created', status: 'ok' }), contentType: 'application/json' };
  }
}
