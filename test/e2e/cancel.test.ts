// Cancel as the runner does it (SIGINT, SIGTERM ~7.5 s later): main stops starting
// requests, lets replies in flight land, records every token and lease they bring, and
// exits non-zero well before SIGTERM; post revokes all of it and leaves no file behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { DOCKER_PATH, dockerAvailable } from '../docker/setup.js';
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

/** Sends `signal` once `ready()` holds; resolves main's result with the ms from the signal to the exit. */
async function cancelMain(
  inputs: Record<string, string>,
  ready: () => boolean,
  signal: NodeJS.Signals,
): Promise<{ main: StepResult; exitMs: number }> {
  let signalledAt = 0;
  const main = await job.main(inputs, {
    onSpawn: (child: ChildProcess) => {
      const timer = setInterval(() => {
        if (!ready()) return;
        clearInterval(timer);
        signalledAt = Date.now();
        child.kill(signal);
      }, 10);
      child.on('close', () => clearInterval(timer));
    },
  });
  expect(signalledAt, 'the signal was sent').toBeGreaterThan(0);
  return { main, exitMs: Date.now() - signalledAt };
}

/** No session folder, nothing in RUNNER_TEMP, nothing of ours in /dev/shm. */
function expectNothingLeft(main: StepResult): void {
  const root = sessionRoot(main);
  expect(root.startsWith('/dev/shm/')).toBe(true);
  expectGone(root);
  expect(existsSync(root)).toBe(false);
  expect(readdirSync(job.runnerTemp)).toEqual([]);
}

describe('cancel during a slow login', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: the token Vault issues after the signal is recorded and post revokes it',
    async (signal) => {
      fx.server.addFault({ path: 'auth/approle/login', delayMs: 1500, times: 1 });
      const loginSeen = (): boolean => fx.server.requests.some((r) => r.path === 'auth/approle/login');
      const { main, exitMs } = await cancelMain(
        {
          'vault-addr': fx.server.url,
          'vault-method': 'approle',
          'vault-role-id': fx.approle.roleId,
          'vault-secret-id': fx.approle.secretId,
          secrets: 'secret/ci/app password | PW\ndatabase/creds/app password | DB_PASS',
        },
        loginSeen,
        signal,
      );
      expect(main.signal, main.stderr).toBeNull(); // it handled the signal instead of dying of it
      expect(main.exitCode).toBe(1);
      expect(exitMs).toBeLessThan(4500);
      expect(errorLine(main.stdout)).toMatch(new RegExp(`cancelled by ${signal}: .*post step revokes`));
      // the login landed after the signal, and nothing new was started after it
      const issued = fx.server.tokens().filter((t) => t.path === 'auth/approle/login');
      expect(issued).toHaveLength(1);
      expect(issued[0]?.revoked).toBe(false);
      expect(fx.server.requests.some((r) => r.path.startsWith('secret/') || r.path.startsWith('sys/'))).toBe(false);

      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(fx.server.tokens().filter((t) => t.path === 'auth/approle/login' && !t.revoked)).toEqual([]);
      expectNothingLeft(main);
      expectNoLeaks(job, allSecretValues(fx, job));
    },
  );

  it('a reply that never lands: main still exits within the grace, and a second signal ends it at once', async () => {
    fx.server.addFault({ path: 'auth/approle/login', hang: true });
    const inputs = {
      'vault-addr': fx.server.url,
      'vault-method': 'approle',
      'vault-role-id': fx.approle.roleId,
      'vault-secret-id': fx.approle.secretId,
      secrets: 'secret/ci/app password | PW',
    };
    const loginSeen = (): boolean => fx.server.requests.some((r) => r.path === 'auth/approle/login');
    const once = await cancelMain(inputs, loginSeen, 'SIGINT');
    expect(once.main.exitCode).toBe(1);
    expect(once.exitMs).toBeGreaterThanOrEqual(2000); // the grace was given
    expect(once.exitMs).toBeLessThan(4500);
    expect((await job.post()).exitCode).toBe(0);
    expectNothingLeft(once.main);

    let secondAt = 0;
    const t0 = Date.now();
    const twice = await job.main(inputs, {
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (fx.server.requests.filter((r) => r.path === 'auth/approle/login').length < 2) return;
          clearInterval(timer);
          child.kill('SIGINT');
          setTimeout(() => {
            secondAt = Date.now();
            child.kill('SIGTERM');
          }, 200);
        }, 10);
      },
    });
    expect(twice.exitCode).toBe(1);
    expect(Date.now() - secondAt).toBeLessThan(1000);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect((await job.post()).exitCode).toBe(0);
    expectNothingLeft(twice);
  });
});

