// The audit trail against the dev server, through dist/: every request of main, the refresh
// step, the renewal helper and post carries X-GitHub-Run with the run's fields, encoded so no
// job or branch name can split it; vault-audit-headers: false sends none; the summary lists the
// request_id of the login and of each read, each one the server really answered with, and
// nothing that is not UUID-shaped. OpenBao's audit log: test/openbao/audit.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job } from '../runner/job.js';
import { RUN_ENV, RUN_HEADER_VALUE, summaryIds, UUID } from './run-identity.js';
import {
  allSecretValues,
  errorLine,
  expectGone,
  expectNoLeaks,
  sessionRoot,
  startFixture,
  type Fixture,
} from './fixture.js';

let fx: Fixture;
let job: Job;
beforeEach(async () => {
  fx = await startFixture();
  job = new Job(RUN_ENV);
});
afterEach(async () => {
  if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
  job.dispose();
  await fx.server.close();
});

function approle(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'vault-addr': fx.server.url,
    'vault-method': 'approle',
    'vault-role-id': fx.approle.roleId,
    'vault-secret-id': fx.approle.secretId,
    secrets: fx.spec,
    ...extra,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('audit headers', () => {
  it("every request of main and post carries X-GitHub-Run with the run's fields, each encoded", async () => {
    const main = await job.main(approle());
    expect(main.exitCode, main.stdout).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    const { requests } = fx.server;
    expect(requests.some((r) => r.path === 'auth/approle/login')).toBe(true);
    expect(requests.some((r) => r.path === 'auth/token/revoke-self')).toBe(true);
    for (const r of requests) expect(r.headers['x-github-run'], `${r.method} ${r.path}`).toBe(RUN_HEADER_VALUE);
    // one field each, and each decodes back to what the runner set
    const fields = RUN_HEADER_VALUE.split('; ').map((f) => f.split('='));
    expect(fields.every((f) => f.length === 2)).toBe(true);
    expect(Object.fromEntries(fields.map(([k, v]) => [k, decodeURIComponent(v ?? '')]))).toEqual({
      repository: RUN_ENV.GITHUB_REPOSITORY,
      workflow_ref: RUN_ENV.GITHUB_WORKFLOW_REF,
      run_id: RUN_ENV.GITHUB_RUN_ID,
      run_attempt: RUN_ENV.GITHUB_RUN_ATTEMPT,
      job: RUN_ENV.GITHUB_JOB,
      event: RUN_ENV.GITHUB_EVENT_NAME,
    });
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('the refresh step and the renewal helper send it too; the refresh summary and the helper log name their request ids', async () => {
    fx.server.mountDatabase('', 'db', ['app'], 3);
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | APP_PW\ndb/creds/app password | DB_PASS',
      'vault-renew-for': '1m',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const refresh = await job.refresh({});
    expect(refresh.exitCode, refresh.stdout + refresh.stderr).toBe(0);
    // the helper renews the 3-second lease at 2 s
    const deadline = Date.now() + 20_000;
    while (!fx.server.requests.some((r) => r.path === 'sys/leases/renew') && Date.now() < deadline) await sleep(50);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    const paths = fx.server.requests.map((r) => r.path);
    expect(paths).toContain('sys/leases/renew');
    // post prints the helper's log: each renewal with its request id
    const renewal = fx.server.requests.find((r) => r.path === 'sys/leases/renew');
    expect(post.stdout).toMatch(new RegExp(`renewed lease 1 .*\\(request id ${renewal?.requestId ?? '?'}\\)`));
    // main's read, then the refresh step's read of the same path
    const reads = fx.server.requests.filter((r) => r.path === 'secret/data/ci/app');
    expect(reads.length).toBe(2);
    // each step's summary lists its own read: the refresh step's under its heading
    const refreshPart = job.summary.slice(job.summary.indexOf('Vault secrets: refresh'));
    expect(summaryIds(refreshPart)).toContainEqual({
      operation: 'read',
      path: 'secret/data/ci/app',
      id: reads[1]?.requestId,
    });
    expect(summaryIds(job.summary)).toContainEqual({
      operation: 'read',
      path: 'secret/data/ci/app',
      id: reads[0]?.requestId,
    });
    for (const r of fx.server.requests)
      expect(r.headers['x-github-run'], `${r.method} ${r.path}`).toBe(RUN_HEADER_VALUE);
    expectGone(sessionRoot(main));
  }, 60_000);

  it('vault-audit-headers: false sends none, in main, the refresh step and post; on, no request more', async () => {
    const main = await job.main(approle({ 'vault-audit-headers': 'false' }));
    expect(main.exitCode, main.stdout).toBe(0);
    const refresh = await job.refresh({});
    expect(refresh.exitCode, refresh.stdout + refresh.stderr).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.requests.length).toBeGreaterThan(3);
    expect(fx.server.requests.filter((r) => 'x-github-run' in r.headers)).toEqual([]);
    // the same job with the header: the same requests, not one more
    const off = fx.server.requests.map((r) => `${r.method} ${r.path}`).sort();
    fx.server.requests.length = 0;
    const on = new Job(RUN_ENV);
    try {
      expect((await on.main(approle())).exitCode).toBe(0);
      expect((await on.refresh({})).exitCode).toBe(0);
      expect((await on.post()).exitCode).toBe(0);
    } finally {
      on.dispose();
    }
    expect(fx.server.requests.every((r) => r.headers['x-github-run'] === RUN_HEADER_VALUE)).toBe(true);
    expect(fx.server.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(off);
  });

  it('outside Actions (no GITHUB_* facts) no header is sent', async () => {
    const bare = new Job();
    try {
      const main = await bare.main(approle(), { unset: ['GITHUB_REPOSITORY'] });
      expect(main.exitCode, main.stdout).toBe(0);
      await bare.post({ unset: ['GITHUB_REPOSITORY'] });
      expect(fx.server.requests.filter((r) => 'x-github-run' in r.headers)).toEqual([]);
    } finally {
      bare.dispose();
    }
  });

  it('a vault-extra-headers line of the same name is refused unless vault-audit-headers is false', async () => {
    const clash = await job.main(approle({ 'vault-extra-headers': 'x-github-run: mine' }));
    expect(clash.exitCode).not.toBe(0);
    expect(errorLine(clash.stdout)).toContain(
      "vault-extra-headers sets X-GitHub-Run, the header the action sends with the run's identity",
    );
    expect(errorLine(clash.stdout)).toContain('vault-audit-headers: false');
    expect(fx.server.requests).toEqual([]);
    await job.post();
    const own = new Job(RUN_ENV);
    try {
      const main = await own.main(
        approle({ 'vault-extra-headers': 'X-GitHub-Run: mine', 'vault-audit-headers': 'false' }),
      );
      expect(main.exitCode, main.stdout).toBe(0);
      await own.post();
      expect(fx.server.requests.length).toBeGreaterThan(0);
      for (const r of fx.server.requests) expect(r.headers['x-github-run']).toBe('mine');
    } finally {
      own.dispose();
    }
  });
});

describe('request ids in the summary', () => {
  it('lists the request_id of the login and of each read, each one the server answered with', async () => {
    const main = await job.main(approle());
    expect(main.exitCode, main.stdout).toBe(0);
    const ids = summaryIds(job.summary);
    const answered = new Map(fx.server.requests.map((r) => [r.requestId, r]));
    const login = fx.server.requests.find((r) => r.path === 'auth/approle/login');
    expect(ids[0]).toEqual({ operation: 'login', path: 'auth/approle/login', id: login?.requestId });
    expect(main.stdout).toContain(` (request id ${login?.requestId ?? '?'}).`);
    // every read the spec made is listed with the id of that very request
    const reads = fx.server.requests.filter((r) => r.method === 'GET' && /^(secret|kv1|database)\//.test(r.path));
    expect(reads.length).toBeGreaterThanOrEqual(6);
    for (const r of reads) expect(ids).toContainEqual({ operation: 'read', path: r.path, id: r.requestId });
    for (const { id, path } of ids) {
      expect(id).toMatch(UUID);
      expect(answered.get(id)?.path).toBe(path);
    }
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('a request_id that is not UUID-shaped (a hostile server) is left out, never printed', async () => {
    fx.server.setHostile(true);
    const main = await job.main(approle({ secrets: 'secret/ci/app password | APP_PW' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(fx.server.requests.some((r) => r.requestId.startsWith('evil'))).toBe(true);
    expect(summaryIds(job.summary)).toEqual([]);
    expect(job.summary).not.toContain('Vault request ids');
    expect(main.stdout).not.toContain('request id');
    expect(job.summary).not.toContain('evil');
  });
});
