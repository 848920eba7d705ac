// Sessions across a job and across jobs on one machine (issue 15 §5, §6): the guard
// step sees every use of the action in its job; a later run removes what a killed job
// left (its owner process gone, old enough) and revokes its token, and never touches a
// session whose owner may still run, a reused pid included, nor one being made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { listTree } from '../runner/leaks.js';
import { allSecretValues, expectGone, expectNoLeaks, sessionRoot, startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
const jobs: Job[] = [];
let base: string;
beforeEach(async () => {
  fx = await startFixture();
  // every session of these tests in a folder of its own: a sweep here never meets another test's
  base = join(newJob().dir, 'sessions');
  mkdirSync(base);
});
afterEach(async () => {
  for (const job of jobs.splice(0)) {
    if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.postAll();
    job.dispose();
  }
  await fx.server.close();
});

function newJob(): Job {
  const job = new Job();
  jobs.push(job);
  return job;
}

const login = (): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-method': 'approle',
  'vault-role-id': fx.approle.roleId,
  'vault-secret-id': fx.approle.secretId,
  'files-base-dir': base,
});
const SPEC = 'secret/ci/app password | PW\ndatabase/creds/app password | DB_PASS';

/** The approle token a main logged in with (the one its session recorded). */
function tokenOf(main: StepResult): string {
  const root = sessionRoot(main);
  return readFileSync(join(root, 'private', 'vault-token'), 'utf8').trim();
}

/** A main whose job was killed: its post never runs and the process that ran it is gone. */
async function killedJob(): Promise<{ main: StepResult; token: string; job: Job; values: string[] }> {
  const job = newJob();
  const main = await job.main({ ...login(), secrets: SPEC }, { orphan: true });
  expect(main.exitCode, main.stdout + main.stderr).toBe(0);
  const token = tokenOf(main);
  const dir = main.outputs['files-dir'] ?? '';
  const values = [token, readFileSync(join(dir, 'PW'), 'utf8'), readFileSync(join(dir, 'DB_PASS'), 'utf8')];
  // as after a reboot of a self-hosted runner: nothing of this job runs post
  jobs.splice(jobs.indexOf(job), 1);
  return { main, token, job, values };
}

function sweepLine(step: StepResult): string {
  return step.log.split('\n').find((l) => l.includes('session(s) left in')) ?? '';
}

describe('two uses of the action in one job', () => {
  it('the guard step looks for the secrets of both, and each post removes only its own session', async () => {
    const job = newJob();
    fx.server.putKv('', 'secret', 'ci/second', { token: `second-${fx.values.apiKey}` });
    const first = await job.main({ ...login(), secrets: 'secret/ci/app password | PW' });
    expect(first.exitCode, first.stdout).toBe(0);
    const second = await job.main({ ...login(), secrets: 'secret/ci/second token | SECOND' });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(job.env['VAULT_SECRETS_SESSION']).toBe(sessionRoot(second));
    // a careless step writes the FIRST use's secret where an upload will pick it up
    const out = join(job.workspace, 'out');
    mkdirSync(out);
    const pw = readFileSync(join(first.outputs['files-dir'] ?? '', 'PW'), 'utf8');
    writeFileSync(join(out, 'debug.log'), `pw=${pw}\n`);
    const guard = await job.guard({ paths: out });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(guard.stdout).toMatch(/secret PW \(as value\) found in .*debug\.log/);
    expect(guard.log).toMatch(/guard: \d+ form\(s\) of the secrets 2 main step\(s\) of this job fetched/);

    const [postSecond, postFirst] = await job.postAll();
    expect(postSecond?.log).toContain(`in ${sessionRoot(second)}`);
    expect(postSecond?.log).not.toContain(sessionRoot(first));
    expect(postFirst?.log).toContain(`in ${sessionRoot(first)}`);
    expectGone(sessionRoot(first));
    expectGone(sessionRoot(second));
    rmSync(join(out, 'debug.log')); // the leak this test planted
    expectNoLeaks(job, allSecretValues(fx, job, [pw, `second-${fx.values.apiKey}`]));
  });
});

