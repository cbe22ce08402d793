/** A minted Greenhouse access token and when it stops working (epoch ms). */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Where minted tokens are kept between worker restarts: `storage.session` in the extension. */
export interface TokenCache {
  get(key: string): Promise<CachedToken | null>;
  set(key: string, token: CachedToken): Promise<void>;
  delete(key: string): Promise<void>;
}
