// The refresh sub-action (refresh/action.yml -> dist/refresh.js) against the dev server:
// a KV v2 rotation between steps is picked up, masked on arrival before any file is
// written, and swapped atomically under a reader running in a loop; env-file and env
// follow; on-change runs once, never when nothing changed, its hostile output inert;
// rotate: true replaces a dynamic credential and revokes the superseded lease; a cancel
// mid-refresh leaves nothing live after post. Every value is searched for everywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACTION_NODE, Job, type StepResult } from '../runner/job.js';
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
  job = new Job();
});
afterEach(async () => {
  if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
  job.dispose();
  await fx.server.close();
});

const SPEC = 'secret/ci/rot password | ROT_PW\nsecret/ci/rot user | ROT_USER\ndatabase/creds/app password | DB_PASS';

function rotValue(): string {
  return `rot-${randomBytes(24).toString('hex')}`;
}

async function mainStep(extra: Record<string, string> = {}): Promise<StepResult> {
  const main = await job.main({
    'vault-addr': fx.server.url,
    'vault-token': fx.server.rootToken,
    secrets: SPEC,
    ...extra,
  });
  expect(main.exitCode, main.stdout).toBe(0);
  return main;
}

const fileOf = (name: string): string => readFileSync(job.env[`${name}_FILE`] ?? '', 'utf8');
const maskIndex = (step: StepResult, value: string): number =>
  step.stdout.split('\n').findIndex((l) => l === `::add-mask::${value}`);

