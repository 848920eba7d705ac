// Renewal for long jobs against real peers: OpenBao's approle tokens and its database
// engine's leases on a real PostgreSQL, with TTLs of 60 s. The long test keeps a job
// alive for 3 minutes (slow by nature: the one such test); the others show the helper
// stopping by itself (hard cap, token gone) and main warning about a max TTL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { startPostgres, type Postgres } from '../peers/postgres.js';
import { expectGone, expectNoLeaks, sessionRoot } from './fixture.js';
import { isRunning } from '../../src/renew/process.js';
import { startVaultDevServer } from '../vault-server/server.js';

const ready = peersReady('renew', ['bao', 'postgres']);

let bao: OpenBao;
let pg: Postgres;
let job: Job | undefined;

const POLICY = `
path "database/creds/app" { capabilities = ["read"] }
path "sys/leases/renew" { capabilities = ["update"] }
path "sys/leases/revoke" { capabilities = ["update"] }
`;

beforeAll(async () => {
  if (!ready) return;
  [bao, pg] = await Promise.all([startOpenBao(), startPostgres()]);
  await bao.must('POST', 'sys/policies/acl/ci', { policy: POLICY });
  await bao.must('POST', 'sys/auth/approle', { type: 'approle' });
  await bao.must('POST', 'sys/mounts/database', { type: 'database' });
  await bao.must('POST', 'database/config/pg', {
    plugin_name: 'postgresql-database-plugin',
    connection_url: pg.connectionUrl,
    username: pg.admin.username,
    password: pg.admin.password,
    allowed_roles: 'app',
  });
  // VALID UNTIL: PostgreSQL itself refuses the login once the lease's expiry passes
  await bao.must('POST', 'database/roles/app', {
    db_name: 'pg',
    creation_statements: [`CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`],
    default_ttl: '60s',
    max_ttl: '10m',
  });
}, 120_000);
afterAll(async () => {
  if (!ready) return;
  await Promise.all([bao.stop(), pg.stop()]);
});
afterEach(async () => {
  if (job === undefined) return;
  if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
  job.dispose();
});

async function approle(role: string, params: Record<string, string>): Promise<Record<string, string>> {
  await bao.must('POST', `auth/approle/role/${role}`, { token_policies: 'ci', ...params });
  const id = (await bao.must('GET', `auth/approle/role/${role}/role-id`)) as { data: { role_id: string } };
  const secret = (await bao.must('POST', `auth/approle/role/${role}/secret-id`)) as { data: { secret_id: string } };
  return {
    'vault-addr': bao.addr,
    'vault-method': 'approle',
    'vault-role-id': id.data.role_id,
    'vault-secret-id': secret.data.secret_id,
  };
}

const tokenOf = (main: StepResult): string => readFileSync(join(sessionRoot(main), 'private', 'vault-token'), 'utf8');
const helperPid = (main: StepResult): number =>
  Number(readFileSync(join(sessionRoot(main), 'private', 'renew.pid'), 'utf8'));