describe('cancel while waiting to retry', () => {
  it('no further try is made, and main exits at once', async () => {
    fx.server.addFault({ path: 'auth/approle/login', status: 503, retryAfter: '10', times: 1 });
    const answered = (): boolean => fx.server.requests.some((r) => r.path === 'auth/approle/login' && r.status === 503);
    const { main, exitMs } = await cancelMain(
      {
        'vault-addr': fx.server.url,
        'vault-method': 'approle',
        'vault-role-id': fx.approle.roleId,
        'vault-secret-id': fx.approle.secretId,
        secrets: 'secret/ci/app password | PW',
      },
      answered,
      'SIGINT',
    );
    expect(main.exitCode).toBe(1);
    expect(exitMs).toBeLessThan(1500);
    expect(fx.server.requests.filter((r) => r.path === 'auth/approle/login')).toHaveLength(1);
    expect((await job.post()).exitCode).toBe(0);
    expectNothingLeft(main);
  });
});

describe('cancel with 16 dynamic leases in flight (token method)', () => {
  const ROLES = Array.from({ length: 16 }, (_, i) => `r${i}`);

  function setup(policies: string[]): { token: string; inputs: Record<string, string> } {
    fx.server.mountDatabase('', 'db16', ROLES, 3600);
    fx.server.addPolicy('', 'db16-reader', [{ path: 'db16/creds/*', capabilities: ['read'] }]);
    fx.server.addFault({ path: 'db16/creds/', delayMs: 1500 });
    const token = fx.server.createToken({ policies: ['db16-reader', ...policies] });
    const inputs = {
      'vault-addr': fx.server.url,
      'vault-token': token,
      secrets: ROLES.map((r) => `db16/creds/${r} password | PASS_${r.toUpperCase()}`).join('\n'),
    };
    return { token, inputs };
  }

  const allInFlight = (): boolean => fx.server.requests.filter((r) => r.path.startsWith('db16/creds/')).length === 16;

  it('vault-revoke-token: true: every lease that lands after SIGINT is recorded; post revokes the token and all 16', async () => {
    const { token, inputs } = setup([]);
    const { main, exitMs } = await cancelMain({ ...inputs, 'vault-revoke-token': 'true' }, allInFlight, 'SIGINT');
    expect(main.exitCode).toBe(1);
    expect(exitMs).toBeLessThan(4500);
    expect(fx.server.leases()).toHaveLength(16);
    expect(fx.server.leases().filter((l) => !l.revoked)).toHaveLength(16);
    expect(main.outputs['files-dir']).toBeUndefined(); // every read landed, yet nothing was delivered

    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.leases().filter((l) => !l.revoked)).toEqual([]);
    expect(fx.server.isTokenRevoked(token)).toBe(true);
    expect(post.log).toMatch(/revoked 16 of 16 lease\(s\) with the token/);
    expectNothingLeft(main);
    expectNoLeaks(job, allSecretValues(fx, job, [token]));
  });

  it('the token stays (the default for a token passed in): post revokes the 16 leases one by one', async () => {
    const { token, inputs } = setup(['lease-revoker']);
    const { main } = await cancelMain(inputs, allInFlight, 'SIGINT');
    expect(main.exitCode).toBe(1);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.leases()).toHaveLength(16);
    expect(fx.server.leases().filter((l) => !l.revoked)).toEqual([]);
    expect(fx.server.isTokenValid(token)).toBe(true);
    expect(post.log).toMatch(/revoked 16 of 16 lease\(s\)/);
    expectNothingLeft(main);
    expectNoLeaks(job, allSecretValues(fx, job, [token]));
  });
});

// CI must run these: there, a missing docker is a failure, not a skip.
const runDocker = dockerAvailable() || process.env['CI'] === 'true';

describe.runIf(runDocker)('cancel while something other than Vault holds the step', () => {
  let registry: Server;
  let connections = 0;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    // A registry that accepts connections and never answers: `docker login` waits ~25 s on it.
    connections = 0;
    registry = createServer((socket) => {
      connections++;
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    job = new Job({ PATH: DOCKER_PATH, HOME: mkdtempSync(join(tmpdir(), 'home-')) });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise((resolve) => registry.close(resolve));
  });

  it('a hanging docker login: main still exits within grace + 1.5 s', async () => {
    const port = (registry.address() as { port: number }).port;
    const { main, exitMs } = await cancelMain(
      {
        'vault-addr': fx.server.url,
        'vault-method': 'approle',
        'vault-role-id': fx.approle.roleId,
        'vault-secret-id': fx.approle.secretId,
        secrets: 'secret/ci/app username | REG_USER\nsecret/ci/app password | REG_PASSWORD',
        'registry-logins': `127.0.0.1:${port} $REG_USER REG_PASSWORD`,
      },
      () => connections > 0,
      'SIGINT',
    );
    expect(main.exitCode).toBe(1);
    expect(exitMs).toBeGreaterThanOrEqual(3500);
    expect(exitMs).toBeLessThan(5500);
    expect(errorLine(main.stdout)).toMatch(/cancelled by SIGINT/);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.tokens().filter((t) => t.path === 'auth/approle/login' && !t.revoked)).toEqual([]);
    expectNothingLeft(main);
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});
