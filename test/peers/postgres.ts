// A real PostgreSQL server (Debian's) in a temp folder on a free loopback port, for
// OpenBao's database engine: dynamic credentials that `psql` can use during a job and
// that are gone after post. postgres refuses to run as root, so the cluster belongs to
// the `postgres` user and every tool runs through `runuser` when the tests are root.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { POSTGRES_BIN } from './available.js';
import { freePort } from './openbao.js';

export interface Postgres {
  readonly port: number;
  /** The superuser OpenBao's database engine connects as, and its password. */
  readonly admin: { readonly username: string; readonly password: string };
  /** `postgresql://{{username}}:{{password}}@127.0.0.1:PORT/postgres` for OpenBao's connection config. */
  readonly connectionUrl: string;
  /** Runs psql as `username` with `password` (given through PGPASSWORD, never argv); status and output. */
  psql(username: string, password: string, sql: string): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
}

const asRoot = userInfo().uid === 0;

function pgTool(tool: string, args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof spawnSync> {
  if (!POSTGRES_BIN) throw new Error('postgres is not installed (Debian postgresql)');
  const bin = join(POSTGRES_BIN, tool);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return spawnSync(cmd, argv, { env: { ...process.env, ...env }, encoding: 'utf8' });
}

export async function startPostgres(): Promise<Postgres> {
  if (!POSTGRES_BIN) throw new Error('postgres is not installed (Debian postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'pg-'));
  const data = join(dir, 'data');
  const password = `pg-${randomBytes(16).toString('hex')}`;
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    const uid = Number(ids.stdout.trim());
    chownSync(dir, uid, Number(gid.stdout.trim()));
    chownSync(pwfile, uid, Number(gid.stdout.trim()));
    chmodSync(dir, 0o700);
  }
  const init = pgTool('initdb', ['-D', data, '-U', 'postgres', '-A', 'scram-sha-256', `--pwfile=${pwfile}`]);
  if (init.status !== 0) throw new Error(`initdb failed: ${String(init.stderr)}`);
  const port = await freePort();
  const bin = join(POSTGRES_BIN, 'postgres');
  const pgArgs = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...pgArgs]] : [bin, pgArgs];
  let output = '';
  const child: ChildProcess = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const psql: Postgres['psql'] = (username, pw, sql) => {
    const r = spawnSync(
      join(POSTGRES_BIN ?? '', 'psql'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        username,
        '-d',
        'postgres',
        '-tAX',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        sql,
      ],
      { env: { ...process.env, PGPASSWORD: pw, PGCONNECT_TIMEOUT: '5' }, encoding: 'utf8' },
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${output}`);
    if (psql('postgres', password, 'select 1').status === 0) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`postgres did not answer on port ${port} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    port,
    admin: { username: 'postgres', password },
    connectionUrl: `postgresql://{{username}}:{{password}}@127.0.0.1:${port}/postgres?sslmode=disable`,
    psql,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGINT'); // fast shutdown
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
