// npm run bench: the bundled main step against the Vault dev server, measured against
// named peers in the same run, printed as times and ratios.
//
// 1. fetch: 100 secrets on 100 paths with 20 ms of server latency, our concurrent
//    kept-alive reads vs the same action reading one path at a time (vault-concurrency: 1),
//    which is how hashicorp/vault-action reads. Target: main step under 0.5 s.
// 2. start-up: `node dist/main.js` failing on its first input check vs a bare `node -e 0`.
//    Target: the bundle adds under 100 ms.
// 3. leak guard (bench/guard.ts): the matcher and the post step's scanner vs ripgrep on a
//    1 GiB file (target 3x) and 50,000 files / 500 MB (target 1x). GUARD_BENCH_SCALE=0.1
//    shrinks the data for a quick run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startVaultDevServer } from '../test/vault-server/server.js';
import { Job, ROOT, ACTION_NODE } from '../test/runner/job.js';
import { runGuardBench } from './guard.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const PATHS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function timeMain(addr: string, token: string, spec: string, concurrency: number): Promise<number> {
  const job = new Job();
  try {
    const t0 = performance.now();
    const r = await job.main(
      {
        'vault-addr': addr,
        'vault-token': token,
        secrets: spec,
        'vault-concurrency': String(concurrency),
        summary: 'false',
      },
      { timeoutMs: 120_000 },
    );
    const ms = performance.now() - t0;
    if (r.exitCode !== 0) throw new Error(`main failed:\n${r.log}\n${r.stderr}`);
    await job.post();
    return ms;
  } finally {
    job.dispose();
  }
}

async function fetchBench(): Promise<void> {
  const server = await startVaultDevServer({ latencyMs: 20 });
  try {
    server.mountKv('', 'bench', 2);
    const lines: string[] = [];
    for (let i = 0; i < PATHS; i++) {
      server.putKv('', 'bench', `app/p${i}`, {
        value: `bench-secret-value-${i}-${Math.random().toString(36).slice(2)}`,
      });
      lines.push(`bench/app/p${i} value | S${i}`);
    }
    const spec = lines.join('\n');
    const ours: number[] = [];
    const seq: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await timeMain(server.url, server.rootToken, spec, 16));
      seq.push(await timeMain(server.url, server.rootToken, spec, 1));
    }
    const before = { connections: server.connectionsOpened, requests: server.requests.length };
    await timeMain(server.url, server.rootToken, spec, 16);
    const connections = server.connectionsOpened - before.connections;
    const requests = server.requests.length - before.requests;
    const o = median(ours);
    const s = median(seq);
    console.log(
      `fetch: ${PATHS} secrets on ${PATHS} paths, 20 ms latency, median of ${RUNS}, Node ${spawnSync(ACTION_NODE, ['--version']).stdout.toString().trim()}`,
    );
    console.log(
      `  this action (16 concurrent, kept alive)   ${o.toFixed(0)} ms   (${connections} TCP connections for ${requests} requests, post included)`,
    );
    console.log(`  sequential, as hashicorp/vault-action      ${s.toFixed(0)} ms`);
    console.log(`  ratio sequential / this action             ${(s / o).toFixed(1)}x`);
    console.log(`  target main step < 500 ms                  ${o < 500 ? 'met' : 'NOT MET'}`);
  } finally {
    await server.close();
  }
}

function startupBench(): void {
  const time = (args: string[], env: NodeJS.ProcessEnv): number => {
    const t0 = performance.now();
    spawnSync(ACTION_NODE, args, { env, stdio: 'ignore' });
    return performance.now() - t0;
  };
  const env = { PATH: process.env['PATH'] ?? '' };
  const bare: number[] = [];
  const bundle: number[] = [];
  for (let i = 0; i < 15; i++) {
    bare.push(time(['-e', '0'], env));
    bundle.push(time([join(ROOT, 'dist/main.js')], env));
  }
  const b = median(bare);
  const m = median(bundle);
  console.log('start-up: median of 15');
  console.log(`  node -e 0 (bare runtime)                   ${b.toFixed(0)} ms`);
  console.log(`  node dist/main.js (load, fail on inputs)   ${m.toFixed(0)} ms`);
  console.log(`  bundle overhead                            ${(m - b).toFixed(0)} ms (ratio ${(m / b).toFixed(2)}x)`);
  console.log(`  target overhead < 100 ms                   ${m - b < 100 ? 'met' : 'NOT MET'}`);
}

startupBench();
await fetchBench();
await runGuardBench();
