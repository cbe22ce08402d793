import type { CachedToken, TokenCache } from '../model/token';
import { GreenhouseError, MESSAGES } from './errors';
import { tokenExpiryMs, tokenResponseSchema } from './unconfirmed';

export const TOKEN_URL = 'https://auth.greenhouse.io/token';
const REFRESH_EARLY_MS = 60_000;
const TOKEN_TIMEOUT_MS = 15_000;

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}
export interface TokenProviderDeps {
  credentials: () => Promise<ClientCredentials | null>;
  /**
   * The client id alone, when it can be had without the secret: a cached token is then found without reading the
   * secret store (a woken worker's first request does not wait for IndexedDB).
   */
  clientId?: () => Promise<string | null>;
  cache: TokenCache;
  fetch: typeof fetch;
  now?: () => number;
}

export function memoryTokenCache(): TokenCache {
  const map = new Map<string, CachedToken>();
  return {
    get: async (key) => map.get(key) ?? null,
    set: async (key, token) => void map.set(key, token),
    delete: async (key) => void map.delete(key),
  };
}

const encodeBasic = (id: string, secret: string) => btoa(unescape(encodeURIComponent(`${id}:${secret}`)));

/** Mints client-credentials tokens per acting user (`sub`), caches them until shortly before expiry. */
export class TokenProvider {
  private readonly inFlight = new Map<string, Promise<CachedToken>>();
  private readonly memory = new Map<string, CachedToken>();
  private readonly now: () => number;

  constructor(private readonly deps: TokenProviderDeps) {
    this.now = deps.now ?? Date.now;
  }

  private async cacheKey(sub: number | null): Promise<{ key: string; credentials: ClientCredentials }> {
    const credentials = await this.deps.credentials();
    if (!credentials) throw new GreenhouseError({ kind: 'not_connected', message: MESSAGES.notConnected });
    return { key: `${credentials.clientId}|${sub ?? 'service'}`, credentials };
  }

  async getToken(sub: number | null, options: { forceRefresh?: boolean } = {}): Promise<string> {
    if (!options.forceRefresh && this.deps.clientId) {
      const clientId = await this.deps.clientId();
      if (clientId) {
        const cached = await this.cached(`${clientId}|${sub ?? 'service'}`);
        if (cached) return cached;
      }
    }
    const { key, credentials } = await this.cacheKey(sub);
    if (!options.forceRefresh) {
      const cached = await this.cached(key);
      if (cached) return cached;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.mint(credentials, sub).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const token = await pending;
    this.memory.set(key, token);
    await this.deps.cache.set(key, token);
    return token.accessToken;
  }

  /** Memory first (this worker's life), then the session cache (survives a worker restart); null when stale. */
  private async cached(key: string): Promise<string | null> {
    const cached = this.memory.get(key) ?? (await this.deps.cache.get(key));
    if (!cached || cached.expiresAt - REFRESH_EARLY_MS <= this.now()) return null;
    this.memory.set(key, cached);
    return cached.accessToken;
  }

  /** Drops every token held in memory (after a connect or disconnect). */
  forget(): void {
    this.memory.clear();
  }

  async invalidate(sub: number | null): Promise<void> {
    const { key } = await this.cacheKey(sub);
    this.memory.delete(key);
    await this.deps.cache.delete(key);
  }

  /** Mints with explicit credentials, e.g. to test a credential before it is saved. */
  async mint(credentials: ClientCredentials, sub: number | null): Promise<CachedToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (sub !== null) form.set('sub', String(sub));
    let response: Response;
    try {
      response = await this.deps.fetch(TOKEN_URL, {
        method: 'POST',
        headers: {
          authorization: `Basic ${encodeBasic(credentials.clientId, credentials.clientSecret)}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
    } catch {
      throw new GreenhouseError({ kind: 'unreachable', message: MESSAGES.unreachable });
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 400) {
      let detail = '';
      try {
        const body = JSON.parse(text) as { message?: unknown; error?: unknown };
        detail = String(body.message ?? body.error ?? '');
      } catch {}
      if (sub !== null && /sub|user/i.test(detail)) {
        throw new GreenhouseError({
          kind: 'forbidden',
          status: response.status,
          message: `Greenhouse refused to act as user ${sub}: ${detail}`,
        });
      }
      throw new GreenhouseError({
        kind: 'invalid_credentials',
        status: response.status,
        message: detail ? `${MESSAGES.invalidCredentials} (${detail})` : MESSAGES.invalidCredentials,
      });
    }
    if (response.status === 429 || response.status >= 500) {
      throw new GreenhouseError({
        kind: response.status === 429 ? 'rate_limited' : 'transient',
        status: response.status,
        message: `Greenhouse's sign-in service answered HTTP ${response.status}`,
        retryAfterMs: Number(response.headers.get('retry-after') ?? 0) * 1000 || undefined,
      });
    }
    if (!response.ok) {
      throw new GreenhouseError({
        kind: 'forbidden',
        status: response.status,
        message: `Greenhouse refused the token request (HTTP ${response.status})`,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new GreenhouseError({
        kind: 'bad_response',
        message: 'Greenhouse sent an unreadable token response',
      });
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new GreenhouseError({
        kind: 'bad_response',
        message: 'Greenhouse sent a token response without a token',
      });
    }
    return { accessToken: parsed.data.access_token, expiresAt: tokenExpiryMs(parsed.data, this.now()) };
  }
}
