// When the renewal helper renews what: each token or lease at two thirds of the TTL it
// last got, so one failed attempt still leaves a third of the TTL to try again in.
// Pure: the helper's loop and the bench's requests-per-hour both come from here.

/** Renew when this share of the TTL has passed. */
export const RENEW_AT = 2 / 3;

export interface Renewable {
  readonly kind: 'token' | 'lease';
  /** The lease id, or 'token'. */
  readonly id: string;
  /** What the log calls it: 'token', or the lease's number and path (a lease id is masked: it is not logged). */
  readonly label: string;
  /** The TTL Vault last granted, in seconds. */
  ttlSeconds: number;
  /** Epoch ms at which it expires unless renewed. */
  expiresAt: number;
  /** Set once Vault would extend it no further (its max TTL), or it is gone: not renewed again. */
  done?: string;
}

export function dueAt(item: Renewable): number {
  return item.expiresAt - (1 - RENEW_AT) * item.ttlSeconds * 1000;
}

/** The next item due (not done), if any. */
export function nextDue(items: readonly Renewable[]): Renewable | undefined {
  let next: Renewable | undefined;
  for (const item of items)
    if (item.done === undefined && (next === undefined || dueAt(item) < dueAt(next))) next = item;
  return next;
}

/**
 * After a renewal at `now` that granted `ttlSeconds`: the new expiry, or, when it moved
 * the expiry no later (Vault capped it at the max TTL), the item is done.
 */
export function renewed(item: Renewable, now: number, ttlSeconds: number): void {
  const expiresAt = now + ttlSeconds * 1000;
  if (ttlSeconds <= 0 || expiresAt <= item.expiresAt + 1000) {
    item.done = `at its max TTL: expires at ${new Date(Math.min(expiresAt, item.expiresAt)).toISOString()}`;
    item.expiresAt = Math.min(expiresAt, item.expiresAt);
    return;
  }
  item.expiresAt = expiresAt;
  item.ttlSeconds = ttlSeconds;
}

/**
 * Renewal requests per hour for items of these TTLs (seconds), each granted the same TTL
 * every time and never capped: 3600 / (RENEW_AT * ttl) each, over a `hours`-long run.
 */
export function requestsPerHour(ttls: readonly number[], hours = 1): number {
  const end = hours * 3600;
  let requests = 0;
  for (const ttl of ttls) {
    if (ttl <= 0) continue;
    for (let at = RENEW_AT * ttl; at <= end; at += RENEW_AT * ttl) requests++;
  }
  return requests / hours;
}
