import { rateLimitResetMs } from './unconfirmed';

export interface GovernorClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}
export const realClock: GovernorClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface GovernorSnapshot {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
  blockedUntil: number;
  inFlight: number;
}

const RESET_MARGIN_MS = 250;

/**
 * `export` requests go first. `background` ones (the presence index) run one at a time, only while no export is
 * waiting, and leave part of each window to exports, so a build never delays an export by more than one request.
 */
export type Priority = 'export' | 'background';
/** Requests of each window that background work leaves to exports: about one export's worth. */
export const reserveFor = (limit: number | null) => (limit ? Math.min(8, Math.floor(limit / 8)) : 0);

/**
 * One rate governor for every Harvest call. It plans from the last `X-RateLimit-*` values it saw: requests
 * in flight count against `Remaining` until their answers arrive, and when the window is used up it waits for
 * `Reset`. Before any header is seen it lets one request through to learn the limit. A 429 blocks everything
 * for `Retry-After`.
 */
export class RateGovernor {
  private limit: number | null = null;
  private remaining: number | null = null;
  private resetAt: number | null = null;
  private blockedUntil = 0;
  private inFlight = 0;
  private backgroundInFlight = 0;
  private exportsWaiting = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: GovernorClock = realClock) {}

  snapshot(): GovernorSnapshot {
    return {
      limit: this.limit,
      remaining: this.remaining,
      resetAt: this.resetAt,
      blockedUntil: this.blockedUntil,
      inFlight: this.inFlight,
    };
  }

  /** Milliseconds to wait before one more request may start; 0 means now, -1 means "until an answer". */
  private waitMs(): number {
    const now = this.clock.now();
    if (now < this.blockedUntil) return this.blockedUntil - now;
    if (this.remaining === null) return this.inFlight === 0 ? 0 : -1;
    if (this.resetAt !== null && now >= this.resetAt + RESET_MARGIN_MS) {
      // A new window has started: the server's count is back at the limit.
      this.remaining = this.limit ?? 1;
      this.resetAt = null;
    }
    if (this.remaining > 0) return 0;
    if (this.resetAt !== null) return this.resetAt + RESET_MARGIN_MS - now;
    if (this.inFlight > 0) return -1;
    // Used up with no window end known and nothing in flight: learn again, one request at a time.
    this.remaining = null;
    return 0;
  }

  /** Background work waits while exports wait, while another background request is out, and for the reserve. */
  private backgroundBlocked(): boolean {
    if (this.exportsWaiting > 0 || this.backgroundInFlight > 0) return true;
    // With no window end known and nothing out, nothing would ever free the reserve: go on, as for learning.
    if (this.resetAt === null && this.inFlight === 0) return false;
    return this.remaining !== null && this.remaining <= reserveFor(this.limit);
  }

  async acquire(priority: Priority = 'export'): Promise<() => void> {
    if (priority === 'export') this.exportsWaiting += 1;
    try {
      for (;;) {
        let wait = this.waitMs();
        if (wait === 0 && priority === 'background' && this.backgroundBlocked()) {
          // Until an answer or an export frees things up, or the window resets.
          wait =
            this.exportsWaiting > 0 || this.backgroundInFlight > 0 || this.resetAt === null
              ? -1
              : Math.max(1, this.resetAt + RESET_MARGIN_MS - this.clock.now());
        }
        if (wait === 0) break;
        if (wait < 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
        else await this.clock.sleep(wait);
      }
    } finally {
      if (priority === 'export') this.exportsWaiting -= 1;
    }
    this.inFlight += 1;
    if (priority === 'background') this.backgroundInFlight += 1;
    if (this.remaining !== null) this.remaining -= 1;
    this.wake();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      if (priority === 'background') this.backgroundInFlight -= 1;
      this.wake();
    };
  }

  /** Reads the rate-limit headers of any answer (error answers included), before its request is released. */
  observe(headers: Headers, status: number): void {
    const now = this.clock.now();
    if (headers.has('x-ratelimit-limit')) {
      const limit = Number(headers.get('x-ratelimit-limit'));
      if (Number.isFinite(limit) && limit > 0) this.limit = limit;
    }
    const resetAt = rateLimitResetMs(headers.get('x-ratelimit-reset'), now);
    if (headers.has('x-ratelimit-remaining')) {
      const reported = Number(headers.get('x-ratelimit-remaining'));
      if (Number.isFinite(reported)) {
        // Other requests in flight may not be counted in this answer yet: assume they will be.
        const serverView = reported - Math.max(0, this.inFlight - 1);
        const newWindow = resetAt !== null && (this.resetAt === null || resetAt > this.resetAt + 500);
        this.remaining =
          newWindow || this.remaining === null ? serverView : Math.min(this.remaining, serverView);
      }
    }
    if (resetAt !== null && (this.resetAt === null || resetAt >= this.resetAt)) this.resetAt = resetAt;
    if (status === 429) {
      const retryAfter = Number(headers.get('retry-after'));
      const until = now + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000);
      this.blockedUntil = Math.max(this.blockedUntil, until);
      // Retry-After is authoritative: once it has passed, probe one request at a time until headers return.
      this.remaining = null;
      this.resetAt = null;
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
