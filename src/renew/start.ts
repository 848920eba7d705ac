// Main's side of renewal: look the token up, decide what would expire before the bound
// (vault-renew-for), warn about what cannot last that long, and start the helper
// detached (stdio ignored, unref'd: it never keeps main's process alive).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConnectionConfig } from '../inputs/index.js';
import type { RenewConfig } from '../inputs/renew.js';
import type { SessionPaths } from '../state.js';
import type { Lease } from '../vault/fetch.js';
import { childEnv } from '../child-env.js';
import type { TokenFacts, TokenLookup } from './lookup.js';
import { writeRenewPlan } from './plan.js';
import { withoutProxy } from '../refresh/plan.js';
import type { Renewable } from './schedule.js';

export interface RenewalStart {
  /** Log and summary lines (ids, counts, times). */
  readonly lines: string[];
  /** What will end before the bound: shown as warnings, first in the summary. */
  readonly warnings: string[];
}

/** What to renew and what to warn about. Pure. */
export function planRenewal(opts: {
  readonly config: RenewConfig;
  readonly now: number;
  readonly token: TokenFacts | undefined;
  readonly leases: readonly Lease[];
}): { items: Renewable[]; warnings: string[] } {
  const { config, now } = opts;
  const bound = now + config.forSeconds * 1000;
  const within = `before vault-renew-for (${config.forSeconds} s) ends`;
  const items: Renewable[] = [];
  const warnings: string[] = [];
  const consider = (
    kind: Renewable['kind'],
    id: string,
    label: string,
    ttl: number,
    renewable: boolean,
    what: string,
  ): void => {
    if (ttl <= 0) return; // never expires
    const expiresAt = now + ttl * 1000;
    if (expiresAt < bound && !renewable)
      warnings.push(`${what} expires at ${iso(expiresAt)}, ${within}, and it is not renewable.`);
    if (renewable && (config.mode === 'true' || expiresAt < bound))
      items.push({ kind, id, label, ttlSeconds: ttl, expiresAt });
  };
  if (opts.token) {
    consider('token', 'token', 'token', opts.token.ttlSeconds, opts.token.renewable, 'The Vault token');
    if (opts.token.maxEndsAt !== undefined && opts.token.maxEndsAt < bound)
      warnings.push(
        `The Vault token's max TTL ends at ${iso(opts.token.maxEndsAt)}, ${within}: renewal cannot extend it.`,
      );
  }
  for (const [i, lease] of opts.leases.entries()) {
    const label = `lease ${i + 1} (${lease.path})`;
    consider('lease', lease.id, label, lease.durationSeconds, lease.renewable, `The ${label}`);
  }
  return { items, warnings };
}

export function startRenewal(opts: {
  readonly config: RenewConfig;
  readonly connection: ConnectionConfig;
  readonly leases: readonly Lease[];
  readonly paths: SessionPaths;
  /** From main's lookup-self (src/renew/lookup.ts), or why it failed. */
  readonly lookup: TokenLookup | undefined;
}): RenewalStart {
  if (opts.config.mode === 'false' || opts.lookup === undefined) return { lines: [], warnings: [] };
  const now = Date.now();
  const { lookup } = opts;
  const { items, warnings } = planRenewal({ config: opts.config, now, token: lookup.facts, leases: opts.leases });
  if (lookup.failure) warnings.push(lookup.failure);
  if (items.length === 0) return { lines: [], warnings };
  const until = now + opts.config.forSeconds * 1000;
  const connection = withoutProxy(opts.connection);
  // The runner process that ran this step lives as long as the job.
  writeRenewPlan(opts.paths, { connection, until, watchPid: process.ppid, items });
  const script = fileURLToPath(new URL('./renew.js', import.meta.url));
  const child = spawn(process.execPath, [script, opts.paths.root], {
    detached: true,
    stdio: 'ignore',
    windowsHide: true, // no console window for it on a Windows runner
    env: childEnv(),
  });
  child.unref();
  writeFileSync(opts.paths.renewPidFile, String(child.pid ?? ''), { mode: 0o600 });
  const tokens = items.filter((i) => i.kind === 'token').length;
  return {
    lines: [
      `Renewal: a helper (pid ${child.pid ?? '?'}) renews ${tokens > 0 ? 'the token and ' : ''}${items.length - tokens} lease(s) at 2/3 of their TTL until ${iso(until)} at the latest; post stops it.`,
    ],
    warnings,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}
