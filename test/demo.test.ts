// The README's quick start must stay true: `npm run demo` runs the bundled action end
// to end and its own checks pass, on the dev server and (`--server openbao`) on a real OpenBao.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './runner/job.js';
import { POSTGRES_BIN, peersReady } from './peers/available.js';

function demo(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/demo.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run demo', () => {
  it('runs main, a careless step and post, and every check passes', () => {
    const run = demo([]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('== Checks');
    expect(run.stdout).not.toContain('✗');
    expect((run.stdout.match(/✓/g) ?? []).length).toBe(8);
  });

  it('refuses an unknown --server, naming the choices', () => {
    const run = demo(['--server', 'vault']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--server vault: unknown server. Use --server dev (the default) or --server openbao.');
  });
});

describe.runIf(peersReady('demo against OpenBao', ['bao']))('npm run demo -- --server openbao', () => {
  it('runs the same demo against a real OpenBao, and every check passes', { timeout: 180_000 }, () => {
    const run = demo(['--server', 'openbao']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/== OpenBao 2\.\d+\.\d+ \(bao server -dev\) at http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).not.toContain('✗');
    if (POSTGRES_BIN) {
      // the database lease check asks OpenBao and PostgreSQL themselves
      expect(run.stdout).toContain('✓ the database lease is revoked (OpenBao lists none;');
      expect((run.stdout.match(/✓/g) ?? []).length).toBe(8);
    } else {
      expect(run.stdout).toContain('no PostgreSQL on this machine: no database engine');
      expect((run.stdout.match(/✓/g) ?? []).length).toBe(7);
    }
  });
});
