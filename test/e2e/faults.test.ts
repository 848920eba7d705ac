// Transient faults are retried through; permanent ones fail with a clear error that
// holds no value; post cleans up in every case, even after a cancel or a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-method': 'approle',
  'vault-role-id': fx.approle.roleId,
  'vault-secret-id': fx.approle.secretId,
  secrets: 'secret/ci/app password | PW\ndatabase/creds/app password | DB_PASS',
  ...extra,
});

describe('transient faults are retried', () => {
  it('through 429 and 412 on login, 503 with Retry-After, a reset and a hang on reads', async () => {
    fx.server.addFault({ path: 'auth/approle/login', status: 429, times: 1 });
    fx.server.addFault({ path: 'auth/approle/login', status: 412, times: 1 });
    fx.server.addFault({ path: 'secret/data/ci/app', status: 503, retryAfter: '1', times: 1 });
    fx.server.addFault({ path: 'secret/data/ci/app', reset: true, times: 1 });
    fx.server.addFault({ path: 'database/creds/app', hang: true, times: 1 });
    const main = await job.main(inputs({ 'vault-request-timeout': '1' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.log).toMatch(/auth\/approle\/login: HTTP 429, try 2/);
    expect(main.log).toMatch(/HTTP 412/);
    expect(main.log).toMatch(/secret\/data\/ci\/app: HTTP 503/);
    expect(main.log).toMatch(/ECONNRESET/);
    expect(main.log).toMatch(/database\/creds\/app: TIMEOUT/);
    expect(readFileSync(`${main.outputs['files-dir']}/PW`, 'utf8') === fx.values.password).toBe(true);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it("waits as long as Vault's Retry-After says, not its own shorter backoff", async () => {
    // the backoff alone waits at most 200 ms before the first retry
    fx.server.addFault({ path: 'secret/data/ci/app', status: 503, retryAfter: '2', times: 1 });
    const main = await job.main(inputs({ secrets: 'secret/ci/app password | PW' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.log).toMatch(/secret\/data\/ci\/app: HTTP 503, try 2 of \d+ in 2[0-2]\d\d ms/);
    const tries = fx.server.requests.filter((r) => r.path === 'secret/data/ci/app');
    expect(tries.map((r) => r.status)).toEqual([503, 200]);
    const [first, second] = tries.map((r) => r.receivedAt);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1950);
    await job.post();
  });

  it('retries GitHub OIDC token failures', async () => {
    fx.server.addFault({ path: '_oidc/token', status: 500, times: 2 });
    const main = await job.main(
      {
        'vault-addr': fx.server.url,
        'vault-method': 'jwt',
        'vault-role': 'ci',
        'vault-jwt-audience': 'https://github.com/octo-org',
        secrets: 'secret/ci/app password | PW',
      },
      {
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: fx.server.oidc.requestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.server.oidc.requestToken,
        },
      },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    await job.post();
  });
});

describe('permanent failures fail clearly, and post still cleans up', () => {
  it('403: names the path, the status and what to check; post revokes the token', async () => {
    const main = await job.main(inputs({ secrets: 'secret/other/thing password | X' }));
    expect(main.exitCode).toBe(1);
    const err = errorLine(main.stdout);
    expect(err).toMatch(/secret\/data\/other\/thing failed with HTTP 403/);
    expect(err).toMatch(/permission denied/);
    expect(err).toMatch(/policies grant/);
    expect(err).toMatch(/^::error::vault-secrets-action: /);
    // the stack goes to debug (shown only with step debug logging on), as one redacted line
    expect(main.stdout).toMatch(/^::debug::\w*Error: .*HTTP 403.*%0A +at /m);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(fx.server.requests.some((r) => r.path === 'auth/token/revoke-self')).toBe(true);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('a value is masked as it arrives: when another read fails, the values already read are masked', async () => {
    fx.server.addFault({ path: 'secret/data/ci/nope', delayMs: 500 });
    const main = await job.main(inputs({ secrets: 'secret/ci/app password | PW\nsecret/ci/nope password | A' }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/secret\/data\/ci\/nope failed with HTTP 404/);
    expect(main.masks).toContain(fx.values.password);
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('when revoke-self fails, post revokes each lease on its own', async () => {
    const token = fx.server.createToken({ policies: ['ci-read', 'lease-revoker'] });
    fx.server.addFault({ path: 'auth/token/revoke-self', status: 500 });
    const main = await job.main(
      inputs({ 'vault-method': 'token', 'vault-token': token, 'vault-revoke-token': 'true' }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    expect(fx.server.leases()).toHaveLength(1);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toMatch(/::warning::.*revoke-self.*The credentials expire at their TTL instead/);
    expect(fx.server.requests.filter((r) => r.path === 'sys/leases/revoke')).toHaveLength(1);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expect(post.log).toMatch(/revoked 1 of 1 lease/);
    expectNoLeaks(job, [token, ...fx.server.leases().map((l) => l.id)]);
  });

  it('404 and a missing key: each named, all failures listed together', async () => {
    const main = await job.main(inputs({ secrets: 'secret/ci/nope password | A\nsecret/ci/app nokey | B' }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/secret\/data\/ci\/nope failed with HTTP 404/);
    expect(main.stdout).toMatch(
      /secrets line 2: "nokey" not found in secret\/ci\/app \(it has: username, password, api_key\)/,
    );
    await job.post();
  });

  it('wrong AppRole credentials: a login error without the secret id', async () => {
    const main = await job.main(inputs({ 'vault-secret-id': 'wrong-secret-id-value' }));
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toMatch(
      /login \(approle\) auth\/approle\/login failed with HTTP 400.*invalid role or secret ID/,
    );
    expectNoLeaks(job, ['wrong-secret-id-value']);
    await job.post();
  });

  it('503 that never ends: gives up after the retries with a clear message', async () => {
    fx.server.addFault({ path: 'secret/data/ci/app', status: 503 });
    const main = await job.main(inputs({ 'vault-retries': '2' }));
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toMatch(/HTTP 503.*stayed so through every retry/);
    expect((main.log.match(/secret\/data\/ci\/app: HTTP 503, try/g) ?? []).length).toBe(2);
    await job.post();
  });

  it('a rate limit (429) is waited out past vault-retries, until vault-timeout, and logged as such', async () => {
    // a burst of jobs against one quota: more 429s in a row than vault-retries allows a flaky network
    fx.server.addFault({ path: 'secret/data/ci/app', status: 429, times: 4 });
    const main = await job.main(inputs({ 'vault-retries': '1', secrets: 'secret/ci/app password | PW' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect((main.log.match(/secret\/data\/ci\/app: HTTP 429, try \d in \d+ ms \(a rate limit/g) ?? []).length).toBe(4);
    expect(readFileSync(`${main.outputs['files-dir']}/PW`, 'utf8') === fx.values.password).toBe(true);
    await job.post();
  });

  it('a 429 that never ends still stops at vault-timeout, naming it', async () => {
    fx.server.addFault({ path: 'secret/data/ci/app', status: 429 });
    const main = await job.main(inputs({ 'vault-timeout': '3', secrets: 'secret/ci/app password | PW' }));
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toMatch(/HTTP 429/);
    expect(errorLine(main.stdout)).toMatch(/vault-timeout/);
    await job.post();
  });

  it('an unreachable Vault: says so and how long it tried', async () => {
    const port = await freePort();
    const main = await job.main(inputs({ 'vault-addr': `http://127.0.0.1:${port}`, 'vault-retries': '1' }));
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toMatch(/could not reach Vault at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expectGone(sessionRoot(main));
  });

  it('a deadline: vault-timeout bounds the whole fetch', async () => {
    fx.server.addFault({ path: 'secret/data/ci/app', hang: true });
    const t0 = Date.now();
    const main = await job.main(inputs({ 'vault-timeout': '2', 'vault-request-timeout': '1' }));
    expect(main.exitCode).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(errorLine(main.stdout)).toMatch(/TIMEOUT|out of time/);
    await job.post();
  });

  it('post with Vault gone: warns, exits 0, and still removes every file', async () => {
    const main = await job.main(inputs());
    expect(main.exitCode).toBe(0);
    await fx.server.close();
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toMatch(/::warning::.*could not reach Vault/);
    expectGone(sessionRoot(main));
  });
});

describe('cancel and crash', () => {
  it('SIGINT then SIGTERM mid-fetch: post revokes and removes what main made', async () => {
    fx.server.addFault({ path: 'database/creds/app', hang: true });
    const main = await job.main(inputs(), {
      onSpawn: (child) => {
        const timer = setInterval(() => {
          // cancel once main has logged in and is waiting on the hanging read
          if (fx.server.requests.some((r) => r.path.startsWith('secret/data/ci/app'))) {
            clearInterval(timer);
            child.kill('SIGINT');
            setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 500);
          }
        }, 20);
      },
    });
    expect(main.exitCode === 0).toBe(false);
    const root = sessionRoot(main);
    expect(existsSync(root)).toBe(true);
    const token = fx.server.requests.find((r) => r.path.startsWith('secret/data'))?.headers['x-vault-token'] as string;
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(fx.server.isTokenRevoked(token)).toBe(true);
    expectGone(root);
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('SIGKILL mid-fetch (a crash): post revokes the token and removes the folder', async () => {
    fx.server.addFault({ path: 'kv1/ci/legacy', delayMs: 20_000 });
    const main = await job.main(inputs({ secrets: 'secret/ci/app password | PW\nkv1/ci/legacy token | L' }), {
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (fx.server.requests.some((r) => r.path === 'secret/data/ci/app')) {
            clearInterval(timer);
            setTimeout(() => child.kill('SIGKILL'), 100);
          }
        }, 10);
      },
    });
    expect(main.signal).toBe('SIGKILL');
    const token = fx.server.requests.find((r) => r.path === 'secret/data/ci/app')?.headers['x-vault-token'] as string;
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(fx.server.isTokenRevoked(token)).toBe(true);
    expectGone(sessionRoot(main));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
