// A current BuildKit daemon on this machine, driven through buildx's `remote` driver: what
// the tests use for the buildx features the engine's own BuildKit (0.8 in Debian's dockerd
// 20.10) lacks: cache export, attestations, several outputs, named contexts. It runs on the
// host (the docker-container driver needs a privileged container and the moby/buildkit
// image, neither of which these machines have), with runc, and pulls its base images over
// plain HTTP from the test registry.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILDKITD } from './available.js';

export interface BuildkitDaemon {
  /** unix:///…/buildkitd.sock */
  readonly address: string;
  log(): string;
  stop(): Promise<void>;
}

/** `registries`: HOST:PORT pulled from and pushed to over plain HTTP. */
export async function startBuildkitd(registries: readonly string[]): Promise<BuildkitDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'buildkitd-'));
  const socket = join(dir, 'buildkitd.sock');
  writeFileSync(join(dir, 'buildkitd.toml'), registries.map((r) => `[registry."${r}"]\n  http = true\n`).join('\n'));
  let output = '';
  const child: ChildProcess = spawn(
    BUILDKITD,
    [
      '--config',
      join(dir, 'buildkitd.toml'),
      '--root',
      join(dir, 'root'),
      '--addr',
      `unix://${socket}`,
      // overlayfs inside this machine's own overlay is not always possible: copy snapshots
      '--oci-worker-snapshotter=native',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; i < 300 && !existsSync(socket); i++) {
    if (child.exitCode !== null) throw new Error(`buildkitd exited (${child.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!existsSync(socket)) throw new Error(`buildkitd did not listen on ${socket} within 30 s:\n${output}`);
  return {
    address: `unix://${socket}`,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      // snapshots are owned by root and may hold bind-mount leftovers: remove what can be
      spawnSync('rm', ['-rf', dir]);
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
