// npm run bench:load: one organization's burst of jobs against one real OpenBao with a
// rate-limit quota that forces 429s. 50 main steps start at once, each run as the runner
// runs it (test/runner/job.ts), each logging in with AppRole and reading a few secrets,
// through the same 20 ms loopback proxy as the main-step bench; the proxy counts the
// statuses OpenBao sent and the Retry-After values it sent with its 429s. Then the same
// burst with vault-retries raised, and with hashicorp/vault-action's bundle. Printed: p50/p95 step time, failures
// (each run has a deadline), 429s, requests, and the retries ours logged.
//
// A separate script, not a section of `npm run bench`: 50 concurrent Node processes
// saturate this machine's two cores, so it would disturb the timed sections around it,
// and it needs OpenBao while `npm run bench` runs without it. Its own watchdog ends it.
//
// Knobs: LOAD_JOBS (default 50), LOAD_RATE (requests a second the quota allows, default 20),
// VAULT_ACTION_DIST, ACTION_NODE.
import { Job, type StepResult } from '../test/runner/job.js';
import { LATENCY_MS } from './main-step.js';
import { NO_BAO, baoVersion, startBenchBao, type BenchBao } from './openbao.js';
import { findPeer, ourInputs, peerInputs, type Peer } from './peer.js';
import { percentile, row } from './stats.js';

const JOBS = Math.max(1, Number(process.env['LOAD_JOBS'] ?? 50));
const RATE = Math.max(1, Number(process.env['LOAD_RATE'] ?? 20));
const PATHS = 3;
/** What the action's 429 message says to raise: vault-retries. */
const MORE_RETRIES = 10;
/** The action's own deadline for login and fetch (vault-timeout), and the harness's kill past it. */
const VAULT_TIMEOUT_S = 60;
const STEP_TIMEOUT_MS = 90_000;
/** The whole run ends by itself past this, whatever hangs. */
const WATCHDOG_MS = 10 * 60_000;

interface LoadRun {
  readonly ms: number;
  readonly ok: boolean;
  /** Retries the step logged ("try N of M"). */
  readonly retries: number;
  /** Why the step retried, e.g. "HTTP 429", "ECONNRESET". */
  readonly reasons: readonly string[];
  readonly failure: string | undefined;
}

interface Burst {
  readonly runs: readonly LoadRun[];
  readonly requests: number;
  readonly statuses: ReadonlyMap<number, number>;
  readonly retryAfters: ReadonlyMap<string, number>;
  readonly failures: ReadonlyMap<string, number>;
  /** Requests OpenBao had not answered when the burst ended (method and path head). */
  readonly unanswered: ReadonlyMap<string, number>;
  readonly wallMs: number;
  /** From the first request the server got to its last answer. */
  readonly serverMs: number;
}

async function main(): Promise<void> {
  const version = baoVersion();
  if (version === undefined) {
    console.log(`load: ${NO_BAO}`);
    return;
  }
  const peer = findPeer();
  const bench = await startBenchBao({ paths: PATHS, latencyMs: LATENCY_MS, value: (i) => `load-value-${i}-${rnd()}` });
  running = bench;
  try {
    const spec = Array.from({ length: PATHS }, (_, i) => `bench/data/app/p${i} value | S${i} ;`).join('\n');
    // Retry-After and X-Ratelimit-* on replies are off by default in OpenBao; on, as an operator would set them.
    await bench.bao.must('POST', 'sys/quotas/config', { enable_rate_limit_response_headers: true });
    await bench.bao.must('POST', 'sys/quotas/rate-limit/bench-load', { rate: RATE, interval: '1s' });
    console.log(
      `load: ${JOBS} concurrent main steps (AppRole login, ${PATHS} secrets on ${PATHS} paths) against one ${version}`,
    );
    console.log(
      `  rate-limit quota ${RATE} requests/s (interval 1s, response headers on), ${LATENCY_MS} ms proxy latency, ` +
        `vault-timeout ${VAULT_TIMEOUT_S} s, each step killed at ${STEP_TIMEOUT_MS / 1000} s; statuses counted at the proxy`,
    );
    console.log(`  peer: ${peer.name}`);
    // Ours with its defaults, then with the vault-retries its 429 error message advises, then the peer.
    const runs: [string, (url: string) => Record<string, string>, Peer | undefined][] = [
      ['this action (defaults: vault-retries 4)', (url) => ourInputs(url, spec, bench.approle), undefined],
      [
        `this action, vault-retries ${MORE_RETRIES}`,
        (url) => ({ ...ourInputs(url, spec, bench.approle), 'vault-retries': String(MORE_RETRIES) }),
        undefined,
      ],
      [
        peer.kind === 'real' ? 'hashicorp/vault-action' : 'MODEL of vault-action',
        (url) => peerInputs(peer, url, spec, bench.approle),
        peer,
      ],
    ];
    for (const [who, inputs, p] of runs) {
      await new Promise((r) => setTimeout(r, 2000)); // the quota's window empties between bursts
      report(who, await burst(bench, inputs, p));
    }
  } finally {
    await bench.stop();
  }
}

