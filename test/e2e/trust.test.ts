// Trust boundaries (issue 7 §1): text the action did not write (Vault replies, key and
// file names, lease ids) must never become a workflow command for either of the
// runner's parsers, nor markup in the summary; every value stays masked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { maskLog } from '../runner/masker.js';
import { Job, type StepResult } from '../runner/job.js';
import { expectInertSummary, expectOnlyMeantCommands } from './trust-checks.js';
import { HOSTILE_PAYLOADS, HOSTILE_TEXT } from '../vault-server/hostile.js';
import {
  allSecretValues,
  expectGone,
  expectNoLeaks,
  issuedTokens,
  startFixture,
  type Fixture,
  exportedNames,
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

describe('hostile Vault and hostile file names', () => {
  it('policies, warnings, lease ids, key names, file names: no command, values masked, summary inert', async () => {
    fx.server.setHostile(true);
    const keyed = 'hostile-key-value-0123456789';
    fx.server.putKv('', 'secret', 'ci/hostile', { [HOSTILE_TEXT]: keyed });
    const scan = join(job.workspace, 'out');
    mkdirSync(scan);
    // names a scanner prints: legacy command in the name, a line break starting a command
    writeFileSync(join(scan, 'evil##[stop-commands]tok2.gz'), gzipSync(`x=${fx.values.password}\n`));
    writeFileSync(join(scan, 'evil\n::set-output name=pwned::1\n.txt'), `y=${fx.values.apiKey}\n`);
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-method': 'approle',
      'vault-role-id': fx.approle.roleId,
      'vault-secret-id': fx.approle.secretId,
      secrets: `${fx.spec}\nsecret/ci/hostile * | H_`,
      'scan-paths': scan,
      'on-leak': 'delete',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    for (const step of job.steps) expectOnlyMeantCommands(step);
    // every value registered (stop-commands would have left add-mask lines unprocessed)
    for (const v of [...Object.values(fx.expected), keyed]) expect(main.masks).toContain(v);
    for (const lease of fx.server.leases()) expect(main.masks).toContain(lease.id);
    expect(post.commands.filter((c) => c.command === 'warning').length).toBeGreaterThanOrEqual(2); // both files
    expectInertSummary(job.summary);
    expect(main.outputs).not.toHaveProperty('pwned');
    // a hostile lease id shares its payload lines with the policy names printed in the log:
    // look for its own part (the id Vault made) instead
    const stems = fx.server.leases().map((l) => l.id.slice(0, l.id.indexOf(HOSTILE_PAYLOADS[0])));
    const values = allSecretValues(fx, job, [keyed, ...stems]).filter((v) => !v.includes(HOSTILE_PAYLOADS[0]));
    expectNoLeaks(job, values);
  });

  it('lease ids with line breaks: recorded whole, revoked one by one with a token that stays', async () => {
    fx.server.setHostile(true);
    const token = fx.server.createToken({ policies: ['ci-read', 'lease-revoker'] });
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': token,
      secrets: 'database/creds/app username | DB_USER\ndatabase/creds/app password | DB_PASS',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    const leases = fx.server.leases();
    expect(leases.length).toBe(1);
    for (const lease of leases) expect(lease.revoked, 'the lease Vault named was revoked').toBe(true);
    expect(post.commands.filter((c) => c.command === 'warning')).toEqual([]);
    for (const step of job.steps) expectOnlyMeantCommands(step);
  });

  it('error bodies of a failing read: no command, a clear error', async () => {
    fx.server.setHostile(true);
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/missing password | X',
    });
    expect(main.exitCode).toBe(1);
    expectOnlyMeantCommands(main);
    const error = main.commands.find((c) => c.command === 'error');
    expect(error?.message).toMatch(/secrets line 1: Vault read secret\/data\/ci\/missing failed with HTTP 404/);
    expect(error?.message).not.toContain('##[');
    expectOnlyMeantCommands(await job.post());
    expectInertSummary(job.summary);
  });
});