describe('sessions a killed job left on the runner', () => {
  it('the next run shreds them, revokes their token and lease, and says so in one line without a value', async () => {
    const killed = await killedJob();
    const root = sessionRoot(killed.main);
    expect(listTree(root).length).toBeGreaterThan(3); // files, token, forms: all still there
    expect(fx.server.isTokenValid(killed.token)).toBe(true);

    const next = newJob();
    const main = await next.main({ ...login(), secrets: 'secret/ci/app password | PW', 'stale-session-minutes': '0' });
    expect(main.exitCode, main.stdout).toBe(0);
    expectGone(root);
    expect(fx.server.isTokenRevoked(killed.token)).toBe(true);
    expect(fx.server.leases().filter((l) => l.revoked)).toHaveLength(1); // the killed job's; the new one is live
    expect(sweepLine(main)).toMatch(
      new RegExp(
        `^removed 1 session\\(s\\) left in ${base} by jobs that are over \\(\\d+ file\\(s\\) shredded\\); revoked 1 of 1 token\\(s\\) and 1 of 1 lease\\(s\\)$`,
      ),
    );
    // the dead token is masked before any request is made with it
    expect(main.masks).toContain(killed.token);
    await next.post();
    expectNoLeaks(next, [...allSecretValues(fx, next), ...killed.values]);
    expectNoLeaks(killed.job, killed.values);
    killed.job.dispose();
  });

  it('a session whose owner still runs is never touched, nor one younger than stale-session-minutes', async () => {
    const live = newJob();
    const liveMain = await live.main({ ...login(), secrets: SPEC });
    expect(liveMain.exitCode).toBe(0);
    const young = await killedJob();

    const next = newJob();
    const main = await next.main({ ...login(), secrets: 'secret/ci/app password | PW', 'stale-session-minutes': '5' });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(sweepLine(main)).toBe('');
    expect(existsSync(join(sessionRoot(liveMain), 'private', 'vault-token'))).toBe(true);
    expect(existsSync(join(sessionRoot(young.main), 'private', 'vault-token'))).toBe(true);

    const again = newJob();
    const swept = await again.main({
      ...login(),
      secrets: 'secret/ci/app password | PW',
      'stale-session-minutes': '0',
    });
    expect(swept.exitCode).toBe(0);
    expect(sweepLine(swept)).toMatch(/^removed 1 session\(s\)/);
    expectGone(sessionRoot(young.main));
    // the live job's session, its files and its token are as they were
    expect(readFileSync(join(liveMain.outputs['files-dir'] ?? '', 'PW'), 'utf8') === fx.values.password).toBe(true);
    expect(fx.server.isTokenValid(tokenOf(liveMain))).toBe(true);
    young.job.dispose();
  });

  it('a reused pid does not count as the owner: the start time must match too', async () => {
    const killed = await killedJob();
    const recordFile = join(sessionRoot(killed.main), 'session.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { owner: { pid: number; start: string } };
    const self = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const selfStart = self.slice(self.lastIndexOf(')') + 2).split(' ')[19] ?? '';
    // the dead owner's pid now belongs to a live process (this one) with another start time
    writeFileSync(recordFile, JSON.stringify({ ...record, owner: { ...record.owner, pid: process.pid } }));
    // and a copy whose owner is this process exactly: alive, so kept
    const kept = await killedJob();
    const keptFile = join(sessionRoot(kept.main), 'session.json');
    const keptRecord = JSON.parse(readFileSync(keptFile, 'utf8')) as typeof record;
    writeFileSync(
      keptFile,
      JSON.stringify({ ...keptRecord, owner: { ...keptRecord.owner, pid: process.pid, start: selfStart } }),
    );

    const next = newJob();
    const main = await next.main({ ...login(), secrets: 'secret/ci/app password | PW', 'stale-session-minutes': '0' });
    expect(main.exitCode, main.stdout).toBe(0);
    expectGone(sessionRoot(killed.main));
    expect(fx.server.isTokenRevoked(killed.token)).toBe(true);
    expect(existsSync(join(sessionRoot(kept.main), 'private', 'vault-token'))).toBe(true);
    expect(fx.server.isTokenValid(kept.token)).toBe(true);
    expectNoLeaks(next, [...killed.values, ...kept.values]);
    killed.job.dispose();
    kept.job.dispose();
  });

  it('two jobs at once: a sweep never removes the session of a main still running, nor a folder being made', async () => {
    const stale = await killedJob();
    // a folder of our name whose record is not written yet (mkdtemp, then the record)
    const making = join(base, 'vault-secrets-making');
    mkdirSync(join(making, 'private'), { recursive: true, mode: 0o700 });
    // job A: its login is slow, so its session lives through the sweep of job B
    fx.server.addFault({ path: 'auth/approle/login', delayMs: 2500, times: 1 });
    const a = newJob();
    const b = newJob();
    const loggingIn = (): boolean => fx.server.requests.filter((r) => r.path === 'auth/approle/login').length >= 1;
    const aRun = a.main({ ...login(), secrets: SPEC });
    await waitFor(loggingIn);
    const bMain = await b.main({ ...login(), secrets: 'secret/ci/app password | PW', 'stale-session-minutes': '0' });
    const aMain = await aRun;
    expect(aMain.exitCode, aMain.stdout + aMain.stderr).toBe(0);
    expect(bMain.exitCode, bMain.stdout).toBe(0);
    expect(sweepLine(bMain)).toMatch(/^removed 1 session\(s\)/);
    expectGone(sessionRoot(stale.main));
    expect(existsSync(making)).toBe(true);
    expect(readFileSync(join(aMain.outputs['files-dir'] ?? '', 'PW'), 'utf8') === fx.values.password).toBe(true);
    for (const job of [a, b]) {
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
    }
    expect(fx.server.tokens().filter((t) => t.path === 'auth/approle/login' && !t.revoked)).toEqual([]);
    stale.job.dispose();
  });
});

async function waitFor(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !ready(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(ready()).toBe(true);
}
