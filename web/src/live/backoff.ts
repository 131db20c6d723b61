/** Reconnect delays: exponential from `baseMs`, capped at `maxMs`, with "equal jitter" so a control room
 * full of consoles does not reconnect in lockstep after a server restart. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1 random source, injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
