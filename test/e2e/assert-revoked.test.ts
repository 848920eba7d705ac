// ci.yml proves on GitHub that post revoked what main logged in with, through the local
// helper action .github/actions/assert-revoked: used before the action, its post runs
// after the action's post. Here the same sequence runs against the dev server: the helper
// passes after a real post, and fails when post never ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, ROOT } from '../runner/job.js';
import { parseFileCommand } from '../runner/commands.js';
import { startFixture, type Fixture } from './fixture.js';

const HELPER = join(ROOT, '.github/actions/assert-revoked');

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.server.close();
});

/** One step of the helper as the runner runs it: inputs, state file, STATE_* into post.
 *  Spawned asynchronously: the dev server answering it lives in this process. */
async function helper(step: 'main' | 'post', state: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'assert-revoked-'));
  try {
    const files = { GITHUB_STATE: join(dir, 'state'), GITHUB_OUTPUT: join(dir, 'output') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      'INPUT_VAULT-ADDR': fx.server.url,
      'INPUT_VAULT-TOKEN': fx.server.rootToken,
      'INPUT_LEASE-PREFIX': 'database/creds/app',
      ...files,
    };
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
    const child = spawn(process.execPath, [join(HELPER, `${step}.mjs`)], { env });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return {
      status,
      out,
      state: parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8')),
      outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const inputs = (): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-method': 'approle',
  'vault-role-id': fx.approle.roleId,
  'vault-secret-id': fx.approle.secretId,
  secrets: 'secret/ci/app password | PW\ndatabase/creds/app password | DB_PASS',
});

describe('the revocation watch used by ci.yml', () => {
  it("passes when the action's post ran: no token or lease the job made is alive", async () => {
    const watch = await helper('main', {});
    expect(watch.status, watch.out).toBe(0);
    expect(Number(watch.outputs['tokens-before'])).toBeGreaterThan(0);
    const job = new Job();
    try {
      expect((await job.main(inputs())).exitCode).toBe(0);
      expect(fx.server.leases().some((l) => !l.revoked)).toBe(true);
      expect((await job.post()).exitCode).toBe(0);
    } finally {
      job.dispose();
    }
    const end = await helper('post', watch.state);
    expect(end.status, end.out).toBe(0);
    expect(end.out).toContain('after post: every token created during the job is revoked and no lease is left');
  });

  it('fails when post did not run, and names no value', async () => {
    const watch = await helper('main', {});
    const job = new Job();
    try {
      expect((await job.main(inputs())).exitCode).toBe(0);
      const end = await helper('post', watch.state);
      expect(end.status).toBe(1);
      expect(end.out).toContain('::error::after post: 1 token(s) created during the job and 1 lease(s) still alive');
      for (const value of [fx.approle.secretId, fx.values.password]) expect(end.out).not.toContain(value);
    } finally {
      await job.post(); // clean up what main made
      job.dispose();
    }
  });
});
