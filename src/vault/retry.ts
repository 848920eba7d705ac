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

/**
 * Whether a retryable status spends one of the `retries` tries. A 429 does not: a
 * rate-limit quota says "not now", not "broken", and a burst of jobs against one quota
 * (an organisation's push) needs more tries than a flaky network does. Such tries go on
 * until the step's deadline (vault-timeout), each waiting its backoff.
 */
export function spendsRetry(status: number): boolean {
  return status !== 429;
}

/**
 * Why a reply deserves another try, or undefined when it is the answer. A 2xx whose body
 * does not parse was cut short on the way (a proxy, a Vault that died mid-write): it is
 * not Vault's answer, and the same request may well get a whole one. (An error status
 * with a body that is not JSON, a proxy's HTML page, is judged by its status alone.)
 */
export function retryReason(status: number, bodyParses: boolean): string | undefined {
  if (isRetryableStatus(status)) return `HTTP ${status}`;
  if (status >= 200 && status < 300 && !bodyParses) return `malformed reply (HTTP ${status}, body not JSON)`;
  return undefined;
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
 * many jobs retrying against one Vault do not retry in step. A server's Retry-After is
 * the floor the jitter is added to, not the wait itself: a rate-limit quota in OpenBao
 * (and Vault) says "Retry-After: 0" while its window is still closed (whole seconds,
 * rounded down), which taken as the wait spent every retry at once; and jobs told the
 * same second would all retry in it. Capped, so one answer cannot stall the job.
 */
export function backoffMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.min(policy.capMs, (retryAfterMs ?? 0) + Math.round(random() * ceiling));
}