describe('refresh after a KV v2 rotation', () => {
  it('delivers the new version in place (file, env-file, env), masked first; on-change runs once', async () => {
    const [pw1, user] = [rotValue(), rotValue()];
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw1, user });
    const main = await mainStep({ deliver: 'files env-file env' });
    const path = job.env['ROT_PW_FILE'] ?? '';
    const pw2 = rotValue();
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw2, user });
    const counter = join(job.dir, 'on-change-count');
    // hostile: workflow commands, and the new value itself printed by the command
    const onChange = `sh -c 'echo ran >> "$COUNTER"; echo "::warning::hostile $VAULT_SECRETS_CHANGED"; echo "##[group]x"; cat "$ROT_PW_FILE"'`;
    const refresh = await job.refresh({ 'on-change': onChange }, { env: { COUNTER: counter } });
    expect(refresh.exitCode, refresh.stdout + refresh.stderr).toBe(0);

    expect(fileOf('ROT_PW')).toBe(pw2);
    expect(job.env['ROT_PW_FILE']).toBe(path); // the same path, swapped in place
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(sessionRoot(main), 'secrets.env'), 'utf8')).toContain(`ROT_PW=${pw2}\n`);
    expect(refresh.env['ROT_PW']).toBe(pw2);
    expect(refresh.env['ROT_USER']).toBeUndefined(); // unchanged: not exported again
    // the mask came before every other line of the step that follows the fetch
    const masked = maskIndex(refresh, pw2);
    const lines = refresh.stdout.split('\n');
    expect(masked).toBeGreaterThanOrEqual(0);
    expect(lines.findIndex((l) => l.includes('changed ROT_PW'))).toBeGreaterThan(masked);
    expect(refresh.log).toMatch(/changed ROT_PW \(secret\/ci\/rot#password, version 1 -> 2, \d+ bytes\)/);
    // on-change ran once; its output is inert and the value it printed is redacted
    expect(readFileSync(counter, 'utf8')).toBe('ran\n');
    expect(refresh.commands.filter((c) => c.command === 'warning' && c.message.includes('hostile'))).toEqual([]);
    expect(lines.some((l) => /^\s*::warning::hostile/.test(l) || l.includes('##[group]'))).toBe(false);
    expect(refresh.stdout).toContain('\\::warning::hostile ROT_PW');
    expect(job.summary).toMatch(/Vault secrets: refresh[\s\S]*changed ROT_PW/);

    // nothing changed: on-change is not run again
    const again = await job.refresh({ 'on-change': onChange }, { env: { COUNTER: counter } });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.stdout).toContain('on-change: not run, nothing changed.');
    expect(readFileSync(counter, 'utf8')).toBe('ran\n');

    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job, [pw1, pw2, user]), { allowOutputs: true });
  });

  it('renders the templates again from the new value, swapped in place, masked first', async () => {
    const [pw1, user] = [rotValue(), rotValue()];
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw1, user });
    const templates = '<<RC | APP_RC\nuser={{ ROT_USER }}\npassword={{ ROT_PW | base64 }}\nRC';
    await mainStep({ templates });
    const path = job.env['APP_RC_FILE'] ?? '';
    expect(readFileSync(path, 'utf8')).toBe(`user=${user}\npassword=${Buffer.from(pw1).toString('base64')}\n`);
    const pw2 = rotValue();
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw2, user });
    // only ROT_PW is fetched again: ROT_USER comes from main's file
    const refresh = await job.refresh({ secrets: 'ROT_PW', templates });
    expect(refresh.exitCode, refresh.stdout + refresh.stderr).toBe(0);
    expect(job.env['APP_RC_FILE']).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(`user=${user}\npassword=${Buffer.from(pw2).toString('base64')}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(path)).filter((n) => n.includes('.tmp') || n.startsWith('.'))).toEqual([]);
    const lines = refresh.stdout.split('\n');
    const rendered = lines.findIndex((l) => l.startsWith('Rendered template APP_RC'));
    expect(rendered).toBeGreaterThan(maskIndex(refresh, Buffer.from(pw2).toString('base64')));
    expect(maskIndex(refresh, Buffer.from(pw2).toString('base64'))).toBeGreaterThanOrEqual(0);
    // nothing changed: no render
    const again = await job.refresh({ templates });
    expect(again.stdout).not.toMatch(/Rendered template/);
    await job.post();
    expectNoLeaks(job, [pw1, pw2, user]);
  });

  it('masks each new value as it arrives, before any file is written', async () => {
    const [pw1, user] = [rotValue(), rotValue()];
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw1, user });
    fx.server.putKv('', 'secret', 'ci/slow', { v: rotValue() });
    await mainStep({ secrets: `${SPEC}\nsecret/ci/slow v | SLOW` });
    const pw2 = rotValue();
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw2, user });
    // the second path answers 2.5 s late: the first value must be masked before that reply, and no file written yet
    fx.server.addFault({ path: 'secret/data/ci/slow', delayMs: 2500, times: 1 });
    const answered = (path: string, after: number): boolean =>
      fx.server.requests.slice(after).some((r) => r.path === path && r.status !== 0);
    const first = fx.server.requests.length;
    let seen: { masked: boolean; file: string } | undefined;
    let out = '';
    const refresh = await job.refresh(
      {},
      {
        onSpawn: (child: ChildProcess) => {
          child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
          const timer = setInterval(() => {
            const masked = out.includes(`::add-mask::${pw2}`);
            if (!masked && !answered('secret/data/ci/slow', first)) return;
            clearInterval(timer);
            seen = { masked: masked && !answered('secret/data/ci/slow', first), file: fileOf('ROT_PW') };
          }, 5);
          child.on('close', () => clearInterval(timer));
        },
      },
    );
    expect(refresh.exitCode, refresh.stdout).toBe(0);
    expect(seen?.masked, 'the new value was masked while the fetch was still running').toBe(true);
    expect(seen?.file === pw1, 'the file still held the old value then').toBe(true);
    expect(fileOf('ROT_PW') === pw2).toBe(true);
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job, [pw1, pw2, user]));
  });

  it('swaps the file atomically: a reader in a loop sees the old value or the new one, never part of one', async () => {
    // large values, so a write in place would be caught half done
    const big = (): string => randomBytes(384 * 1024).toString('hex');
    const [pw1, pw2, user] = [big(), big(), rotValue()];
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw1, user });
    await mainStep();
    const path = job.env['ROT_PW_FILE'] ?? '';
    const sha = (v: string): string => createHash('sha256').update(v).digest('hex');
    const stopFile = join(job.dir, 'stop-reader');
    // the reader knows the values by hash only, and reports counts
    const reader = spawn(
      ACTION_NODE,
      [
        '-e',
        `const fs=require('fs'),c=require('crypto');const [p,a,b,stop]=process.argv.slice(1);const n={old:0,new:0,other:0,missing:0};
         while(!fs.existsSync(stop)){let t;try{t=fs.readFileSync(p)}catch{n.missing++;continue}
         const h=c.createHash('sha256').update(t).digest('hex');h===a?n.old++:h===b?n.new++:n.other++;}
         process.stdout.write(JSON.stringify(n));`,
        path,
        sha(pw1),
        sha(pw2),
        stopFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let counts = '';
    reader.stdout.on('data', (d: Buffer) => (counts += d.toString()));
    const closed = new Promise((r) => reader.on('close', r));
    fx.server.putKv('', 'secret', 'ci/rot', { password: pw2, user });
    await new Promise((r) => setTimeout(r, 300));
    const refresh = await job.refresh({});
    expect(refresh.exitCode, refresh.stdout).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(stopFile, ''); // the reader stops when this file appears
    await closed;
    const n = JSON.parse(counts) as { old: number; new: number; other: number; missing: number };
    expect(n.old).toBeGreaterThan(0);
    expect(n.new).toBeGreaterThan(0);
    expect(n).toMatchObject({ other: 0, missing: 0 });
    expect(readdirSync(dirname(path)).sort()).toEqual(['DB_PASS', 'ROT_PW', 'ROT_USER']); // no temp file left
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job, [pw1, pw2, user]));
  });
});

describe('refresh with rotate: true', () => {
  it('fetches new dynamic credentials, revokes the superseded lease; post revokes the new one', async () => {
    fx.server.putKv('', 'secret', 'ci/rot', { password: rotValue(), user: rotValue() });
    await mainStep();
    const oldPass = fileOf('DB_PASS');
    const [oldLease] = fx.server.leases();
    // without rotate the leased credential is kept
    const kept = await job.refresh({});
    expect(kept.exitCode, kept.stdout).toBe(0);
    expect(fx.server.leases()).toHaveLength(1);
    expect(fileOf('DB_PASS') === oldPass).toBe(true);

    const refresh = await job.refresh({ rotate: 'true', secrets: 'DB_PASS' });
    expect(refresh.exitCode, refresh.stdout).toBe(0);
    const newPass = fileOf('DB_PASS');
    expect(newPass === oldPass).toBe(false);
    expect(refresh.masks).toContain(newPass);
    expect(refresh.log).toMatch(/changed DB_PASS \(database\/creds\/app#password, \d+ bytes, new lease\)/);
    expect(refresh.log).toContain('1 superseded lease(s) revoked');
    const leases = fx.server.leases();
    expect(leases).toHaveLength(2);
    expect(leases.find((l) => l.id === oldLease?.id)?.revoked).toBe(true);
    expect(leases.filter((l) => !l.revoked)).toHaveLength(1);

    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expectNoLeaks(job, allSecretValues(fx, job, [oldPass, newPass]));
  });

  it('a cancel while the refresh waits on Vault leaves nothing live after post', async () => {
    fx.server.putKv('', 'secret', 'ci/rot', { password: rotValue(), user: rotValue() });
    fx.server.putKv('', 'secret', 'ci/slow', { v: rotValue() });
    const main = await mainStep({ secrets: `${SPEC}\nsecret/ci/slow v | SLOW` });
    const before = fileOf('DB_PASS');
    fx.server.addFault({ path: 'secret/data/ci/slow', hang: true });
    const refresh = await job.refresh(
      { rotate: 'true' },
      {
        onSpawn: (child: ChildProcess) => {
          // the new lease has landed (and is recorded), the other read hangs: now cancel
          const timer = setInterval(() => {
            if (fx.server.leases().length < 2) return;
            clearInterval(timer);
            setTimeout(() => child.kill('SIGINT'), 200);
          }, 10);
          child.on('close', () => clearInterval(timer));
        },
      },
    );
    expect(refresh.exitCode).toBe(1);
    expect(errorLine(refresh.stdout)).toMatch(/cancelled by SIGINT/);
    expect(fileOf('DB_PASS') === before, 'nothing was delivered after the cancel').toBe(true);
    fx.server.clearFaults();
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.leases()).toHaveLength(2);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});

describe('refresh inputs', () => {
  it('names a secret the main step did not deliver, and runs without a session, with clear errors', async () => {
    const none = await job.refresh({});
    expect(none.exitCode).toBe(1);
    expect(errorLine(none.stdout)).toMatch(/no session to refresh: run the main step/);
    fx.server.putKv('', 'secret', 'ci/rot', { password: rotValue(), user: rotValue() });
    await mainStep();
    const unknown = await job.refresh({ secrets: 'NOPE' });
    expect(unknown.exitCode).toBe(1);
    expect(errorLine(unknown.stdout)).toMatch(/secrets: NOPE is not among the secrets fetched again/);
    const quote = await job.refresh({ 'on-change': `echo 'open` });
    expect(errorLine(quote.stdout)).toMatch(/on-change: a ' quote is not closed/);
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});
