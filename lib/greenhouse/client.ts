import type { TokenCache } from '../model/token';
import { HarvestApi } from './api';
import type { GovernorClock, RateGovernor } from './governor';
import { HarvestHttp } from './http';
import { type ClientCredentials, TokenProvider } from './token';

export interface HarvestClientDeps {
  credentials: () => Promise<ClientCredentials | null>;
  clientId?: () => Promise<string | null>;
  tokenCache: TokenCache;
  fetch?: typeof fetch;
  governor?: RateGovernor;
  clock?: GovernorClock;
  timeoutMs?: number;
  onDispatch?: () => void;
}

export interface HarvestClient {
  tokens: TokenProvider;
  http: HarvestHttp;
  /** Endpoints acting as `actAs` (a Greenhouse user id) or, with null, as the credential's service user. */
  api: (actAs: number | null) => HarvestApi;
}

export function createHarvestClient(deps: HarvestClientDeps): HarvestClient {
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const tokens = new TokenProvider({
    credentials: deps.credentials,
    ...(deps.clientId ? { clientId: deps.clientId } : {}),
    cache: deps.tokenCache,
    fetch: doFetch,
    now: deps.clock?.now,
  });
  const http = new HarvestHttp({
    tokens,
    fetch: doFetch,
    governor: deps.governor,
    clock: deps.clock,
    timeoutMs: deps.timeoutMs,
    ...(deps.onDispatch ? { onDispatch: deps.onDispatch } : {}),
  });
  return { tokens, http, api: (actAs) => new HarvestApi(http, actAs) };
}
