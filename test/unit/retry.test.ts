import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus, parseRetryAfter, retryReason, spendsRetry } from '../../src/vault/retry.js';

describe('retry policy', () => {
  it('retries what may pass and nothing else', () => {
    expect([412, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 204, 400, 401, 403, 404, 405, 501].some(isRetryableStatus)).toBe(false);
  });

  it('retries a 2xx whose body does not parse; an error status is judged by its status alone', () => {
    expect(retryReason(200, false)).toBe('malformed reply (HTTP 200, body not JSON)');
    expect(retryReason(204, false)).toMatch(/malformed/);
    expect(retryReason(200, true)).toBeUndefined();
    expect(retryReason(503, true)).toBe('HTTP 503');
    expect(retryReason(503, false)).toBe('HTTP 503');
    expect(retryReason(404, false)).toBeUndefined(); // a proxy's HTML 404 is still a 404
    expect(retryReason(403, true)).toBeUndefined();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter under a cap, and honours Retry-After up to the cap', () => {
    const policy = { retries: 5, baseMs: 100, capMs: 1000 };
    expect(backoffMs(0, policy, undefined, () => 1)).toBe(100);
    expect(backoffMs(3, policy, undefined, () => 1)).toBe(800);
    expect(backoffMs(9, policy, undefined, () => 1)).toBe(1000);
    expect(backoffMs(9, policy, undefined, () => 0)).toBe(0);
    expect(backoffMs(0, policy, 400, () => 0)).toBe(400);
    expect(backoffMs(0, policy, 60_000)).toBe(1000);
  });

  it("takes Retry-After as a floor under the jitter: OpenBao's quota says 0 while its window is closed", () => {
    // OpenBao 2.7.2, rate-limit quota, interval 1s: every 429 carries "Retry-After: 0".
    const policy = { retries: 4, baseMs: 200, capMs: 10_000 };
    expect(backoffMs(0, policy, parseRetryAfter('0', 0), () => 1)).toBe(200);
    expect(backoffMs(3, policy, parseRetryAfter('0', 0), () => 0.5)).toBe(800);
    // jobs told the same second spread over the backoff after it, and never wait less
    expect(backoffMs(1, policy, 2000, () => 0)).toBe(2000);
    expect(backoffMs(1, policy, 2000, () => 1)).toBe(2400);
    expect(backoffMs(1, policy, 9900, () => 1)).toBe(10_000);
  });

  it('a rate limit (429) spends no retry; every other retryable status does', () => {
    expect(spendsRetry(429)).toBe(false);
    for (const status of [412, 500, 502, 503, 504]) expect(spendsRetry(status)).toBe(true);
  });
});
