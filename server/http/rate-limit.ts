/** Fixed-window request counter per client (token id, else address); forgets idle clients. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; returns the seconds to wait when the client is over its limit, else 0. */
  take(client: string): number {
    const now = this.now();
    const window = this.windows.get(client);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.forgetIdle(now);
      this.windows.set(client, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    return window.count > this.perMinute ? Math.ceil((window.start + 60_000 - now) / 1000) : 0;
  }

  private forgetIdle(now: number): void {
    for (const [client, window] of this.windows)
      if (now - window.start >= 60_000) this.windows.delete(client);
  }
}
