// Nothing outside the action may hold a step past its bounds: a hanging GitHub OIDC
// endpoint is bounded like a Vault request, and post with a hanging Vault removes the
// files first and gives up on revocation after vault-revoke-timeout, with a warning.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { Job } from '../runner/job.js';
import {
  errorLine,
  allSecretValues,
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
  job = new Job();
});
afterEach(async () => {
  job.dispose();
  await fx.server.close();
});

describe('a hanging GitHub OIDC endpoint', () => {
  const jwtInputs = (extra: Record<string, string> = {}): Record<string, string> => ({
    'vault-addr': fx.server.url,
    'vault-method': 'jwt',
    'vault-role': 'ci',
    'vault-jwt-audience': 'https://github.com/octo-org',
    secrets: 'secret/ci/app password | PW',
    ...extra,
  });
  const oidcEnv = (): Record<string, string> => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: fx.server.oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.server.oidc.requestToken,
  });

  it('is bounded by vault-request-timeout per try and vault-timeout overall, and fails clearly', async () => {
    fx.server.addFault({ path: '_oidc/token', hang: true });
    const t0 = Date.now();
    const main = await job.main(jwtInputs({ 'vault-request-timeout': '1', 'vault-timeout': '3' }), {
      env: oidcEnv(),
    });
    const took = Date.now() - t0;
    expect(main.exitCode).toBe(1);
    expect(took).toBeLessThan(6000);
    expect(main.log).toMatch(/GitHub's OIDC token endpoint: TIMEOUT, try 2 of 5/);
    expect(errorLine(main.stdout)).toMatch(
      /could not get GitHub's OIDC token: (no answer from http:\/\/127\.0\.0\.1:\d+ within \d+ ms|out of time)/,
    );
    expect(fx.server.requests.filter((r) => r.path === '_oidc/token').length).toBeGreaterThanOrEqual(2);
    expect(fx.server.requests.some((r) => r.path.startsWith('auth/'))).toBe(false);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expectGone(sessionRoot(main));
    expect(readdirSync(job.runnerTemp)).toEqual([]);
    expectNoLeaks(job, [...allSecretValues(fx, job), fx.server.oidc.requestToken]);
  });

  it('one hung try is retried, and the job goes on', async () => {
    fx.server.addFault({ path: '_oidc/token', hang: true, times: 1 });
    const main = await job.main(jwtInputs({ 'vault-request-timeout': '1' }), { env: oidcEnv() });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.log).toMatch(/GitHub's OIDC token endpoint: TIMEOUT, try 2/);
    expect((await job.post()).exitCode).toBe(0);
    expectNoLeaks(job, [...allSecretValues(fx, job), fx.server.oidc.requestToken]);
  });
});

describe('post with a hanging Vault', () => {
  /** Runs post against a Vault that answers nothing; returns when the session folder vanished and when post ended. */
  async function hangingPost(
    root: string,
  ): Promise<{ goneMs: number; tookMs: number; post: Awaited<ReturnType<Job['post']>> }> {
    fx.server.addFault({ hang: true });
    let goneMs = -1;
    const t0 = Date.now();
    const post = await job.post({
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (existsSync(root)) return;
          goneMs = Date.now() - t0;
          clearInterval(timer);
        }, 5);
        child.on('close', () => clearInterval(timer));
      },
    });
    return { goneMs, tookMs: Date.now() - t0, post };
  }

  const warnings = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('::warning::'));

  it('a token to revoke: files gone at once, revocation given up after vault-revoke-timeout, no lease tried', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-method': 'approle',
      'vault-role-id': fx.approle.roleId,
      'vault-secret-id': fx.approle.secretId,
      'vault-revoke-timeout': '2',
      secrets: 'secret/ci/app password | PW\ndatabase/creds/app password | DB_PASS',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const root = sessionRoot(main);
    const before = fx.server.requests.length;

    const { goneMs, tookMs, post } = await hangingPost(root);
    expect(post.exitCode, post.stdout).toBe(0);
    expect(goneMs).toBeGreaterThanOrEqual(0);
    expect(goneMs).toBeLessThan(1000);
    expect(tookMs).toBeLessThan(4000);
    const sent = fx.server.requests.slice(before).map((r) => r.path);
    expect(sent).toEqual(['auth/token/revoke-self']); // Vault is known down: no lease one by one
    expect(warnings(post.stdout).join('\n')).toMatch(
      /revoke token auth\/token\/revoke-self: (no answer from .* within \d+ ms|out of time)/,
    );
    expect(warnings(post.stdout).join('\n')).toMatch(/1 lease\(s\) not tried: Vault is not answering/);
    expect(job.summary).toMatch(/could not revoke the Vault token/);
    expectGone(root);
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('leases only (the token stays): one lease is tried, the rest are not, one warning for them', async () => {
    const roles = Array.from({ length: 6 }, (_, i) => `h${i}`);
    fx.server.mountDatabase('', 'dbh', roles, 3600);
    fx.server.addPolicy('', 'dbh-reader', [{ path: 'dbh/creds/*', capabilities: ['read'] }]);
    const token = fx.server.createToken({ policies: ['dbh-reader', 'lease-revoker'] });
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': token,
      'vault-revoke-timeout': '1.5',
      secrets: roles.map((r) => `dbh/creds/${r} password | P_${r.toUpperCase()}`).join('\n'),
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const root = sessionRoot(main);
    const before = fx.server.requests.length;

    const { goneMs, tookMs, post } = await hangingPost(root);
    expect(post.exitCode, post.stdout).toBe(0);
    expect(goneMs).toBeLessThan(1000);
    expect(tookMs).toBeLessThan(3500);
    expect(fx.server.requests.slice(before).map((r) => r.path)).toEqual(['sys/leases/revoke']);
    expect(warnings(post.stdout)).toHaveLength(2);
    expect(warnings(post.stdout).join('\n')).toMatch(/5 lease\(s\) not tried: Vault is not answering/);
    expect(job.summary).toMatch(/revoked 0 of 6 lease\(s\)/);
    expectGone(root);
    expectNoLeaks(job, allSecretValues(fx, job, [token]));
  });
});