/** JOBS main steps at once; the statuses are the server's for the mains (ours' posts run after, untallied). */
async function burst(
  bench: BenchBao,
  inputs: (url: string) => Record<string, string>,
  peer: Peer | undefined,
): Promise<Burst> {
  const jobs = Array.from({ length: JOBS }, () => new Job({}, peer?.actionDir));
  const first = bench.proxy.requests.length;
  bench.proxy.resetStatuses();
  const t0 = Date.now();
  try {
    const results = await Promise.all(
      jobs.map((job) =>
        job.main(
          { ...inputs(bench.proxy.url), ...(peer ? {} : { 'vault-timeout': String(VAULT_TIMEOUT_S) }) },
          { timeoutMs: STEP_TIMEOUT_MS },
        ),
      ),
    );
    const wallMs = Date.now() - t0;
    const seen = bench.proxy.requests.slice(first);
    const out: Burst = {
      serverMs: Math.max(0, ...seen.map((r) => r.answeredAt)) - Math.min(...seen.map((r) => r.receivedAt)),
      runs: results.map(loadRun),
      requests: bench.proxy.requests.length - first,
      statuses: new Map(bench.proxy.statuses),
      retryAfters: new Map(bench.proxy.retryAfters),
      failures: new Map(bench.proxy.failures),
      unanswered: tally(
        seen.filter((r) => r.status === 0).map((r) => `${r.method} ${r.path.split('/').slice(0, 3).join('/')}`),
      ),
      wallMs,
    };
    // Post shreds the files and revokes the token, as the runner runs it at the job's end.
    if (peer?.kind !== 'real') {
      const posts = await Promise.all(jobs.map((job) => job.post({ timeoutMs: STEP_TIMEOUT_MS })));
      const failed = posts.filter((p) => p.exitCode !== 0).length;
      row('  (post steps, untimed)', `${posts.length - failed} of ${posts.length} exited 0`);
    }
    return out;
  } finally {
    for (const job of jobs) job.dispose();
  }
}

function loadRun(r: StepResult): LoadRun {
  const tries = [...r.stdout.matchAll(/: ([^:\n]*), try \d+ (?:of \d+ )?in \d+ ms/g)].map((m) => m[1] ?? '');
  const error = r.commands.find((c) => c.command === 'error')?.message;
  const killed =
    r.signal === null ? undefined : `killed by ${r.signal} at the ${STEP_TIMEOUT_MS / 1000} s step timeout`;
  return {
    ms: r.times.processed - r.times.spawned,
    ok: r.exitCode === 0,
    retries: tries.length,
    reasons: tries,
    failure: r.exitCode === 0 ? undefined : (killed ?? error ?? (r.stderr.trim().split('\n').pop() || 'exit code')),
  };
}

function report(who: string, b: Burst): void {
  const ok = b.runs.filter((r) => r.ok);
  const times = b.runs.map((r) => r.ms);
  console.log(`  ${who}:`);
  row(
    '  succeeded',
    `${ok.length} of ${b.runs.length}; the burst took ${(b.wallMs / 1000).toFixed(1)} s, ` +
      `${(b.serverMs / 1000).toFixed(1)} s of it at the server (first request to last answer)`,
  );
  row(
    '  step time p50 / p95 / max (all runs)',
    `${percentile(times, 50).toFixed(0)} / ${percentile(times, 95).toFixed(0)} / ${Math.max(...times).toFixed(0)} ms`,
  );
  const statuses = [...b.statuses].sort(([a], [c]) => a - c).map(([s, n]) => `${n}x ${s}`);
  for (const [f, n] of b.failures) statuses.push(`${n}x ${f}`);
  row('  requests OpenBao answered (at the proxy)', `${b.requests}: ${statuses.join(', ')}`);
  const ra = [...b.retryAfters].map(([v, n]) => `${n}x "${v}"`);
  row('  Retry-After sent with the 429s', ra.length === 0 ? 'no 429' : ra.join(', '));
  const retries = b.runs.reduce((n, r) => n + r.retries, 0);
  if (b.unanswered.size > 0) row('  never answered', [...b.unanswered].map(([what, n]) => `${n}x ${what}`).join(', '));
  const why = [...tally(b.runs.flatMap((r) => r.reasons))].map(([reason, n]) => `${n}x ${reason}`).join(', ');
  row('  retries the steps logged', `${retries}${retries > 0 ? `: ${why}` : ''}`);
  const failures = new Map<string, number>();
  for (const r of b.runs) if (r.failure) failures.set(r.failure, (failures.get(r.failure) ?? 0) + 1);
  for (const [f, n] of failures) row(`  failed ${n}x`, f.replace(/\s*\n[-\s]*/g, ' / ').slice(0, 200));
}

function tally(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

const rnd = (): string => Math.random().toString(36).slice(2);

/** The server to stop if the watchdog fires (the steps' own timers kill the steps). */
let running: BenchBao | undefined;
const watchdog = setTimeout(() => {
  console.error(`bench:load: still running after ${WATCHDOG_MS / 60_000} min: stopped`);
  void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(2));
}, WATCHDOG_MS);
watchdog.unref();
const started = performance.now();
await main();
console.log(`bench:load: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
