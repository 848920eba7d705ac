// Real Docker parts for the tests: the engine (started by .ci/run), a local base image
// (no registry is reachable here to pull one), and a registry with htpasswd auth.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, copyFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The docker CLI the action runs: Debian's 20.10 (BuildKit through DOCKER_BUILDKIT=1).
 * A newer CLI without the buildx plugin may sit earlier on PATH and refuses to build.
 */
export const DOCKER_PATH = `/usr/bin:${process.env['PATH'] ?? ''}`;

export const BASE_IMAGE = 'local/busybox:1';

export function dockerAvailable(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', env: { ...process.env, PATH: DOCKER_PATH } }).status === 0;
}

/** Whether a command is on the PATH the tests spawn it with (htpasswd, docker-registry). */
const onPath = (command: string): boolean =>
  spawnSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;

/** What the docker tests need and this machine lacks, each with the package that brings it (empty: all there). */
export function missingDockerPrerequisites(): string[] {
  const missing: string[] = [];
  if (!dockerAvailable()) missing.push('a Docker engine answering `docker info` (docker.io, dockerd started)');
  if (!onPath('htpasswd')) missing.push('htpasswd (apache2-utils)');
  if (!onPath('docker-registry')) missing.push('docker-registry');
  if (!existsSync('/bin/busybox')) missing.push('/bin/busybox (busybox-static)');
  return missing;
}

export function dockerCli(args: string[], input?: Buffer): string {
  return execFileSync('docker', args, {
    env: { ...process.env, PATH: DOCKER_PATH },
    input,
    maxBuffer: 1 << 30,
  }).toString('latin1');
}

/** A busybox root file system imported as an image, once per machine. */
export function ensureBaseImage(): void {
  if (
    spawnSync('docker', ['image', 'inspect', BASE_IMAGE], {
      stdio: 'ignore',
      env: { ...process.env, PATH: DOCKER_PATH },
    }).status === 0
  )
    return;
  const root = mkdtempSync(join(tmpdir(), 'busybox-'));
  try {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'tmp'));
    copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
    for (const tool of [
      'sh',
      'cat',
      'wc',
      'ls',
      'echo',
      'test',
      'mkdir',
      'cp',
      'rm',
      'printf',
      'head',
      'grep',
      'sed',
      'tr',
      'base64',
      'env',
    ]) {
      symlinkSync('busybox', join(root, 'bin', tool));
    }
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 1 << 28 });
    dockerCli(['import', '-', BASE_IMAGE], tar);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export interface Registry {
  readonly host: string;
  readonly username: string;
  readonly password: string;
  readonly log: () => string;
  stop(): Promise<void>;
}

/** docker-registry (Debian's distribution build) on a free loopback port, htpasswd auth. */
export async function startRegistry(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const username = 'ci-pusher';
  const password = `reg-${randomBytes(18).toString('base64url')}`;
  writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', username, password]));
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      'auth:',
      '  htpasswd:',
      '    realm: test',
      `    path: ${join(dir, 'htpasswd')}`,
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port);
  return {
    host: `127.0.0.1:${port}`,
    username,
    password,
    log: () => output,
    stop: async () => {
      child.kill();
      await new Promise((r) => child.once('exit', r));
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the registry did not start on port ${port}`);
}