const tokenAlive = async (token: string): Promise<boolean> =>
  (await bao.api('GET', 'auth/token/lookup-self', undefined, { token })).status === 200;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.runIf(ready)('renewal with OpenBao and PostgreSQL', () => {
  it('keeps a 60-second token and lease alive across a 3-minute job; post stops the helper, then revokes both', async () => {
    job = new Job();
    const inputs = await approle('long', { token_ttl: '60s', token_max_ttl: '10m' });
    const main = await job.main({
      ...inputs,
      secrets: 'database/creds/app username | DB_USER\ndatabase/creds/app password | DB_PASS',
      'vault-renew-for': '5m',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.log).toMatch(/Renewal: a helper \(pid \d+\) renews the token and 1 lease\(s\) at 2\/3 of their TTL/);
    const token = tokenOf(main);
    const user = readFileSync(job.env['DB_USER_FILE'] ?? '', 'utf8');
    const pass = readFileSync(job.env['DB_PASS_FILE'] ?? '', 'utf8');
    const pid = helperPid(main);
    expect(isRunning(pid)).toBe(true);

    await sleep(180_000); // three TTLs
    expect(await tokenAlive(token), 'the token outlived its 60-second TTL').toBe(true);
    expect(pg.psql(user, pass, 'select 1').status, 'the database login outlived its 60-second lease').toBe(0);

    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(isRunning(pid), 'post stopped the helper').toBe(false);
    const renewals = post.stdout.split('\n').filter((l) => /renewal: .* renewed (token|lease 1)/.test(l));
    expect(renewals.length).toBeGreaterThanOrEqual(8); // each renewed about every 40 s for 3 minutes
    expect(post.stdout).toMatch(/renewal: .* stopped by SIGTERM/);
    expect(post.stdout.indexOf('stopped the renewal helper')).toBeLessThan(
      post.stdout.indexOf('revoked the Vault token'),
    );
    expect(await tokenAlive(token)).toBe(false);
    // revoke-self answers before OpenBao has revoked the token's leases: the role goes within moments
    for (let i = 0; i < 100 && pg.psql(user, pass, 'select 1').status === 0; i++) await sleep(100);
    expect(pg.psql(user, pass, 'select 1').status).not.toBe(0);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, [token, pass, inputs['vault-secret-id'] ?? '']);
  }, 300_000);

  it('warns first in the summary when a max TTL ends before vault-renew-for; the helper stops at its hard cap', async () => {
    job = new Job();
    const inputs = await approle('capped', { token_ttl: '60s', token_explicit_max_ttl: '90s' });
    const main = await job.main({
      ...inputs,
      secrets: 'database/creds/app password | DB_PASS',
      'vault-renew': 'true',
      'vault-renew-for': '12s',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    // 90 s of max TTL is more than 12 s: no warning here; see the next main
    expect(main.commands.filter((c) => c.command === 'warning' && c.message.includes('max TTL'))).toEqual([]);
    const pid = helperPid(main);
    await sleep(15_000);
    expect(isRunning(pid), 'the helper stopped at its hard cap').toBe(false);
    const post = await job.post();
    expect(post.stdout).toMatch(/renewal: .* stopping: the hard cap \(vault-renew-for\) is reached/);
    expect(post.stdout).toContain('had already stopped');

    const warned = new Job();
    try {
      const capped = await warned.main({ ...inputs, secrets: 'database/creds/app password | DB_PASS' });
      expect(capped.exitCode, capped.stdout).toBe(0);
      const warning = capped.commands.find((c) => c.command === 'warning' && c.message.includes('max TTL'));
      expect(warning?.message).toMatch(/The Vault token's max TTL ends at .*, before vault-renew-for \(21600 s\) ends/);
      const summary = warned.summary;
      expect(summary.indexOf('max TTL ends')).toBeGreaterThan(-1);
      expect(summary.indexOf('max TTL ends')).toBeLessThan(summary.indexOf('<table>'));
      await warned.post();
      expectGone(sessionRoot(capped));
    } finally {
      warned.dispose();
    }
  }, 120_000);

  it('stops by itself when Vault says the token is gone', async () => {
    job = new Job();
    const inputs = await approle('short', { token_ttl: '12s', token_max_ttl: '10m' });
    const main = await job.main({
      ...inputs,
      secrets: 'database/creds/app password | DB_PASS',
      'vault-renew-for': '5m',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const pid = helperPid(main);
    await bao.must('POST', 'auth/token/revoke', { token: tokenOf(main) });
    const deadline = Date.now() + 30_000;
    while (isRunning(pid) && Date.now() < deadline) await sleep(250);
    expect(isRunning(pid), 'the helper stopped when its renewal was refused').toBe(false);
    const post = await job.post();
    expect(post.stdout).toMatch(/renewal: .* token: Vault refused the renewal \(HTTP 403\)/);
    expect(post.stdout).toMatch(/renewal: .* stopping: the token is gone/);
    expectGone(sessionRoot(main));
  }, 120_000);
});

// The dev server: a renewal that hangs is what OpenBao cannot be made to do.
describe('renewal: a cancel while a renewal is in flight', () => {
  it('post stops the helper mid-request, then revokes: nothing stays live, nothing is left', async () => {
    const server = await startVaultDevServer();
    job = new Job();
    try {
      server.mountDatabase('', 'db', ['app'], 3);
      server.addFault({ path: 'sys/leases/renew', hang: true });
      const main = await job.main({
        'vault-addr': server.url,
        'vault-token': server.rootToken,
        secrets: 'db/creds/app password | DB_PASS',
        'vault-renew-for': '2m',
      });
      expect(main.exitCode, main.stdout).toBe(0);
      const pass = readFileSync(job.env['DB_PASS_FILE'] ?? '', 'utf8');
      const pid = helperPid(main);
      // the job is cancelled while the helper waits on its first renewal (at 2 s of the 3-s lease)
      const deadline = Date.now() + 20_000;
      while (!server.requests.some((r) => r.path === 'sys/leases/renew') && Date.now() < deadline) await sleep(50);
      expect(server.requests.some((r) => r.path === 'sys/leases/renew')).toBe(true);
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(isRunning(pid)).toBe(false);
      expect(post.stdout).toMatch(/renewal: .* stopped by SIGTERM/);
      expect(server.leases().every((l) => l.revoked)).toBe(true);
      expectGone(sessionRoot(main));
      expectNoLeaks(job, [pass, ...server.leases().map((l) => l.id)]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
