// One build with two secret mounts on real buildx (its docker driver), as users get it:
// the main step under the runner harness (fetch from Vault, mask, files, preflight, the
// build), against the same `docker buildx build` run by hand with the same inputs (the
// values written to 0600 files first, removed after), in the same run, alternating.
// Both build with --no-cache, so each does the RUN work instead of hitting the cache.
// Skips with one line without buildx or a Docker engine.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVaultDevServer } from '../test/vault-server/server.js';
import { Job } from '../test/runner/job.js';
import { BASE_IMAGE, DOCKER_PATH, ensureBaseImage, missingDockerPrerequisites } from '../test/docker/setup.js';
import { BUILDX_PLUGIN } from '../test/peers/available.js';
import { existsSync } from 'node:fs';
import { ms, row, RUNS, spread, target } from './stats.js';

/** The action may add this much to a build by hand: Vault, masks, files, docker preflight. */
const OVERHEAD_TARGET_MS = 1500;

export async function runBuildxBench(): Promise<void> {
  const missing = missingDockerPrerequisites();
  if (missing.length > 0 || !existsSync(BUILDX_PLUGIN)) {
    console.log(
      `buildx build: skipped: missing ${[...missing, ...(existsSync(BUILDX_PLUGIN) ? [] : [BUILDX_PLUGIN])].join(', ')}`,
    );
    return;
  }
  ensureBaseImage();
  const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
  mkdirSync(join(home, '.docker', 'cli-plugins'), { recursive: true });
  symlinkSync(BUILDX_PLUGIN, join(home, '.docker', 'cli-plugins', 'docker-buildx'));
  const ctx = mkdtempSync(join(tmpdir(), 'bench-ctx-'));
  writeFileSync(
    join(ctx, 'Dockerfile'),
    [
      `FROM ${BASE_IMAGE}`,
      'RUN --mount=type=secret,id=api_key,required=true wc -c < /run/secrets/api_key > /api_key.bytes',
      'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /npm.bytes',
      '',
    ].join('\n'),
  );
  const server = await startVaultDevServer();
  const values = {
    api_key: `bx-${randomBytes(20).toString('hex')}`,
    npm_token: `npm_${randomBytes(24).toString('hex')}`,
  };
  server.mountKv('', 'secret', 2);
  server.putKv('', 'secret', 'ci/build', values);
  const tag = 'local/bench-buildx:1';
  const env = { ...process.env, PATH: DOCKER_PATH, HOME: home, DOCKER_CONFIG: join(home, '.docker') };
  try {
    const ours: number[] = [];
    const byHand: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const job = new Job({ PATH: DOCKER_PATH, HOME: home });
      try {
        const main = await job.main(
          {
            'vault-addr': server.url,
            'vault-token': server.rootToken,
            secrets: 'secret/ci/build * | BUILD_',
            'build-context': ctx,
            'build-tags': tag,
            'build-secrets': 'api_key=BUILD_API_KEY\nnpm=BUILD_NPM_TOKEN',
            'build-no-cache': 'true',
            summary: 'false',
          },
          { timeoutMs: 180_000 },
        );
        if (main.exitCode !== 0) throw new Error(`the main step failed:\n${main.stdout}`);
        if (main.outputs['builder'] !== 'docker buildx build')
          throw new Error('the main step did not build with buildx');
        ours.push(main.times.processed - main.times.spawned);
        await job.post();
      } finally {
        job.dispose();
      }
      byHand.push(buildByHand(ctx, tag, values, env));
    }
    const a = spread(ours);
    const b = spread(byHand);
    const overhead = spread(ours.map((x, i) => x - (byHand[i] ?? 0)));
    console.log(
      `buildx build: two secret mounts, --no-cache, docker driver, ${RUNS} runs each, alternating; median (min-max)`,
    );
    row('main step: fetch, mask, files, build (buildx)', ms(a));
    row('docker buildx build by hand, same inputs', ms(b));
    row('  ratio', `${(a.median / b.median).toFixed(2)}x`);
    target(
      `adds at most ${OVERHEAD_TARGET_MS} ms to the build by hand`,
      overhead.median <= OVERHEAD_TARGET_MS,
      `${ms(overhead)} added (paired runs)`,
    );
  } finally {
    await server.close();
    spawnSync('docker', ['rmi', '-f', tag], { env, stdio: 'ignore' });
    rmSync(home, { recursive: true, force: true });
    rmSync(ctx, { recursive: true, force: true });
  }
}

/** What a user writes without the action: the values in 0600 files, the build, the files removed. */
function buildByHand(ctx: string, tag: string, values: Record<string, string>, env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'bench-secrets-'));
  writeFileSync(join(dir, 'api_key'), values['api_key'] ?? '', { mode: 0o600 });
  writeFileSync(join(dir, 'npm'), values['npm_token'] ?? '', { mode: 0o600 });
  const r = spawnSync(
    'docker',
    [
      'buildx',
      'build',
      '--secret',
      `id=api_key,src=${join(dir, 'api_key')}`,
      '--secret',
      `id=npm,src=${join(dir, 'npm')}`,
      '--no-cache',
      '--provenance=false',
      '--load',
      '--tag',
      tag,
      ctx,
    ],
    { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`docker buildx build by hand failed: ${r.stderr}`);
  return performance.now() - t0;
}
