// The refresh step (refresh/action.yml) for 100 secrets on 100 paths at 20 ms latency,
// against the main step for the same 100 in the same job, under the runner harness:
// main, then every value rotated (KV v2: a new version each), refresh timed; and a
// refresh with nothing changed. Then the renewal helper's requests per hour: computed
// from its schedule (src/renew/schedule.ts) for a set of TTLs, and checked against the
// helper's own log in a short run against the dev server (leases of 6 s and 9 s).
import { startVaultDevServer, type VaultDevServer } from '../test/vault-server/server.js';
import { Job, ACTION_NODE } from '../test/runner/job.js';
import { spawnSync } from 'node:child_process';
import { requestsPerHour } from '../src/renew/schedule.js';
import { ms, row, RUNS, spread, target } from './stats.js';

const PATHS = 100;
const LATENCY_MS = 20;

export async function runRefreshBench(): Promise<void> {
  const server = await startVaultDevServer({ latencyMs: LATENCY_MS });
  try {
    server.mountKv('', 'bench', 2);
    const spec = Array.from({ length: PATHS }, (_, i) => `bench/app/p${i} value | S${i}`).join('\n');
    const node = spawnSync(ACTION_NODE, ['--version']).stdout.toString().trim();
    console.log(
      `refresh step: ${PATHS} secrets on ${PATHS} paths, ${LATENCY_MS} ms latency, runner harness, Node ${node}`,
    );
    console.log(
      `  ${RUNS} jobs after one untimed; each: main, all ${PATHS} rotated, refresh, refresh again; median (min-max)`,
    );
    const runs: { main: number; changed: number; same: number }[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = await oneJob(server, spec, i);
      if (i > 0) runs.push(r);
    }
    const main = spread(runs.map((r) => r.main));
    const changed = spread(runs.map((r) => r.changed));
    const same = spread(runs.map((r) => r.same));
    row('main step (token)', ms(main));
    row(`refresh, all ${PATHS} changed (masks, files, on-change)`, ms(changed));
    row('refresh, nothing changed', ms(same));
    target(
      `refresh of ${PATHS} changed <= main step`,
      changed.median <= main.median,
      `${(changed.median / main.median).toFixed(2)}x main`,
    );
  } finally {
    await server.close();
  }
  await runRenewalRate();
}

async function oneJob(
  server: VaultDevServer,
  spec: string,
  n: number,
): Promise<{ main: number; changed: number; same: number }> {
  for (let i = 0; i < PATHS; i++) server.putKv('', 'bench', `app/p${i}`, { value: `bench-${n}-${i}-${rand()}` });
  const job = new Job();
  try {
    const inputs = { 'vault-addr': server.url, 'vault-token': server.rootToken, secrets: spec };
    const main = await job.main(inputs, { timeoutMs: 120_000 });
    if (main.exitCode !== 0) throw new Error(`main failed:\n${main.log}`);
    for (let i = 0; i < PATHS; i++) server.putKv('', 'bench', `app/p${i}`, { value: `bench-${n}-${i}-${rand()}` });
    const changed = await job.refresh({ 'on-change': 'true' }, { timeoutMs: 120_000 });
    if (changed.exitCode !== 0 || !changed.log.includes(`${PATHS} changed`))
      throw new Error(`refresh failed:\n${changed.log}`);
    const same = await job.refresh({ 'on-change': 'true' }, { timeoutMs: 120_000 });
    if (same.exitCode !== 0 || !same.log.includes('0 changed')) throw new Error(`refresh failed:\n${same.log}`);
    await job.post();
    const took = (r: { times: { spawned: number; processed: number } }): number => r.times.processed - r.times.spawned;
    return { main: took(main), changed: took(changed), same: took(same) };
  } finally {
    job.dispose();
  }
}

/** Requests per hour from the schedule, and the helper's log of a short run against it. */
async function runRenewalRate(): Promise<void> {
  console.log('renewal helper: requests per hour from its schedule (renewal at 2/3 of each TTL)');
  for (const [label, ttls] of [
    ['token 1 h (3600 s)', [3600]],
    ['token 60 s + 2 leases of 60 s', [60, 60, 60]],
    ['token 30 min + 10 database leases of 30 min', [1800, ...Array<number>(10).fill(1800)]],
  ] as const) {
    row(`  ${label}`, `${requestsPerHour(ttls).toFixed(0)} requests/hour`);
  }
  const seconds = 30;
  const ttls = [6, 9];
  const expected = requestsPerHour(ttls, seconds / 3600) * (seconds / 3600);
  const server = await startVaultDevServer();
  const job = new Job();
  try {
    server.mountDatabase('', 'db6', ['app'], ttls[0]);
    server.mountDatabase('', 'db9', ['app'], ttls[1]);
    const main = await job.main({
      'vault-addr': server.url,
      'vault-token': server.rootToken,
      secrets: 'db6/creds/app password | A\ndb9/creds/app password | B',
      'vault-renew': 'true',
      'vault-renew-for': `${seconds}s`,
    });
    if (main.exitCode !== 0) throw new Error(`main failed:\n${main.log}`);
    await new Promise((r) => setTimeout(r, (seconds + 2) * 1000));
    const post = await job.post();
    const logged = post.stdout.split('\n').filter((l) => /renewal: .* renewed lease/.test(l)).length;
    const served = server.requests.filter((r) => r.path === 'sys/leases/renew').length;
    row(
      `  short run: leases of ${ttls.join(' s and ')} s for ${seconds} s`,
      `schedule ${expected} renewals, log ${logged}, dev server saw ${served}`,
    );
    row(
      '    as requests/hour',
      `schedule ${requestsPerHour(ttls).toFixed(0)}, log ${((logged * 3600) / seconds).toFixed(0)}`,
    );
    target(
      'helper renewals match its schedule (within 1 per lease)',
      Math.abs(logged - expected) <= ttls.length,
      `${logged} of ${expected}`,
    );
  } finally {
    job.dispose();
    await server.close();
  }
}

function rand(): string {
  return Math.random().toString(36).slice(2);
}
