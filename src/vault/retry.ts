// When and how long to wait before trying a Vault request again. Pure.

export interface RetryPolicy {
  /** Tries after the first one. */
  readonly retries: number;
  /** First backoff ceiling; doubles each try. */
  readonly baseMs: number;
  /** Largest wait between two tries, Retry-After included. */
  readonly capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 200, capMs: 10_000 };

/**
 * 412: a performance standby has not caught up with a write or login yet.
 * 429: a rate-limit quota. 5xx (but 501): sealed, standby, overloaded or a proxy
 * in front of Vault. Every other status is an answer, and trying again will not change it.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 412 || status === 429 || (status >= 500 && status !== 501);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Full-jitter exponential backoff (a random wait up to base * 2^attempt, capped), so
 * many jobs retrying against one Vault do not retry in step. A server's Retry-After
 * replaces it, still capped so one answer cannot stall the job.
 */
export function backoffMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.capMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}
