// Hostile servers cannot hold a step or fill its memory (issue 15 §1): a reply that trickles one
// byte every 300 ms, never finishing, is cut off at the step's deadline (main: vault-timeout,
// post: vault-revoke-timeout) even within one try; a 200 MB reply is read only up to
// vault-max-reply-size, and main's peak RSS stays bounded. Errors name the input to change;
// nothing is left behind; no value prints.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Job } from '../runner/job.js';
import {
  allSecretValues,
  errorLine,
  expectGone,
  expectNoLeaks,
  postIfMissed,
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
  await postIfMissed(job, fx.server);
  job.dispose();
  await fx.server.close();
});

const approle = (extra: Record<string, string> = {}): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-method': 'approle',
  'vault-role-id': fx.approle.roleId,
  'vault-secret-id': fx.approle.secretId,
  secrets: 'secret/ci/app password | PW',
  ...extra,
});

/** Post cleans up after a failed main: the session gone, the token revoked, RUNNER_TEMP empty. */
async function expectCleanAfter(root: string): Promise<void> {
  fx.server.clearFaults();
  const post = await job.post();
  expect(post.exitCode, post.stdout).toBe(0);
  expectGone(root);
  expect(readdirSync(job.runnerTemp)).toEqual([]);
  const logins = fx.server.tokens().filter((t) => t.path.startsWith('auth/approle/login'));
  expect(logins.length).toBeGreaterThan(0);
  expect(logins.every((t) => t.revoked)).toBe(true);
}

/** The highest VmHWM (peak resident set) seen in /proc while the child ran, in MiB. */
function peakRss(): { onSpawn: (child: ChildProcess) => void; mib: () => number } {
  let kib = 0;
  return {
    onSpawn: (child) => {
      const sample = (): void => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'));
          kib = Math.max(kib, Number(m?.[1] ?? 0));
        } catch {
          // the process has exited between two samples
        }
      };
      const timer = setInterval(sample, 10);
      child.on('exit', () => clearInterval(timer));
    },
    mib: () => kib / 1024,
  };
}