describe('secrets that are not fetched values', () => {
  it('vault-addr with userinfo: masked in every spelling, only scheme://host:port shown', async () => {
    const origin = fx.server.url;
    const given = origin.replace('://', '://ci-user:addr-pa55-%2Fword@') + '/';
    const main = await job.main({
      'vault-addr': given,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    for (const spelling of [given, given.slice(0, -1), 'ci-user:addr-pa55-%2Fword', 'addr-pa55-/word'])
      expect(main.masks).toContain(spelling);
    expect(main.stdout).toContain(`Authenticated at ${origin} with token`);
    expect(job.summary).toContain(`at ${origin} (auth: token)`);
    expectNoLeaks(job, [given, 'addr-pa55-%2Fword', 'addr-pa55-/word', fx.values.password]);
  });
});

describe('names and values that would change how later programs run', () => {
  const login = (): Record<string, string> => ({
    'vault-addr': fx.server.url,
    'vault-method': 'approle',
    'vault-role-id': fx.approle.roleId,
    'vault-secret-id': fx.approle.secretId,
  });

  /** main failed with `error`, the value never reached GITHUB_ENV, and post cleaned everything up. */
  async function expectRefusedAndCleaned(main: StepResult, error: RegExp, values: string[]): Promise<void> {
    expect(main.exitCode, main.stdout).toBe(1);
    const failure = main.commands.filter((c) => c.command === 'error').map((c) => c.message);
    expect(failure.join('\n')).toMatch(error);
    expect(main.stdout).not.toMatch(/URI malformed|TypeError/);
    // at most the session path (for a later guard step): no secret reached the environment
    expect(exportedNames(main)).toEqual([]);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    const root = main.state['session-root'];
    if (root !== undefined) expectGone(root);
    for (const token of issuedTokens(fx).filter((t) => t.startsWith('hvs.') && t !== fx.server.rootToken))
      expect(fx.server.isTokenRevoked(token)).toBe(true);
    for (const lease of fx.server.leases()) expect(lease.revoked).toBe(true);
    expectNoLeaks(job, values);
  }

  it('env with `*` and no prefix is refused before Vault is asked', async () => {
    const main = await job.main({ ...login(), secrets: 'secret/ci/app *', deliver: 'env' });
    await expectRefusedAndCleaned(
      main,
      /secrets line 1: with deliver env, `secret\/ci\/app \*` takes variable names/,
      [],
    );
    expect(fx.server.requests).toEqual([]);
  });

  // a Vault key under a workflow prefix, or a workflow name, that lands on a refused variable
  it.each([
    ['SHELL', 'opts', 'SHELLOPTS'],
    ['PS', '4', 'PS4'],
    ['LD_', 'audit', 'LD_AUDIT'],
    ['GIT_', 'ssh_command', 'GIT_SSH_COMMAND'],
    ['https_', 'proxy', 'https_PROXY'],
    ['BASH_FUNC_', 'x%%', 'BASH_FUNC_X__'],
  ])('env refuses %s + %s = %s, naming the secret; post cleans up', async (prefix, key, name) => {
    const value = `value-for-${name}-0123456789`;
    fx.server.putKv('', 'secret', 'ci/names', { [key]: value });
    const main = await job.main({
      ...login(),
      secrets: `database/creds/app username | DB_USER\nsecret/ci/names * | ${prefix}`,
      deliver: 'env',
    });
    const error = new RegExp(`deliver env: ${name} would replace a variable .*; it comes from secret/ci/names#`);
    await expectRefusedAndCleaned(main, error, [value]);
  });

  it('files and env: X and X_FILE both delivered is refused', async () => {
    fx.server.putKv('', 'secret', 'ci/pair', { x: 'x-value-0123456789', x_file: 'x-file-value-0123456789' });
    const main = await job.main({ ...login(), secrets: 'secret/ci/pair * | P_', deliver: 'files, env' });
    await expectRefusedAndCleaned(main, /P_X_FILE is both the path of P_X's file and a secret's name/, [
      'x-value-0123456789',
      'x-file-value-0123456789',
    ]);
  });

  it('a NUL byte in a value with deliver env: a clear error naming the secret, nothing left', async () => {
    const value = 'before-nul\0after-nul-0123456789';
    fx.server.putKv('', 'secret', 'ci/nul', { v: value });
    const main = await job.main({
      ...login(),
      secrets: 'database/creds/app password | DB_PASS\nsecret/ci/nul v | NUL_VALUE',
      deliver: 'env',
    });
    await expectRefusedAndCleaned(main, /deliver env: NUL_VALUE \(from secret\/ci\/nul#v\) holds a NUL byte/, [
      value,
      'after-nul-0123456789',
    ]);
  });

  it('a lone surrogate: a clear error naming the secret and its line, not "URI malformed"', async () => {
    const value = 'lone-\ud800-surrogate-0123456789';
    fx.server.putKv('', 'secret', 'ci/lone', { v: value });
    const main = await job.main({
      ...login(),
      secrets: 'database/creds/app password | DB_PASS\nsecret/ci/lone v | LONE',
    });
    await expectRefusedAndCleaned(main, /secrets line 2: LONE: the value Vault returned is not valid Unicode/, [
      value.replace('\ud800', '\ufffd'),
    ]);
    expect(main.masks).toContain(value.replace('\ud800', '\ufffd'));
  });
});

describe('masking of what common tools print', () => {
  it('base64 (76), openssl base64 (64), xxd -p (60), printf %q of a fetched value are masked line by line', async () => {
    const oneLine = `one-line-${'k9'.repeat(60)}-value`;
    const tricky = `with space $dollar "quote" 'single' ${'x'.repeat(40)}`;
    fx.server.putKv('', 'secret', 'ci/tools', { one: oneLine, tricky });
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/tls key | PEM\nsecret/ci/tools one | ONE\nsecret/ci/tools tricky | TRICKY',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    // a later `run:` step prints the files with each tool; the runner masks its lines
    const run = (script: string): string =>
      spawnSync('bash', ['-c', script], { env: { ...process.env, ...job.env, LC_ALL: 'C.UTF-8' }, encoding: 'utf8' })
        .stdout;
    const registered = job.steps.flatMap((s) => s.masks);
    for (const name of ['PEM', 'ONE', 'TRICKY']) {
      const file = `"$${name}_FILE"`;
      for (const script of [
        `base64 ${file}`,
        `openssl base64 -in ${file}`,
        `xxd -p ${file}`,
        `cat ${file} | base64`,
        `echo "$(cat ${file})" | base64`,
      ]) {
        const lines = run(script).split('\n').filter(Boolean);
        expect(lines.length, script).toBeGreaterThan(1);
        const masked = maskLog(lines.join('\n'), registered).split('\n');
        masked.forEach((line, i) => {
          if ((lines[i] ?? '').length >= 8) expect(line, `${name}: ${script} line ${i + 1}`).toBe('***');
        });
      }
    }
    for (const name of ['ONE', 'TRICKY']) {
      const quoted = run(`printf %q "$(cat "$${name}_FILE")"`);
      expect(maskLog(quoted, registered), `printf %q of ${name}`).toBe('***');
    }
    await job.post();
  });
});

describe('smaller things', () => {
  it('`node dist/main.js` with no inputs makes no session folder', async () => {
    const base = join(job.dir, 'base');
    mkdirSync(base);
    const main = await job.main({ 'files-base-dir': base });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.state['session-root']).toBeUndefined();
    expect(readdirSync(base)).toEqual([]);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('Nothing to clean up');
  });

  it('a token with a line break: a clear error, never a TypeError, the token masked', async () => {
    const token = `${fx.server.rootToken}\nhvs.second-line-token`;
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': token,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/::error::vault-secrets-action: vault-token \(or VAULT_TOKEN\) holds a line break/);
    expect(main.stdout + main.stderr).not.toMatch(/TypeError|Invalid character/);
    expect(fx.server.requests).toEqual([]);
    expect((await job.post()).exitCode).toBe(0);
    expectNoLeaks(job, [token, 'hvs.second-line-token']);
  });

  it('the missing-key error lists top-level keys only, never keys inside a value', async () => {
    fx.server.putKv('', 'secret', 'ci/doc', { doc: JSON.stringify({ inner_key_is_secret_too: 'v-0123456789' }) });
    fx.server.putKv('', 'secret', 'ci/doc2', { doc: 'doc-value-0123', other: 'other-value-0123' });
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/doc doc.missing | X\nsecret/ci/doc2 nope | Y',
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/secrets line 2: "nope" not found in secret\/ci\/doc2 \(it has: doc, other\)/);
    expect(main.stdout).toMatch(/secrets line 1: "missing" not found in secret\/ci\/doc#doc \(an object, whose keys/);
    expect(main.stdout).not.toContain('inner_key_is_secret_too');
    await job.post();
  });

  it('short-value warnings say what the runner does: short lines are masked, empty values are not', async () => {
    fx.server.putKv('', 'secret', 'ci/short', {
      empty: '',
      lines: 'abc\nlong-enough-line-here',
      json: JSON.stringify({ port: '5432', password: 'long-enough-password' }),
    });
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/short * | S_',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.stdout).toMatch(/::warning::S_EMPTY is empty or only whitespace: the runner masks no such value/);
    expect(main.stdout).not.toMatch(/S_EMPTY is shorter than/);
    expect(main.stdout).toMatch(
      /::warning::S_LINES: 1 line\(s\) are shorter than 6 characters. The runner masks every line/,
    );
    // the runner model agrees: the short line is masked in the log
    expect(maskLog('port abc here', main.masks)).toBe('port *** here');
    expect(main.stdout).toMatch(
      /::warning::S_JSON: 1 JSON value\(s\) inside it are shorter than 6 characters and are not masked/,
    );
    expect(maskLog('5432', main.masks)).toBe('5432');
    await job.post();
  });
});
