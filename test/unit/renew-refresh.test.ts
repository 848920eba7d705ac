// The pure parts of renewal and refresh: the renewal schedule and its requests per hour,
// what main decides to renew and warn about, on-change's word splitting, and which spec
// entries a filtered refresh fetches.
import { describe, expect, it } from 'vitest';
import { dueAt, nextDue, renewed, requestsPerHour, type Renewable } from '../../src/renew/schedule.js';
import { planRenewal } from '../../src/renew/start.js';
import { splitCommandLine } from '../../src/refresh/argv.js';
import { requestsToFetch } from '../../src/refresh/select.js';
import { parseSpec } from '../../src/spec/index.js';

const item = (ttl: number, at = 0): Renewable => ({
  kind: 'lease',
  id: 'x',
  label: 'lease 1',
  ttlSeconds: ttl,
  expiresAt: at + ttl * 1000,
});

describe('renewal schedule', () => {
  it('is due at two thirds of the TTL, the earliest first', () => {
    expect(dueAt(item(60))).toBe(40_000);
    const a = item(60);
    const b = item(30);
    expect(nextDue([a, b])).toBe(b);
    b.done = 'gone';
    expect(nextDue([a, b])).toBe(a);
  });

  it('moves the expiry on, and stops once Vault caps it at the max TTL', () => {
    const i = item(60);
    renewed(i, 40_000, 60);
    expect(i.expiresAt).toBe(100_000);
    expect(i.done).toBeUndefined();
    renewed(i, 80_000, 20); // capped: expires at 100 s, as before
    expect(i.done).toMatch(/at its max TTL/);
    expect(i.expiresAt).toBe(100_000);
  });

  it('counts requests per hour from the schedule', () => {
    expect(requestsPerHour([60])).toBe(90);
    expect(requestsPerHour([60, 60, 60])).toBe(270);
    expect(requestsPerHour([0])).toBe(0);
    expect(requestsPerHour([6, 9], 30 / 3600) * (30 / 3600)).toBe(12);
  });
});

describe('planRenewal', () => {
  const config = { mode: 'auto' as const, forSeconds: 3600 };
  const lease = { id: 'l', path: 'db/creds/app', durationSeconds: 600, renewable: true };
  it('renews what expires before the bound and warns about what cannot last', () => {
    const out = planRenewal({
      config,
      now: 0,
      token: { ttlSeconds: 60, renewable: true, maxEndsAt: 1_800_000 },
      leases: [lease, { ...lease, id: 'm', renewable: false }, { ...lease, id: 'n', durationSeconds: 7200 }],
    });
    expect(out.items.map((i) => i.id)).toEqual(['token', 'l']);
    expect(out.warnings).toHaveLength(2);
    expect(out.warnings[0]).toMatch(/max TTL ends at 1970-01-01T00:30:00Z, before vault-renew-for \(3600 s\)/);
    expect(out.warnings[1]).toMatch(/lease 2 \(db\/creds\/app\) expires .* not renewable/);
    expect(out.warnings.join()).not.toContain("'m'");
  });

  it('renews everything renewable with true, nothing that never expires', () => {
    const out = planRenewal({
      config: { ...config, mode: 'true' },
      now: 0,
      token: { ttlSeconds: 0, renewable: false, maxEndsAt: undefined },
      leases: [{ ...lease, durationSeconds: 7200 }],
    });
    expect(out.items.map((i) => i.id)).toEqual(['l']);
    expect(out.warnings).toEqual([]);
  });
});

describe('on-change words', () => {
  it('splits like a shell line, without expanding anything', () => {
    expect(splitCommandLine('docker kill -s HUP api')).toEqual(['docker', 'kill', '-s', 'HUP', 'api']);
    expect(splitCommandLine(`sh -c 'echo "$X" | tee a'`)).toEqual(['sh', '-c', 'echo "$X" | tee a']);
    expect(splitCommandLine('a "b \\"c\\" $HOME" d\\ e ""')).toEqual(['a', 'b "c" $HOME', 'd e', '']);
    expect(splitCommandLine('  ')).toEqual([]);
    expect(() => splitCommandLine(`echo 'open`)).toThrow(/' quote is not closed/);
  });
});

describe('requestsToFetch', () => {
  const spec = parseSpec('secret/app password | PW\nsecret/app user | USER\nsecret/other key\nsecret/names * | N_');
  it('keeps named entries, every * entry, and every entry on a kept path', () => {
    expect(requestsToFetch(spec, undefined)).toHaveLength(4);
    expect(requestsToFetch(spec, new Set(['PW'])).map((r) => r.line)).toEqual([1, 2, 4]);
    expect(requestsToFetch(spec, new Set(['KEY'])).map((r) => r.line)).toEqual([3, 4]);
  });
});