describe('a reply that trickles one byte every 300 ms, never finishing', () => {
  it('main under vault-timeout 5 fails near 5 s (one try, default vault-request-timeout 10), naming the input', async () => {
    fx.server.addFault({ path: 'secret/data/ci/app', trickle: true });
    const t0 = Date.now();
    const main = await job.main(approle({ 'vault-timeout': '5' }), { timeoutMs: 60_000 });
    const took = Date.now() - t0;
    expect(main.exitCode, main.stdout).toBe(1);
    expect(took).toBeLessThan(20_000); // an idle timer would hold it until the runner's kill (60 s here)
    expect(errorLine(main.stdout)).toMatch(
      /^::error::vault-secrets-action: secrets line 1: Vault read secret\/data\/ci\/app: out of time: no answer from http:\/\/127\.0\.0\.1:\d+ for GET \/v1\/secret\/data\/ci\/app before the vault-timeout deadline \(headers and body must arrive within it: check the health of Vault, or raise vault-timeout\)$/,
    );
    await expectCleanAfter(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('each try is bounded as a whole by vault-request-timeout, and the next try succeeds', async () => {
    fx.server.addFault({ path: 'secret/data/ci/app', trickle: true, times: 1 });
    const main = await job.main(approle({ 'vault-request-timeout': '2' }), { timeoutMs: 60_000 });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.log).toMatch(/Vault GET \/v1\/secret\/data\/ci\/app: TIMEOUT, try 2 of 5/);
    expect(fx.server.requests.filter((r) => r.path === 'secret/data/ci/app')).toHaveLength(2);
    expect((await job.post()).exitCode).toBe(0);
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('post under vault-revoke-timeout 3 finishes near 3 s: files gone, a warning naming the input', async () => {
    const main = await job.main(approle({ 'vault-revoke-timeout': '3' }));
    expect(main.exitCode, main.stdout).toBe(0);
    const root = sessionRoot(main);
    fx.server.addFault({ trickle: true });
    const t0 = Date.now();
    const post = await job.post({ timeoutMs: 60_000 });
    const took = Date.now() - t0;
    expect(post.exitCode, post.stdout).toBe(0);
    expect(took).toBeLessThan(15_000);
    const warnings = post.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings.join('\n')).toMatch(
      /revoke token auth\/token\/revoke-self: out of time: no answer from http:\/\/127\.0\.0\.1:\d+ for POST \/v1\/auth\/token\/revoke-self before the vault-revoke-timeout deadline \(.*raise vault-revoke-timeout\)/,
    );
    expectGone(root);
    expect(readdirSync(job.runnerTemp)).toEqual([]);
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});

describe('a proxy that accepts the connection and never answers CONNECT', () => {
  it('main fails near vault-timeout 3 and exits: the pending CONNECT does not keep it alive', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => {
      sockets.add(s);
      s.resume();
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as AddressInfo).port;
      const t0 = Date.now();
      const main = await job.main(
        {
          'vault-addr': 'https://vault.corp.test:8200',
          'vault-token': fx.server.rootToken,
          'vault-timeout': '3',
          secrets: 'secret/ci/app password | PW',
        },
        { env: { HTTPS_PROXY: `http://127.0.0.1:${port}` }, timeoutMs: 60_000 },
      );
      expect(main.exitCode, main.stdout).toBe(1);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(errorLine(main.stdout)).toMatch(
        /out of time: no answer from https:\/\/vault\.corp\.test:8200 for GET \/v1\/sys\/internal\/ui\/mounts\/secret\/ci\/app before the vault-timeout deadline/,
      );
      const post = await job.post({ env: { HTTPS_PROXY: `http://127.0.0.1:${port}` }, timeoutMs: 60_000 });
      expect(post.exitCode, post.stdout).toBe(0);
      expectGone(sessionRoot(main));
      expectNoLeaks(job, [...allSecretValues(fx, job), fx.server.rootToken]);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});

describe('an oversized reply', () => {
  it('a 200 MB reply: main stops at vault-max-reply-size, fails clearly, and its peak RSS stays bounded', async () => {
    fx.server.addFault({ path: 'secret/data/ci/app', oversize: 200 * 1000 * 1000 });
    const rss = peakRss();
    const main = await job.main(approle(), { timeoutMs: 60_000, onSpawn: rss.onSpawn });
    expect(main.exitCode, main.stdout).toBe(1);
    expect(errorLine(main.stdout)).toBe(
      "::error::vault-secrets-action: secrets line 1: Vault read secret/data/ci/app: Vault's reply to GET /v1/secret/data/ci/app is larger than vault-max-reply-size (8 MiB): the action stopped reading it. If the secret or list is really that large, raise vault-max-reply-size; otherwise check Vault and what sits in front of it.",
    );
    // Not retried: a server that sent it once will again.
    expect(fx.server.requests.filter((r) => r.path === 'secret/data/ci/app')).toHaveLength(1);
    // Buffered whole, the body took main past 600 MiB; read up to the cap it stays near Node's own size.
    expect(rss.mib()).toBeGreaterThan(10); // the sampler saw the process
    expect(rss.mib()).toBeLessThan(200);
    await expectCleanAfter(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('vault-max-reply-size is the cap: 1 refuses a 1.5 MiB reply (declared or not) that the default reads', async () => {
    for (const declared of [false, true]) {
      fx.server.addFault({ path: 'secret/data/ci/app', oversize: 1.5 * 1024 * 1024, declared, times: 1 });
      const main = await job.main(approle({ 'vault-max-reply-size': '1' }));
      expect(main.exitCode, main.stdout).toBe(1);
      expect(errorLine(main.stdout)).toMatch(
        /is larger than vault-max-reply-size \(1 MiB\): the action stopped reading/,
      );
      expect((await job.post()).exitCode).toBe(0);
    }
    fx.server.addFault({ path: 'secret/data/ci/app', oversize: 1.5 * 1024 * 1024, times: 1 });
    const main = await job.main(approle({ secrets: 'secret/ci/app value | BIG' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect((await job.post()).exitCode).toBe(0);
  });

  it('refuses a vault-max-reply-size that is not a whole number of MiB, before any request', async () => {
    const main = await job.main(approle({ 'vault-max-reply-size': '0.5' }));
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toBe(
      '::error::vault-secrets-action: vault-max-reply-size: "0.5" must be a whole number from 1 to 1024.',
    );
    expect(fx.server.requests).toEqual([]);
    expect((await job.post()).exitCode).toBe(0);
  });
});
