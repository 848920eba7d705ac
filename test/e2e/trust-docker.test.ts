// Trust boundaries with a real docker (issue 7 §1, §2): Dockerfile lines and docker's
// output reach the log only made inert, and the docker CLI gets no INPUT_*, ACTIONS_*
// or VAULT_* variable from the step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import { BASE_IMAGE, DOCKER_PATH, dockerAvailable, ensureBaseImage } from '../docker/setup.js';
import { expectOnlyMeantCommands } from './trust-checks.js';

const runDocker = dockerAvailable() || process.env['CI'] === 'true';

/** Samples the environment of every `docker` process the step starts (from /proc). */
class EnvWatcher {
  readonly names = new Set<string>();
  seen = 0;
  /** The step's pid: other jobs on this machine run docker too. */
  parent = 0;
  #timer: NodeJS.Timeout | undefined;

  start(): void {
    this.#timer = setInterval(() => this.sample(), 2);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }

  sample(): void {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!/^(\S*\/)?docker\0/.test(readFileSync(`/proc/${pid}/cmdline`, 'latin1'))) continue;
        // stat: "pid (comm) state ppid ...": comm may hold spaces, so count from the last ')'
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== this.parent) continue;
        const env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
        this.seen++;
        for (const entry of env) if (entry.includes('=')) this.names.add(entry.slice(0, entry.indexOf('=')));
      } catch {
        // gone already
      }
    }
  }
}

describe.runIf(runDocker)('docker output and environment', () => {
  let vault: VaultDevServer;
  const apiKey = `bk-${randomBytes(20).toString('base64url')}`;

  beforeAll(async () => {
    ensureBaseImage();
    vault = await startVaultDevServer();
    vault.mountKv('', 'secret', 2);
    vault.putKv('', 'secret', 'ci/build', { api_key: apiKey });
  });
  afterAll(async () => {
    await vault.close();
  });

  it('Dockerfile lines and build output carry no command; docker gets no INPUT_*, ACTIONS_*, VAULT_*', async () => {
    const job = new Job({
      PATH: DOCKER_PATH,
      HOME: mkdtempSync(join(tmpdir(), 'home-')),
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-for-the-runner-only',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-for-the-runner-only',
      VAULT_TOKEN: vault.rootToken,
    });
    try {
      const ctx = join(job.workspace, 'ctx');
      mkdirSync(ctx);
      writeFileSync(
        join(ctx, 'Dockerfile'),
        [
          `FROM ${BASE_IMAGE}`,
          // a finding that quotes the Dockerfile: the mount id is workspace text
          'RUN --mount=type=secret,id=gone##[stop-commands]tok4 sleep 1',
          "RUN echo 'x ##[stop-commands]tok3' && printf '::set-output name=pwned::1\\n  ::add-path::/x\\n'",
          'RUN --mount=type=secret,id=api_key wc -c < /run/secrets/api_key',
          '',
        ].join('\n'),
      );
      const watcher = new EnvWatcher();
      watcher.start();
      const main = await job.main(
        {
          'vault-addr': vault.url,
          'vault-token': vault.rootToken,
          secrets: 'secret/ci/build api_key | API_KEY',
          'build-context': ctx,
          'build-tags': `local/trust:${randomBytes(3).toString('hex')}`,
          'build-secrets': 'api_key=API_KEY',
          'dockerfile-check': 'warn',
        },
        { timeoutMs: 120_000, onSpawn: (child) => (watcher.parent = child.pid ?? 0) },
      );
      watcher.stop();
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      // the build output was shown (made inert), and no line of it became a command
      expect(main.stdout).toContain('x #\\#[stop-commands]tok3');
      expect(main.stdout).toMatch(/RUN mounts secret "gone#\\#\[stop-commands\]tok4"/);
      expectOnlyMeantCommands(main);
      expect(main.outputs).not.toHaveProperty('pwned');
      const post = await job.post();
      expectOnlyMeantCommands(post);
      expect(watcher.seen, 'the watcher saw docker processes').toBeGreaterThan(0);
      expect(watcher.names.has('PATH')).toBe(true);
      const handedOn = [...watcher.names].filter((n) => /^(INPUT_|ACTIONS_|VAULT_|STATE_|GITHUB_)/.test(n));
      expect(handedOn).toEqual([]);
      for (const s of job.steps) expect(findIn(s.stdout + s.stderr, apiKey)).toEqual([]);
    } finally {
      job.dispose();
    }
  });
});
