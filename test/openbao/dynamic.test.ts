// Leased secrets on a real OpenBao through dist/: the database engine on a real PostgreSQL
// (credentials that log in with psql during the job, and whose role is gone after post),
// PKI issue then revoke in post, a token the user passed in (a child token with a narrow
// policy) whose leases post revokes one by one, and a cancel in the middle of a fetch.
// After post, OpenBao itself is asked: the token does not look up, no lease is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Job, type StepResult } from '../runner/job.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { startPostgres, type Postgres } from '../peers/postgres.js';
import { errorLine, expectGone, expectNoLeaks, sessionRoot } from '../e2e/fixture.js';
import {
  deliveredFiles,
  expectClean,
  expectLeasesGone,
  expectTokenGone,
  NOISY,
  recorded,
  runJob,
  secret,
  userpassLogin,
  writePolicy,
} from './harness.js';

const ready = peersReady('openbao tests', ['bao', 'postgres']);

const kvValue = secret('kv');
let bao: OpenBao;
let pg: Postgres;
let login: Awaited<ReturnType<typeof userpassLogin>>;

/** A postgres role that exists, and whether it still logs in with `password`. */
function pgRole(username: string, password: string): { exists: boolean; logsIn: boolean } {
  const q = pg.psql(
    pg.admin.username,
    pg.admin.password,
    `select count(*) from pg_roles where rolname = '${username}'`,
  );
  expect(q.status, q.stderr).toBe(0);
  return { exists: q.stdout.trim() === '1', logsIn: pg.psql(username, password, 'select 1').status === 0 };
}

