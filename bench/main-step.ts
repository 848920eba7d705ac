// The main step as users get it: 100 secrets on 100 paths, 20 ms of server latency,
// the bundle run through the runner harness (test/runner/job.ts: INPUT_* variables,
// workflow commands and masks processed as the runner does), ours and the peer
// alternating (ours, peer, ours, peer...) against the same dev server and spec, with
// a token and with AppRole. The time of a run is from spawn to the runner having
// processed its output (the runner registers every ::add-mask:: line before it shows
// the next one). Then the same against a real OpenBao (bench/openbao.ts), seeded alike,
// behind a loopback proxy that adds the same latency (bench/latency-proxy.ts); without
// `bao` on PATH those rows are skipped with one line.
//
// Breakdown, from the process's spawn and exit and the server side's request log (the
// dev server's, or the proxy's in front of OpenBao):
//   start-up + inputs   spawn -> first request reaches Vault
//   login               the login request (AppRole; none with a token)
//   mount lookup        login done -> last sys/internal/ui/mounts reply
//   reads               -> last secret read (or the token's lookup-self beside them) answered
//   masks + delivery    -> process exit (the rest of masking, files, state, exit)
//   runner processing   -> the harness has parsed commands and applied the masks
import { startVaultDevServer } from '../test/vault-server/server.js';
import { Job, ACTION_NODE } from '../test/runner/job.js';
import { spawnSync } from 'node:child_process';
import { NO_BAO, baoVersion, startBenchBao } from './openbao.js';
import { findPeer, ourInputs, peerInputs, type Peer } from './peer.js';
import { ms, row, RUNS, spread, target } from './stats.js';

const PATHS = 100;
/** The wait before every request: the dev server's latencyMs, the proxy's in front of OpenBao. */
export const LATENCY_MS = 20;
const TARGET_MS = 400;
const TARGET_RATIO = 6;

const PHASES = [
  'start-up + inputs',
  'login',
  'mount lookup',
  'reads',
  'masks + delivery',
  'runner processing',
] as const;
type Phase = (typeof PHASES)[number];

/** What the server side saw (the dev server's request log, or the latency proxy's in front of OpenBao). */
interface Observed {
  readonly requests: readonly Timed[];
  readonly connectionsOpened: number;
}
interface Timed {
  readonly path: string;
  readonly receivedAt: number;
  readonly answeredAt: number;
}

/** A server to run against, with its root token and an AppRole login for the bench's read policy. */
interface Target {
  readonly url: string;
  readonly rootToken: string;
  readonly approle: { readonly roleId: string; readonly secretId: string };
  readonly observed: Observed;
}

interface Run {
  readonly ms: number;
  readonly phases: Record<Phase, number>;
  readonly requests: number;
  readonly connections: number;
  readonly maskLines: number;
  readonly stdoutBytes: number;
}

export async function runMainStepBench(): Promise<void> {
  const peer = findPeer();
  const value = (i: number): string => `bench-value-${i}-${Math.random().toString(36).slice(2)}`;
  const lines: string[] = [];
  // vault-action's own spelling (KV v2 with data/, `;` between entries): both read it.
  for (let i = 0; i < PATHS; i++) lines.push(`bench/data/app/p${i} value | S${i} ;`);
  const spec = lines.join('\n');
  const node = spawnSync(ACTION_NODE, ['--version']).stdout.toString().trim();
  console.log(`main step: ${PATHS} secrets on ${PATHS} paths, ${LATENCY_MS} ms latency, runner harness, Node ${node}`);
  console.log(`  peer: ${peer.name}`);
  console.log(`  ${RUNS} runs each after one untimed, alternating ours and the peer; median (min-max)`);

  const server = await startVaultDevServer({ latencyMs: LATENCY_MS });
  try {
    server.mountKv('', 'bench', 2);
    server.addPolicy('', 'bench-read', [
      { path: 'bench/data/*', capabilities: ['read'] },
      { path: 'sys/internal/ui/mounts/*', capabilities: ['read'] },
    ]);
    const approle = { roleId: `role-${Date.now()}`, secretId: `secret-id-${Math.random().toString(36).slice(2)}` };
    server.enableAppRole('', 'approle', 'bench', { ...approle, policies: ['bench-read'] });
    for (let i = 0; i < PATHS; i++) server.putKv('', 'bench', `app/p${i}`, { value: value(i) });
    console.log('  against the dev server (test/vault-server), its own latency:');
    await compare({ url: server.url, rootToken: server.rootToken, approle, observed: server }, spec, peer, '');
  } finally {
    await server.close();
  }

  // The same step against a real OpenBao, the latency added by a loopback proxy in front of it.
  if (baoVersion() === undefined) {
    console.log(`  against OpenBao: ${NO_BAO}`);
    return;
  }
  const bench = await startBenchBao({ paths: PATHS, latencyMs: LATENCY_MS, value });
  try {
    console.log(`  against ${bench.version}, dev mode, through a loopback proxy adding ${LATENCY_MS} ms per request:`);
    const t = { url: bench.proxy.url, rootToken: bench.bao.rootToken, approle: bench.approle, observed: bench.proxy };
    await compare(t, spec, peer, 'OpenBao ');
  } finally {
    await bench.stop();
  }
}

