// Post cancelled itself (issue 15 §2): the runner service stops or the user force-cancels
// while post waits on something slow. As the runner does it: SIGINT, then SIGTERM 7.5 s
// later. The local cleanup (every file of the session shredded) is done first and
// always; the token is revoked beside the slow logout, not after it; post ends on its own
// well before SIGTERM, with a line that says what happened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { listTree } from '../runner/leaks.js';
import { DOCKER_PATH, missingDockerPrerequisites, startRegistry, type Registry } from '../docker/setup.js';
import { allSecretValues, errorLine, expectNoLeaks, sessionRoot, startFixture, type Fixture } from './fixture.js';

const missing = missingDockerPrerequisites();
const underCi = Boolean(process.env['CI']);
if (missing.length > 0 && !underCi) console.warn(`post cancel tests skipped: missing ${missing.join(', ')}`);

/** As the runner cancels: SIGINT once `ready()`, SIGTERM 7.5 s later if the step still runs. */
async function cancelPost(
  job: Job,
  ready: () => boolean,
): Promise<{ post: StepResult; exitMs: number; termed: boolean }> {
  let signalledAt = 0;
  let termed = false;
  const post = await job.post({
    onSpawn: (child) => {
      const timer = setInterval(() => {
        if (!ready()) return;
        clearInterval(timer);
        signalledAt = Date.now();
        child.kill('SIGINT');
        const term = setTimeout(() => {
          termed = true;
          child.kill('SIGTERM');
        }, 7500);
        child.on('close', () => clearTimeout(term));
      }, 10);
      child.on('close', () => clearInterval(timer));
    },
    timeoutMs: 60_000,
  });
  expect(signalledAt, 'the signal was sent').toBeGreaterThan(0);
  return { post, exitMs: Date.now() - signalledAt, termed };
}