describe.runIf(ready)('leased secrets on OpenBao and PostgreSQL', () => {
  beforeAll(async () => {
    [bao, pg] = await Promise.all([startOpenBao(), startPostgres()]);
    await bao.must('POST', 'sys/mounts/database', { type: 'database' });
    await bao.must('POST', 'database/config/pg', {
      plugin_name: 'postgresql-database-plugin',
      connection_url: pg.connectionUrl,
      username: pg.admin.username,
      password: pg.admin.password,
      allowed_roles: 'app',
    });
    await bao.must('POST', 'database/roles/app', {
      db_name: 'pg',
      creation_statements: [`CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`],
      default_ttl: '1h',
      max_ttl: '2h',
    });
    await bao.must('POST', 'sys/mounts/pki', { type: 'pki', config: { max_lease_ttl: '24h' } });
    await bao.must('POST', 'pki/root/generate/internal', { common_name: 'ci root', ttl: '24h' });
    await bao.must('POST', 'pki/roles/ci', { allowed_domains: 'example.com', allow_subdomains: true, max_ttl: '2h' });
    await bao.must('POST', 'secret/data/ci/app', { data: { password: kvValue } });
    await writePolicy(bao, 'ci-db', {
      'secret/data/ci/app': ['read'],
      'database/creds/app': ['read'],
      'pki/issue/ci': ['update'],
      'pki/revoke': ['update'],
    });
    await writePolicy(bao, 'lease-revoker', { 'sys/leases/revoke': ['update'] });
    login = await userpassLogin(bao, ['ci-db']);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([bao.stop(), pg.stop()]);
  });

  it('database credentials log in with psql during the job; after post the role is gone, token and leases too', async () => {
    const job = new Job(NOISY);
    try {
      let during: { exists: boolean; logsIn: boolean } | undefined;
      const r = await runJob(
        job,
        {
          'vault-addr': bao.addr,
          ...login.inputs,
          secrets:
            'database/creds/app username | DB_USER\ndatabase/creds/app password | DB_PASS\nsecret/ci/app password | PW',
        },
        { during: (files) => void (during = pgRole(files['DB_USER'] ?? '', files['DB_PASS'] ?? '')) },
      );
      expect(r.main.exitCode, r.main.stdout + r.main.stderr).toBe(0);
      const user = r.files['DB_USER'] ?? '';
      const pass = r.files['DB_PASS'] ?? '';
      expect(user).toMatch(/^v-userpass-/);
      expect(during).toEqual({ exists: true, logsIn: true });
      expect(r.leases).toHaveLength(1); // two keys of one read: one lease
      expect(r.leases[0]).toMatch(/^database\/creds\/app\//);
      expect(r.main.masks).toEqual(expect.arrayContaining([user, pass, r.token]));
      expect(r.post.stdout).toContain('revoked the Vault token');
      expect(r.post.stdout).toContain('revoked 1 of 1 lease(s) with the token (the server finishes in the background)');
      // revoke-self answers 204 before OpenBao has revoked the token's leases (its expiration manager does
      // that in the background): the role goes moments later, so wait for it, within a bound.
      await until(() => !pgRole(user, pass).exists, 10_000);
      expect(pgRole(user, pass)).toEqual({ exists: false, logsIn: false });
      await expectTokenGone(bao, r.token);
      await expectLeasesGone(bao, 'database/creds/app/', r.leases);
      await expectLeasesGone(bao, 'auth/userpass/login/', []);
      expectClean(job, r, [kvValue, login.password]);
    } finally {
      job.dispose();
    }
  });

  it('a token passed in (a child token, narrow policy): post revokes its leases through sys/leases/revoke', async () => {
    const child = (await bao.must('POST', 'auth/token/create', {
      policies: ['ci-db', 'lease-revoker'],
      ttl: '10m',
    })) as { auth: { client_token: string } };
    const token = child.auth.client_token;
    const job = new Job(NOISY);
    try {
      const r = await runJob(job, {
        'vault-addr': bao.addr,
        'vault-token': token,
        secrets: 'database/creds/app password | DB_PASS\ndatabase/creds/app username | DB_USER',
      });
      expect(r.main.exitCode, r.main.stdout).toBe(0);
      expect(r.leases).toHaveLength(1);
      expect(r.post.stdout).toContain('revoked 1 of 1 lease(s)');
      expect(r.post.commands.filter((c) => c.command === 'warning')).toEqual([]);
      await expectLeasesGone(bao, 'database/creds/app/', r.leases);
      expect(pgRole(r.files['DB_USER'] ?? '', r.files['DB_PASS'] ?? '').exists).toBe(false);
      // the user's token stays (vault-revoke-token: auto): it was not this step's to revoke
      expect((await bao.api('POST', 'auth/token/lookup', { token })).status).toBe(200);
      expectClean(job, r, [kvValue, token]);
    } finally {
      job.dispose();
      await bao.api('POST', 'auth/token/revoke', { token });
    }
  });

  it('a token passed in without sys/leases/revoke: post exits 0 and warns, naming the capability to grant', async () => {
    const child = (await bao.must('POST', 'auth/token/create', { policies: ['ci-db'], ttl: '10m' })) as {
      auth: { client_token: string };
    };
    const token = child.auth.client_token;
    const job = new Job(NOISY);
    try {
      const r = await runJob(job, {
        'vault-addr': bao.addr,
        'vault-token': token,
        secrets: 'database/creds/app password | DB_PASS',
      });
      expect(r.main.exitCode, r.main.stdout).toBe(0);
      const warnings = r.post.commands.filter((c) => c.command === 'warning').map((c) => c.message);
      expect(warnings.join('\n')).toMatch(/sys\/leases\/revoke failed with HTTP 403/);
      expect(warnings.join('\n')).toMatch(/Grant "update" on "sys\/leases\/revoke" .*vault-revoke-token: true/);
      expect(r.post.stdout).toContain('revoked 0 of 1 lease(s)');
      expectClean(job, r, [kvValue, token]);
    } finally {
      job.dispose();
      await bao.api('POST', 'auth/token/revoke', { token });
    }
  });

  it('PKI: issues a certificate, post revokes it and OpenBao lists the serial as revoked', async () => {
    const job = new Job(NOISY);
    try {
      const r = await runJob(job, {
        'vault-addr': bao.addr,
        ...login.inputs,
        'vault-pki': 'pki/issue/ci {"common_name": "app.example.com", "ttl": "1h"} | APP',
        'vault-pki-revoke': 'true',
      });
      expect(r.main.exitCode, r.main.stdout + r.main.stderr).toBe(0);
      const cert = new X509Certificate(r.files['APP_CERT'] ?? '');
      expect(cert.subject).toContain('CN=app.example.com');
      const serial = (cert.serialNumber.match(/../g) ?? []).join(':').toLowerCase();
      expect(r.main.stdout).toContain(serial);
      expect(r.main.masks).toContain(r.files['APP_KEY']);
      const reply = (await bao.must('GET', `pki/cert/${serial}`)) as { data: { revocation_time: number } };
      expect(reply.data.revocation_time).toBeGreaterThan(0);
      expect(r.post.commands.filter((c) => c.command === 'warning')).toEqual([]);
      await expectTokenGone(bao, r.token);
      expectClean(job, r, [kvValue, login.password]);
    } finally {
      job.dispose();
    }
  });

  it('a cancel in the middle of a fetch (SIGINT, SIGTERM 7.5 s later) leaves no token, lease, role or file', async () => {
    // A loopback proxy that holds every reply from OpenBao for a while: the signal lands with reads in flight.
    const proxy = await slowProxy(new URL(bao.addr).port, 400);
    const job = new Job(NOISY);
    const spec = Array.from({ length: 8 }, (_, i) => `database/creds/app password | DB_PASS_${i}`).join('\n');
    try {
      const before = await leaseKeys();
      const rolesBefore = dbRoles();
      let signalledAt = 0;
      const main: StepResult = await job.main(
        { 'vault-addr': `http://127.0.0.1:${proxy.port}`, ...login.inputs, secrets: spec, 'vault-concurrency': '2' },
        {
          timeoutMs: 60_000,
          onSpawn: (child) => {
            const timer = setInterval(() => {
              void leaseKeys().then((keys) => {
                if (signalledAt !== 0 || keys.length <= before.length) return;
                signalledAt = Date.now();
                child.kill('SIGINT');
                setTimeout(() => child.kill('SIGTERM'), 7500).unref();
              });
            }, 50);
            child.on('close', () => clearInterval(timer));
          },
        },
      );
      expect(signalledAt, 'the signal was sent with a lease live').toBeGreaterThan(0);
      expect(main.exitCode).toBe(1);
      expect(errorLine(main.stdout)).toMatch(/cancelled by SIGINT/);
      const { token, leases } = recorded(main);
      expect(leases.length).toBeGreaterThan(0);
      const files = deliveredFiles(main);
      const post = await job.post({ timeoutMs: 60_000 });
      expect(post.exitCode, post.stdout).toBe(0);
      await expectTokenGone(bao, token);
      // every lease the job created is gone (revoke-self finishes in the background): none beyond those before,
      // and no database role beyond those before
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await leaseKeys()).length > before.length) await sleep(100);
      expect(await leaseKeys()).toEqual(before);
      await until(() => dbRoles() === rolesBefore, 10_000);
      expect(dbRoles()).toBe(rolesBefore);
      await expectLeasesGone(bao, 'database/creds/app/', leases);
      expectGone(sessionRoot(main));
      expect(existsSync(sessionRoot(main))).toBe(false);
      expect(readdirSync(job.runnerTemp)).toEqual([]);
      expectNoLeaks(job, [kvValue, login.password, token, ...leases, ...Object.values(files)]);
    } finally {
      job.dispose();
      await proxy.close();
    }
  });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** How many roles OpenBao's database engine has made (named v-<auth>-<role>-…). */
function dbRoles(): number {
  const q = pg.psql(pg.admin.username, pg.admin.password, "select count(*) from pg_roles where rolname like 'v-%'");
  expect(q.status, q.stderr).toBe(0);
  return Number(q.stdout.trim());
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await sleep(100);
}

async function leaseKeys(): Promise<string[]> {
  const list = await bao.api('LIST', 'sys/leases/lookup/database/creds/app/');
  return ((list.body as { data?: { keys?: string[] } } | undefined)?.data?.keys ?? []).sort();
}

/** TCP to 127.0.0.1:`port`, each chunk from the server held `delayMs` (so replies land slowly). */
async function slowProxy(port: string, delayMs: number): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: Number(port) });
    sockets.add(client).add(upstream);
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => setTimeout(() => client.writable && client.write(d), delayMs));
    const end = (): void => {
      setTimeout(() => {
        client.destroy();
        upstream.destroy();
      }, delayMs);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
