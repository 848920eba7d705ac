// One 5 MB value (a keystore as `base64` prints it: 76-column lines) next to a small
// secret, against the small secret alone: what the value adds to the main step under
// the runner harness, the bytes it prints (its ::add-mask:: lines), the session's
// forms file and the step's peak memory. Before masking was made proportionate, such a
// value printed ~53 MB of ::add-mask:: lines and took 25-31 s under a runner.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startVaultDevServer } from '../test/vault-server/server.js';
import { Job } from '../test/runner/job.js';
import { ms, row, spread, target } from './stats.js';

const MB = 5;
const BYTES = MB * 1_000_000;
const RUNS = Math.max(1, Math.min(3, Number(process.env['BENCH_RUNS'] ?? 3)));

interface Run {
  /** Spawn to the runner harness having processed the output. */
  readonly ms: number;
  /** Spawn to exit: the step's own time. */
  readonly stepMs: number;
  readonly stdoutBytes: number;
  readonly formsBytes: number;
  readonly peakRssKiB: number;
}

export async function runLargeValueBench(): Promise<void> {
  const server = await startVaultDevServer();
  try {
    server.mountKv('', 'secret', 2);
    const value = (
      randomBytes(Math.ceil((BYTES * 3) / 4))
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\n');
    server.putKv('', 'secret', 'ci/small', { password: `small-${randomBytes(12).toString('hex')}` });
    server.putKv('', 'secret', 'ci/large', { keystore: value });
    const inputs = (spec: string): Record<string, string> => ({
      'vault-addr': server.url,
      'vault-token': server.rootToken,
      secrets: spec,
      summary: 'false',
    });
    const without: Run[] = [];
    const withLarge: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(await timeRun(inputs('secret/ci/small password | SMALL')));
      withLarge.push(await timeRun(inputs('secret/ci/small password | SMALL\nsecret/ci/large keystore | KEYSTORE')));
    }
    const a = spread(without.map((r) => r.ms));
    const b = spread(withLarge.map((r) => r.ms));
    const added = spread(withLarge.map((r, i) => r.ms - (without[i]?.ms ?? 0)));
    const big = withLarge[0] as Run;
    const size = Buffer.byteLength(value);
    console.log(
      `large value: one ${(size / 1e6).toFixed(1)} MB value (76-column lines), ${RUNS} runs each, alternating; median (min-max)`,
    );
    row('main step, a small secret only', ms(a));
    row('main step, with the large value', ms(b));
    row('  added by the large value (paired runs)', ms(added));
    const addedStep = spread(withLarge.map((r, i) => r.stepMs - (without[i]?.stepMs ?? 0)));
    row('    in the step itself (spawn to exit)', ms(addedStep));
    row('    in the runner harness (commands, masks, log)', ms(spread(withLarge.map((r) => r.ms - r.stepMs))));
    row(
      'stdout with the large value',
      `${(big.stdoutBytes / 1e6).toFixed(1)} MB (${(big.stdoutBytes / size).toFixed(2)}x the value)`,
    );
    row('forms file for the leak guard', `${(big.formsBytes / 1e6).toFixed(2)} MB`);
    row(
      'peak RSS of the step, small only / with the large value',
      `${mib((without[0] as Run).peakRssKiB)} / ${mib(big.peakRssKiB)}`,
    );
    target('a 5 MB value adds < 2 s to main', added.median < 2000, `+${added.median.toFixed(0)} ms`);
    target('a 5 MB value prints < 3x its size', big.stdoutBytes < 3 * size, `${(big.stdoutBytes / size).toFixed(2)}x`);
  } finally {
    await server.close();
  }
}

async function timeRun(inputs: Record<string, string>): Promise<Run> {
  const job = new Job();
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    const r = await job.main(inputs, {
      timeoutMs: 120_000,
      // VmHWM is the process's peak RSS so far: the last sample before exit is close to its peak.
      onSpawn: (child) => {
        timer = setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'));
            peak = Math.max(peak, Number(m?.[1] ?? 0));
          } catch {
            // exited
          }
        }, 10);
      },
    });
    clearInterval(timer);
    if (r.exitCode !== 0) throw new Error(`main step failed:\n${r.log.slice(0, 2000)}\n${r.stderr}`);
    const forms = join(r.state['session-root'] ?? '', 'private', 'forms');
    const run = {
      ms: r.times.processed - r.times.spawned,
      stepMs: r.times.exited - r.times.spawned,
      stdoutBytes: Buffer.byteLength(r.stdout),
      formsBytes: statSync(forms, { throwIfNoEntry: false })?.size ?? 0,
      peakRssKiB: peak,
    };
    await job.post({ timeoutMs: 120_000 });
    return run;
  } finally {
    clearInterval(timer);
    job.dispose();
  }
}

function mib(kib: number): string {
  return `${(kib / 1024).toFixed(0)} MiB`;
}