describe.runIf(missing.length === 0 || underCi)('post cancelled during a slow docker logout', () => {
  let fx: Fixture;
  let registry: Registry;
  let job: Job;
  let home: string;
  let store: string;
  beforeEach(async () => {
    if (missing.length > 0) throw new Error(`CI is set but these tests lack ${missing.join(', ')}`);
    fx = await startFixture();
    registry = await startRegistry();
    fx.server.putKv('', 'secret', 'ci/registry', { password: registry.password });
    // the runner's ~/.docker uses a credential store whose erase hangs (a locked keychain):
    // a real `docker logout` then waits on it
    home = mkdtempSync(join(tmpdir(), 'home-'));
    store = mkdtempSync(join(tmpdir(), 'cred-store-'));
    const bin = join(home, 'bin');
    mkdirSync(bin);
    mkdirSync(join(home, '.docker'));
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({ credsStore: 'slow' }));
    const helper = join(bin, 'docker-credential-slow');
    writeFileSync(
      helper,
      [
        '#!/bin/sh',
        'case "$1" in',
        `  store) cat > ${store}/stored ;;`,
        `  get) cat ${store}/stored 2>/dev/null || { echo "credentials not found in native keychain"; exit 1; } ;;`,
        `  erase) echo $$ > ${store}/erasing; exec sleep 30 ;;`,
        "  list) echo '{}' ;;",
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(helper, 0o755);
    job = new Job({ PATH: `${bin}:${DOCKER_PATH}`, HOME: home });
  });
  afterEach(async () => {
    const erasing = join(store, 'erasing');
    if (existsSync(erasing)) {
      try {
        process.kill(Number(readFileSync(erasing, 'utf8').trim()));
      } catch {
        // already ended
      }
    }
    job.dispose();
    rmSync(home, { recursive: true, force: true });
    rmSync(store, { recursive: true, force: true });
    await registry.stop();
    await fx.server.close();
  });

  it('SIGINT then SIGTERM: the session is shredded, the token revoked, and post exits on its own', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-method': 'approle',
      'vault-role-id': fx.approle.roleId,
      'vault-secret-id': fx.approle.secretId,
      secrets:
        'secret/ci/app password | PW\ndatabase/creds/app password | DB_PASS\nsecret/ci/registry password | REG_PASSWORD',
      'registry-logins': `${registry.host} ${registry.username} REG_PASSWORD`,
      'docker-config': 'default',
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(existsSync(join(store, 'stored'))).toBe(true); // docker login went through the helper
    const root = sessionRoot(main);
    for (const f of ['files/PW', 'private/vault-token', 'private/forms'])
      expect(existsSync(join(root, f)), f).toBe(true);

    const { post, exitMs, termed } = await cancelPost(job, () => existsSync(join(store, 'erasing')));
    expect(post.signal, post.stderr).toBeNull(); // it handled the signal instead of dying of it
    expect(post.exitCode).toBe(1);
    expect(termed, 'post still ran when SIGTERM came').toBe(false);
    expect(exitMs).toBeLessThan(7500);
    expect(errorLine(post.stdout)).toMatch(/cancelled by SIGINT: the session's files are removed/);
    expect(listTree(root)).toEqual([]);
    // the revocation did not wait for the logout
    expect(fx.server.tokens().filter((t) => t.path === 'auth/approle/login' && !t.revoked)).toEqual([]);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expectNoLeaks(job, allSecretValues(fx, job, [registry.password]));
  });

  it("docker-config job, Vault hanging on revoke: the job's docker/config.json goes with the files at once", async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-method': 'approle',
      'vault-role-id': fx.approle.roleId,
      'vault-secret-id': fx.approle.secretId,
      secrets: 'secret/ci/app password | PW\nsecret/ci/registry password | REG_PASSWORD',
      'registry-logins': `${registry.host} ${registry.username} REG_PASSWORD`,
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const root = sessionRoot(main);
    for (const f of ['files/PW', 'private/vault-token', 'private/forms', 'docker/config.json'])
      expect(existsSync(join(root, f)), f).toBe(true);
    fx.server.addFault({ path: 'auth/token/revoke-self', hang: true });
    const revoking = (): boolean => fx.server.requests.some((r) => r.path === 'auth/token/revoke-self');
    const { post, exitMs, termed } = await cancelPost(job, revoking);
    expect(post.signal, post.stderr).toBeNull();
    expect(post.exitCode).toBe(1);
    expect(termed, 'post still ran when SIGTERM came').toBe(false);
    expect(exitMs).toBeLessThan(7500);
    expect(errorLine(post.stdout)).toMatch(/cancelled by SIGINT: the session's files are removed/);
    expect(listTree(root)).toEqual([]);
    expect(post.log).toMatch(/logged out of 127\.0\.0\.1:\d+ \(the job's DOCKER_CONFIG was shredded\)/);
    expectNoLeaks(job, allSecretValues(fx, job, [registry.password]));
  });
});

describe('the guard step cancelled while it waits on a hanging `docker save`', () => {
  let fx: Fixture;
  let job: Job;
  let bin: string;
  beforeEach(async () => {
    fx = await startFixture();
    bin = mkdtempSync(join(tmpdir(), 'hanging-docker-'));
    writeFileSync(join(bin, 'docker'), `#!/bin/sh\necho $$ > ${bin}/started\nexec sleep 30\n`);
    chmodSync(join(bin, 'docker'), 0o755);
    job = new Job();
  });
  afterEach(async () => {
    try {
      process.kill(Number(readFileSync(join(bin, 'started'), 'utf8').trim()));
    } catch {
      // never started, or already ended
    }
    if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
    job.dispose();
    rmSync(bin, { recursive: true, force: true });
    await fx.server.close();
  });

  it('SIGINT: it ends at once with a line that says so, deletes nothing, and prints no value', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const leaked = join(job.workspace, 'leak.txt');
    writeFileSync(leaked, `pw=${fx.values.password}\n`);
    let signalledAt = 0;
    const guard = await job.guard(
      { paths: leaked, image: 'app:latest', 'on-leak': 'delete' },
      {
        env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` },
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (!existsSync(join(bin, 'started'))) return;
            clearInterval(timer);
            signalledAt = Date.now();
            child.kill('SIGINT');
          }, 10);
          child.on('close', () => clearInterval(timer));
        },
      },
    );
    expect(signalledAt, 'the signal was sent').toBeGreaterThan(0);
    expect(guard.signal).toBeNull();
    expect(guard.exitCode).toBe(1);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    expect(errorLine(guard.stdout)).toMatch(/cancelled by SIGINT: the scan stopped before it finished/);
    expect(existsSync(leaked)).toBe(true);
    rmSync(leaked);
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});