/** Ours and the peer alternating, with a token and with AppRole, against one server. */
async function compare(t: Target, spec: string, peer: Peer, labelPrefix: string): Promise<void> {
  for (const [label, auth] of [
    ['token', { token: t.rootToken }],
    ['AppRole', t.approle],
  ] as const) {
    const ours: Run[] = [];
    const theirs: Run[] = [];
    // One untimed run of each first: the page cache and the server warm up.
    await timeRun(t.observed, ourInputs(t.url, spec, auth), undefined);
    await timeRun(t.observed, peerInputs(peer, t.url, spec, auth), peer);
    for (let i = 0; i < RUNS; i++) {
      ours.push(await timeRun(t.observed, ourInputs(t.url, spec, auth), undefined));
      theirs.push(await timeRun(t.observed, peerInputs(peer, t.url, spec, auth), peer));
    }
    report(`${labelPrefix}${label}`, ours, theirs, peer);
  }
}

async function timeRun(server: Observed, inputs: Record<string, string>, peer: Peer | undefined): Promise<Run> {
  const job = new Job({}, peer?.actionDir);
  const first = server.requests.length;
  const connections = server.connectionsOpened;
  try {
    const r = await job.main(inputs, { timeoutMs: 120_000 });
    if (r.exitCode !== 0) throw new Error(`main step failed (${peer?.name ?? 'this action'}):\n${r.log}\n${r.stderr}`);
    const requests = server.requests.slice(first);
    const run: Run = {
      ms: r.times.processed - r.times.spawned,
      phases: phasesOf(r.times, requests),
      requests: requests.length,
      connections: server.connectionsOpened - connections,
      maskLines: r.masks.length,
      stdoutBytes: Buffer.byteLength(r.stdout),
    };
    // Post revokes and cleans up (ours); not timed.
    if (peer?.kind !== 'real') await job.post();
    return run;
  } finally {
    job.dispose();
  }
}

function phasesOf(
  times: { spawned: number; exited: number; processed: number },
  requests: readonly Timed[],
): Record<Phase, number> {
  const last = (rs: readonly Timed[], fallback: number): number =>
    rs.length === 0 ? fallback : Math.max(...rs.map((r) => r.answeredAt));
  const t1 = requests[0]?.receivedAt ?? times.exited;
  // lookup-self (the renewal helper's facts) goes with the reads, not the login
  const lookup = (r: Timed): boolean => r.path.startsWith('auth/token/lookup-self');
  const t2 = last(
    requests.filter((r) => r.path.startsWith('auth/') && !lookup(r)),
    t1,
  );
  const t3 = last(
    requests.filter((r) => r.path.startsWith('sys/internal/ui/mounts/')),
    t2,
  );
  const t4 = last(
    requests.filter((r) => r.path.startsWith('bench/') || lookup(r)),
    t3,
  );
  return {
    'start-up + inputs': t1 - times.spawned,
    login: t2 - t1,
    'mount lookup': t3 - t2,
    reads: t4 - t3,
    'masks + delivery': times.exited - t4,
    'runner processing': times.processed - times.exited,
  };
}

function report(label: string, ours: Run[], theirs: Run[], peer: Peer): void {
  const o = spread(ours.map((r) => r.ms));
  const p = spread(theirs.map((r) => r.ms));
  const who = peer.kind === 'real' ? 'vault-action' : 'MODEL';
  console.log(`  ${label}:`);
  row('this action', ms(o));
  row(peer.kind === 'real' ? 'hashicorp/vault-action' : 'model of vault-action (one path at a time)', ms(p));
  row('  phase', `${'this action'.padEnd(18)} ${who}`);
  for (const phase of PHASES) {
    const a = spread(ours.map((r) => r.phases[phase]));
    const b = spread(theirs.map((r) => r.phases[phase]));
    row(`  ${phase}`, `${ms(a).padEnd(18)} ${ms(b)}`);
  }
  const facts = (rs: Run[]): string => {
    const r = rs[0] as Run;
    return `${r.requests} requests on ${r.connections} connections, ${r.maskLines} add-mask lines, ${(r.stdoutBytes / 1024).toFixed(0)} KiB stdout`;
  };
  row('  this action', facts(ours));
  row(`  ${who}`, facts(theirs));
  const ratio = p.median / o.median;
  target(
    `${label}: main step <= ${TARGET_MS} ms`,
    o.median <= TARGET_MS,
    `${o.median.toFixed(0)} ms; ${who} ${p.median.toFixed(0)} ms`,
  );
  target(`${label}: >= ${TARGET_RATIO}x ${who}`, ratio >= TARGET_RATIO, `${ratio.toFixed(1)}x`);
}
