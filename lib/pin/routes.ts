import { PIN_ORIGIN } from './host';
import { BUILTIN_PIN_MAPPING } from './mapping/builtin';
import type { PinMapping } from './mapping/schema';

/** Pin page kinds by URL, from the mapping's route patterns (assumed; see README). Ids come from the route. */
export type PinPage =
  | { kind: 'jobs' }
  | { kind: 'pipeline'; jobId: string }
  | { kind: 'profile'; jobId: string; candidateId: string }
  | { kind: 'inbox' }
  | { kind: 'other' };

type Params = Partial<Record<'jobId' | 'candidateId', string>>;

const segments = (path: string) => path.split('/').filter(Boolean);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledRoute {
  segments: string[];
  /** For paths without escapes: the whole route as one expression, params captured in order. */
  plain: RegExp;
  names: string[];
}

const compiledRoutes = new Map<string, CompiledRoute>();
function compiled(pattern: string): CompiledRoute {
  let route = compiledRoutes.get(pattern);
  if (!route) {
    const want = segments(pattern);
    const names = want.filter((w) => w.startsWith(':')).map((w) => w.slice(1));
    const body = want.map((w) => (w.startsWith(':') ? '([^/]+)' : escapeRegExp(w))).join('/+');
    route = { segments: want, names, plain: new RegExp(`^/*${body}${want.length ? '/*' : ''}$`) };
    if (compiledRoutes.size > 100) compiledRoutes.clear();
    compiledRoutes.set(pattern, route);
  }
  return route;
}

/** The `:params` of `pattern` in `pathname`, or null when the path is not that route. */
export function matchRoute(pattern: string, pathname: string): Params | null {
  const route = compiled(pattern);
  // A 1,000-row pipeline matches every link: a path with no escapes needs no decoding, so one expression test.
  if (!pathname.includes('%')) {
    const match = route.plain.exec(pathname);
    if (!match) return null;
    const params: Params = {};
    route.names.forEach((name, i) => {
      params[name as keyof Params] = match[i + 1]!;
    });
    return params;
  }
  const want = route.segments;
  const have = segments(pathname);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    let h: string;
    try {
      h = decodeURIComponent(have[i]!);
    } catch {
      return null;
    }
    if (w.startsWith(':')) {
      if (!h) return null;
      params[w.slice(1) as keyof Params] = h;
    } else if (w !== h) return null;
  }
  return params;
}

export function pageFromUrl(href: string, mapping: PinMapping = BUILTIN_PIN_MAPPING): PinPage {
  let url: URL;
  try {
    url = new URL(href, PIN_ORIGIN);
  } catch {
    return { kind: 'other' };
  }
  return pageFromPath(url.origin, url.pathname, mapping);
}

/** As pageFromUrl, for a URL already split (an anchor's `origin` and `pathname`). */
export function pageFromPath(
  origin: string,
  pathname: string,
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
): PinPage {
  if (origin !== PIN_ORIGIN) return { kind: 'other' };
  const { routes } = mapping;
  const profile = matchRoute(routes.profile, pathname);
  if (profile?.jobId && profile.candidateId)
    return { kind: 'profile', jobId: profile.jobId, candidateId: profile.candidateId };
  const pipeline = matchRoute(routes.pipeline, pathname);
  if (pipeline?.jobId) return { kind: 'pipeline', jobId: pipeline.jobId };
  if (matchRoute(routes.jobs, pathname)) return { kind: 'jobs' };
  if (matchRoute(routes.inbox, pathname)) return { kind: 'inbox' };
  return { kind: 'other' };
}

function fill(pattern: string, params: Params): string {
  return pattern.replace(/:(jobId|candidateId)\b/g, (_, key: keyof Params) =>
    encodeURIComponent(params[key] ?? ''),
  );
}

export function profileUrl(
  jobId: string,
  candidateId: string,
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
): string {
  return `${PIN_ORIGIN}${fill(mapping.routes.profile, { jobId, candidateId })}`;
}

export function candidateApiUrl(candidateId: string, mapping: PinMapping = BUILTIN_PIN_MAPPING): string {
  return `${PIN_ORIGIN}${fill(mapping.routes.candidateApi, { candidateId })}`;
}

/** Pin's JSON of one job's pipeline (SPEC §6.1), read by the background watcher. */
export function pipelineApiUrl(jobId: string, mapping: PinMapping = BUILTIN_PIN_MAPPING): string {
  return `${PIN_ORIGIN}${fill(mapping.routes.pipelineApi, { jobId })}`;
}
