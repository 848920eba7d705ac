// The path of a secret, end to end through dist/: login, fetch, mask, deliver as files,
// then post: revoke and shred. Every assertion is made with the values in hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import {
  allSecretValues,
  expectGone,
  expectNoLeaks,
  rememberDelivered,
  sessionRoot,
  startFixture,
  type Fixture,
} from './fixture.js';
import { embeddedEncodings, hits, plainPartsOf } from './masks.js';

// Everything that could make a library print more than it should.
const NOISY = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', DEBUG: '*', NODE_DEBUG: 'http,net,tls,fs' };

let fx: Fixture;
let job: Job;
beforeEach(async () => {
  fx = await startFixture();
  job = new Job(NOISY);
});
afterEach(async () => {
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

function deliveredFiles(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

describe('fetch, mask, deliver as files, clean up', () => {
  it('delivers every value exactly, as 0600 files in a 0700 folder, with NAME_FILE paths', async () => {
    const main = await job.main(approle());
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const dir = main.outputs['files-dir'] ?? '';
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(sessionRoot(main)).mode & 0o777).toBe(0o700);
    const names = (main.outputs['names'] ?? '').split(' ');
    expect(names.sort()).toEqual([...Object.keys(fx.expected), 'DB_USER', 'DB_PASS'].sort());
    const files = deliveredFiles(dir, names);
    rememberDelivered(job, files);
    for (const [name, value] of Object.entries(fx.expected)) {
      expect(files[name] === value, `${name} file content`).toBe(true);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
      expect(main.env[`${name}_FILE`]).toBe(join(dir, name));
    }
    expect(files['DB_USER']).toMatch(/^v-/);
    // memory-backed storage where the machine has it
    if (statSync('/dev/shm', { throwIfNoEntry: false })?.isDirectory()) expect(dir.startsWith('/dev/shm/')).toBe(true);

    const post = await job.post();
    expect(post.exitCode, post.stdout + post.stderr).toBe(0);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('registers the value, its lines, JSON leaves and every derived form before any other line', async () => {
    const main = await job.main(approle());
    expect(main.exitCode, main.stderr).toBe(0);
    const dir = main.outputs['files-dir'] ?? '';
    const files = deliveredFiles(dir, (main.outputs['names'] ?? '').split(' '));
    const lines = main.stdout.split('\n');
    const firstDelivery = lines.findIndex((l) => l.startsWith('Wrote '));
    expect(firstDelivery).toBeGreaterThan(0);
    const masksBefore = lines.slice(0, firstDelivery).filter((l) => l.startsWith('::add-mask::')).length;
    expect(
      lines.slice(firstDelivery).some((l) => l.startsWith('::add-mask::')),
      'a mask registered after delivery began',
    ).toBe(false);
    expect(masksBefore).toBe(main.masks.length);

    for (const value of Object.values(files)) {
      for (const part of plainPartsOf(value).filter((p) => p === value || p.length >= 6)) {
        expect(main.masks.includes(part), `plain part of ${part.length} chars registered`).toBe(true);
        for (const e of embeddedEncodings(part))
          expect(hits(main.masks, e.text), `${e.form} of a ${part.length}-char part is masked`).toBe(true);
      }
    }
    // docker / basic auth of a user and password read together
    const basic = Buffer.from(`${files['DB_USER']}:${files['DB_PASS']}`).toString('base64');
    expect(main.masks).toContain(basic);
    // credentials: the secret id, the token, each lease
    expect(main.masks).toContain(fx.approle.secretId);
    const token = fx.server.requests.find((r) => r.path.startsWith('secret/'))?.headers['x-vault-token'];
    expect(typeof token === 'string' && main.masks.includes(token)).toBe(true);
    for (const lease of fx.server.leases()) expect(main.masks).toContain(lease.id);
    // the token's accessor (it can look the token up and revoke it), taken from the server's leases
    expect(fx.server.leases().length).toBeGreaterThan(0);
    for (const lease of fx.server.leases()) expect(main.masks).toContain(lease.tokenAccessor);
    // the token's mask comes before the line that reports the login
    const tokenMask = lines.findIndex((l) => typeof token === 'string' && l === `::add-mask::${token}`);
    expect(tokenMask).toBeGreaterThan(-1);
    expect(tokenMask).toBeLessThan(lines.findIndex((l) => l.startsWith('Authenticated at')));
    // lines too short to mask on their own get a warning that names the secret
    expect(main.stdout).toMatch(
      /::warning::CRLF: 2 line\(s\) are shorter than 6 characters. The runner masks every line/,
    );
    await job.post();
  });

  it('revokes the token it logged in with and every lease, and leaves nothing behind', async () => {
    const main = await job.main(approle());
    expect(main.exitCode).toBe(0);
    const token = fx.server.requests.find((r) => r.path === 'database/creds/app')?.headers['x-vault-token'] as string;
    expect(fx.server.isTokenValid(token)).toBe(true);
    expect(fx.server.leases().length).toBe(1);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(fx.server.isTokenRevoked(token)).toBe(true);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expect(post.log).toMatch(/revoked 1 of 1 lease/);
    expect(post.log).toMatch(/revoked the Vault token/);
    // post is a new process: it registers the token and the leases again before using them
    expect(post.masks).toContain(token);
    for (const lease of fx.server.leases()) expect(post.masks).toContain(lease.id);
    expect(job.summary).toMatch(/shredded and removed \d+ file/);
    expectGone(sessionRoot(main));
  });

  it('reads each path once, over kept-alive connections', async () => {
    const main = await job.main(approle({ 'vault-concurrency': '4' }));
    expect(main.exitCode).toBe(0);
    const reads = fx.server.requests.filter((r) => r.method === 'GET' && !r.path.startsWith('sys/'));
    const paths = reads.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(fx.server.connectionsOpened).toBeLessThanOrEqual(4);
    await job.post();
  });

  it('writes a summary with name, source, delivery and bytes, never a value', async () => {
    const main = await job.main(approle());
    expect(main.exitCode).toBe(0);
    const files = deliveredFiles(main.outputs['files-dir'] ?? '', (main.outputs['names'] ?? '').split(' '));
    rememberDelivered(job, files);
    for (const [name, value] of Object.entries(fx.expected)) {
      expect(job.summary).toContain(`<td>${name}</td>`);
      expect(job.summary).toContain(`<td>${Buffer.byteLength(value)}</td>`);
    }
    expect(job.summary).toContain('<td>secret/ci/tls#tls.key</td>');
    expect(job.summary).toContain(`${main.masks.length} mask(s) registered`);
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});

describe('auth methods', () => {
  const one = 'secret/ci/app api_key | KEY';
  const cases: [string, () => Record<string, string>, () => Record<string, string>][] = [
    [
      'approle',
      () => ({ 'vault-method': 'approle', 'vault-role-id': fx.approle.roleId, 'vault-secret-id': fx.approle.secretId }),
      () => ({}),
    ],
    [
      'userpass',
      () => ({
        'vault-method': 'userpass',
        'vault-username': fx.userpass.username,
        'vault-password': fx.userpass.password,
      }),
      () => ({}),
    ],
    [
      'ldap',
      () => ({
        'vault-method': 'ldap',
        'vault-username': fx.userpass.username,
        'vault-password': fx.demo.ldapPassword,
      }),
      () => ({}),
    ],
    [
      'jwt with GitHub OIDC',
      () => ({ 'vault-method': 'jwt', 'vault-role': 'ci', 'vault-jwt-audience': 'https://github.com/octo-org' }),
      () => ({
        ACTIONS_ID_TOKEN_REQUEST_URL: fx.server.oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.server.oidc.requestToken,
      }),
    ],
    [
      'kubernetes',
      () => {
        // the pod's token, outside the job folder (it is the pod's, not something the job leaves)
        const path = join(mkdtempSync(join(tmpdir(), 'pod-')), 'token');
        writeFileSync(path, `${fx.k8sJwt}\n`);
        return { 'vault-method': 'kubernetes', 'vault-role': 'ci', 'vault-kubernetes-token-path': path };
      },
      () => ({}),
    ],
  ];

  it.each(cases)('%s: logs in, fetches, and post revokes the token', async (_name, inputs, env) => {
    const main = await job.main({ 'vault-addr': fx.server.url, secrets: one, ...inputs() }, { env: env() });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const file = readFileSync(join(main.outputs['files-dir'] ?? '', 'KEY'), 'utf8');
    expect(file === fx.values.apiKey).toBe(true);
    const token = fx.server.requests.find((r) => r.path.startsWith('secret/data'))?.headers['x-vault-token'] as string;
    // every credential the login sent (secret id, password, OIDC or pod JWT), read from the server's
    // side, was registered as a mask before it was sent
    const login = fx.server.requests.find((r) => r.path.startsWith('auth/') && r.method !== 'GET');
    const body = JSON.parse(login?.body ?? '{}') as Record<string, unknown>;
    const sent = ['secret_id', 'password', 'jwt'].flatMap((k) => (typeof body[k] === 'string' ? [body[k]] : []));
    expect(sent).toHaveLength(1);
    for (const credential of sent) {
      expect(main.masks).toContain(credential);
      // @actions/core masks the OIDC token as is; its encodings are ours to register
      for (const e of embeddedEncodings(credential))
        expect(hits(main.masks, e.text), `${e.form} of the login credential is masked`).toBe(true);
    }
    await job.post();
    expect(fx.server.isTokenRevoked(token)).toBe(true);
    expectNoLeaks(job, [...allSecretValues(fx, job), ...sent]);
  });

  it('token: uses VAULT_TOKEN, does not revoke it, but revokes the leases it created', async () => {
    const token = fx.server.createToken({ policies: ['ci-read', 'lease-revoker'] });
    const main = await job.main(
      { secrets: 'database/creds/app password | DB_PASS' },
      { env: { VAULT_ADDR: fx.server.url, VAULT_TOKEN: token } },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.masks).toContain(token);
    const post = await job.post({ env: { VAULT_ADDR: fx.server.url, VAULT_TOKEN: token } });
    expect(post.exitCode).toBe(0);
    expect(fx.server.isTokenValid(token)).toBe(true);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expectNoLeaks(job, [token, ...fx.server.leases().map((l) => l.id)]);
  });

  it('namespaces: logs in and reads in a namespace, or reads a namespace with a token from another', async () => {
    const inNs = await job.main({
      'vault-addr': fx.server.url,
      'vault-namespace': 'team-a',
      'vault-method': 'approle',
      'vault-role-id': fx.demo.approle.teamA.roleId,
      'vault-secret-id': fx.demo.approle.teamA.secretId,
      secrets: 'secret/ci/app password | NS_PASSWORD',
    });
    expect(inNs.exitCode, inNs.stdout).toBe(0);
    expect(readFileSync(join(inNs.outputs['files-dir'] ?? '', 'NS_PASSWORD'), 'utf8') === fx.values.nsSecret).toBe(
      true,
    );
    expect(
      fx.server.requests.filter((r) => r.path === 'auth/approle/login').every((r) => r.namespace === 'team-a'),
    ).toBe(true);
    await job.post();

    const job2 = new Job();
    try {
      const split = await job2.main({
        'vault-addr': fx.server.url,
        'vault-auth-namespace': '',
        'vault-namespace': 'team-a',
        'vault-token': fx.server.rootToken,
        secrets: 'secret/ci/app password | NS_PASSWORD',
      });
      expect(split.exitCode, split.stdout).toBe(0);
      await job2.post();
    } finally {
      job2.dispose();
    }
  });
});
