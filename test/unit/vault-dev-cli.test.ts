// `npm run vault-dev` as the README's "Try it by hand" uses it: --port is honoured, and a
// taken port is one clear line, not a stack trace.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../runner/job.js';

const CLI = ['--import', 'tsx', join(ROOT, 'test/vault-server/cli.ts')];

function listening(): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      resolve({ port, close: () => s.close() });
    });
  });
}

describe('npm run vault-dev', () => {
  it('says in one line that the port is taken and how to pick another', async () => {
    const taken = await listening();
    try {
      const run = spawnSync(process.execPath, [...CLI, '--port', String(taken.port)], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `vault-dev: port ${taken.port} on 127.0.0.1 is taken (another Vault?): stop it, or pick another: npm run vault-dev -- --port 8201\n`,
      );
      expect(run.stdout).toBe('');
    } finally {
      taken.close();
    }
  });

  it('refuses a --port that is not a port', () => {
    const run = spawnSync(process.execPath, [...CLI, '--port', '82OO'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('vault-dev: --port must be a number from 0 to 65535, not "82OO"\n');
  });

  it('serves on the --port given and prints the exports to use', async () => {
    const probe = await listening();
    probe.close();
    const child = spawn(process.execPath, [...CLI, '--port', String(probe.port)], { cwd: ROOT });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('# kubernetes')) resolve();
        });
        child.once('exit', () => reject(new Error(`vault-dev exited: ${out}`)));
      });
      expect(out).toContain(`export VAULT_ADDR='http://127.0.0.1:${probe.port}'`);
      const health = await fetch(`http://127.0.0.1:${probe.port}/v1/sys/health`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
  });
});
