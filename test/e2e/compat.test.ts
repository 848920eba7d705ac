// hashicorp/vault-action's README examples and switches, run through dist/ with its input
// names: names and case of env and outputs, wildcards, JSONata, exportEnv, exportToken and
// outputToken, ignoreNotFound, secretEncodingType, and a clash with our own names.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job } from '../runner/job.js';
import { expectGone, expectNoLeaks, sessionRoot, startFixture, type Fixture } from './fixture.js';
import { expectOnlyMeantCommands } from './trust-checks.js';

let fx: Fixture;
let job: Job;
const v = (): string => randomBytes(12).toString('hex');
const aws = { accessKey: v(), SecretKey: v() };
const npmToken = v();
const config = { servers: [{ host: v() }, { host: v() }] };
const encoded = v();

beforeEach(async () => {
  fx = await startFixture();
  job = new Job();
  fx.server.putKv('', 'secret', 'ci/aws', aws);
  fx.server.putKv('', 'secret', 'ci/npm', { npmToken });
  fx.server.putKv('', 'secret', 'ci/config', config);
  fx.server.putKv('', 'secret', 'ci/encoded', { b64: Buffer.from(encoded).toString('base64') });
});
afterEach(async () => {
  job.dispose();
  await fx.server.close();
});

const va = (extra: Record<string, string>): Record<string, string> => ({
  url: fx.server.url,
  token: fx.server.rootToken,
  ...extra,
});
const values = [...Object.values(aws), npmToken, ...config.servers.map((s) => s.host), encoded];

describe('vault-action README examples, unchanged', () => {
  it('simple key, named key, wildcards and JSONata: env upper-cased, outputs as vault-action names them, files too', async () => {
    const main = await job.main(
      va({
        secrets: [
          'secret/data/ci/npm npmToken ;',
          'secret/data/ci/aws accessKey | AWS_ACCESS_KEY_ID ;',
          'secret/data/ci/aws * | MYAPP_ ;',
          'secret/data/ci/config servers[1].host | DB_HOST ;',
        ].join('\n'),
      }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.env).toMatchObject({
      NPMTOKEN: npmToken,
      AWS_ACCESS_KEY_ID: aws.accessKey,
      MYAPP_ACCESSKEY: aws.accessKey,
      MYAPP_SECRETKEY: aws.SecretKey,
      DB_HOST: config.servers[1]?.host,
    });
    expect(main.outputs).toMatchObject({
      npmToken,
      AWS_ACCESS_KEY_ID: aws.accessKey,
      MYAPP_accessKey: aws.accessKey,
      MYAPP_SecretKey: aws.SecretKey,
      DB_HOST: config.servers[1]?.host,
    });
    const file = main.env['MYAPP_SECRETKEY_FILE'] ?? '';
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(aws.SecretKey);
    await job.post();
    expectGone(sessionRoot(main));
    expectNoLeaks(job, values, { allowOutputs: true });
  });

  it('`**` keeps the keys as they are in env names', async () => {
    const main = await job.main(va({ secrets: 'secret/data/ci/aws ** | MYAPP_ ;' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.env).toMatchObject({ MYAPP_accessKey: aws.accessKey, MYAPP_SecretKey: aws.SecretKey });
    expect(main.outputs).toMatchObject({ MYAPP_accessKey: aws.accessKey, MYAPP_SecretKey: aws.SecretKey });
    await job.post();
    expectNoLeaks(job, values, { allowOutputs: true });
  });

  it('exportEnv: false delivers outputs and files, no env', async () => {
    const main = await job.main(va({ secrets: 'secret/data/ci/npm npmToken', exportEnv: 'false' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.outputs['npmToken'] === npmToken).toBe(true);
    // the session path for a later guard step, and the file's path: no value
    expect(Object.keys(main.env).sort()).toEqual(['NPMTOKEN_FILE', 'VAULT_SECRETS_SESSION', 'VAULT_SECRETS_SESSIONS']);
    await job.post();
    expectNoLeaks(job, values, { allowOutputs: true });
  });

  it('secretEncodingType: base64 delivers the decoded value, masked', async () => {
    const main = await job.main(va({ secrets: 'secret/data/ci/encoded b64 | DECODED', secretEncodingType: 'base64' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.env['DECODED'] === encoded).toBe(true);
    expect(main.masks).toContain(encoded);
    await job.post();
    expectNoLeaks(job, values, { allowOutputs: true });
  });

  it('ignoreNotFound: a missing path is an error line and the rest is delivered; without it the step fails', async () => {
    const secrets = 'secret/data/ci/missing key | GONE ; secret/data/ci/npm npmToken';
    const main = await job.main(va({ secrets, ignoreNotFound: 'true' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.stdout).toMatch(/::error::✘ Vault read secret\/data\/ci\/missing failed with HTTP 404/);
    expect(main.env['NPMTOKEN'] === npmToken).toBe(true);
    expect(main.env['GONE']).toBeUndefined();
    const strict = await job.main(va({ secrets }));
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toMatch(/::error::.*secret\/data\/ci\/missing failed with HTTP 404/);
    await job.postAll();
    expectNoLeaks(job, values, { allowOutputs: true });
  });
});

describe('vault-action names meet our guards', () => {
  it('ignoreNotFound with a hostile Vault: its error text is printed inert, no command, later masks registered', async () => {
    fx.server.setHostile(true);
    const main = await job.main(
      va({ secrets: 'secret/data/ci/missing key | GONE ; secret/data/ci/npm npmToken', ignoreNotFound: 'true' }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const line =
      main.stdout.split('\n').find((l) => l.startsWith('::error::✘ Vault read secret/data/ci/missing')) ?? '';
    expect(line, 'the hostile error text is quoted, inert').toContain('stop-commands');
    expect(line).not.toContain('##[');
    expectOnlyMeantCommands(main);
    expect(main.masks).toContain(npmToken);
    await job.post();
    expectNoLeaks(job, values, { allowOutputs: true });
  });

  it('a Vault key that would become a variable the runner relies on is refused, not exported', async () => {
    fx.server.putKv('', 'secret', 'ci/hostile', { node_options: `--require ${v()}` });
    const main = await job.main(va({ secrets: 'secret/data/ci/hostile *' }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/::error::vault-secrets-action: deliver env: NODE_OPTIONS would replace a variable/);
    expect(main.env['NODE_OPTIONS']).toBeUndefined();
    await job.post();
  });

  it('url and vault-addr both set is an error naming both, before Vault is contacted', async () => {
    const main = await job.main({
      ...va({ secrets: 'secret/data/ci/npm npmToken' }),
      'vault-addr': 'http://127.0.0.1:1',
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(
      /::error::vault-secrets-action: url and vault-addr are both set: url is hashicorp\/vault-action's name for vault-addr/,
    );
    expect(fx.server.requests).toEqual([]);
    await job.post();
  });

  it("a bad input is named as the workflow wrote it (vault-action's name)", async () => {
    const main = await job.main({ url: fx.server.url, method: 'approle', secrets: 'secret/data/ci/npm npmToken' });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/::error::vault-secrets-action: roleId is required for approle\./);
    expect(fx.server.requests).toEqual([]);
    await job.post();
  });

  it('our own inputs alone are not compatibility mode: no env, no outputs, no notice', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/npm npmToken',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    // the session path for a later guard step, and the file's path: no value
    expect(Object.keys(main.env).sort()).toEqual(['NPMTOKEN_FILE', 'VAULT_SECRETS_SESSION', 'VAULT_SECRETS_SESSIONS']);
    expect(main.outputs['npmToken']).toBeUndefined();
    expect(main.commands.filter((c) => c.command === 'notice')).toEqual([]);
    await job.post();
  });
});

describe('auth-only: the Vault token itself', () => {
  it('exportToken and outputToken deliver the token (and a 0600 file); post still revokes it', async () => {
    const main = await job.main({
      url: fx.server.url,
      method: 'approle',
      roleId: fx.approle.roleId,
      secretId: fx.approle.secretId,
      exportToken: 'true',
      outputToken: 'true',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const token = main.env['VAULT_TOKEN'] ?? '';
    expect(fx.server.isTokenValid(token)).toBe(true);
    expect(main.outputs['vault_token'] === token).toBe(true);
    const file = main.env['VAULT_TOKEN_FILE'] ?? '';
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8') === token).toBe(true);
    expect(main.masks).toContain(token);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(fx.server.isTokenRevoked(token)).toBe(true);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, [token, fx.approle.secretId], { allowOutputs: true });
  });

  it.each(['false', 'False'])(
    'exportToken and outputToken %j: the token is delivered nowhere (no env, output or file)',
    async (off) => {
      const main = await job.main({
        url: fx.server.url,
        method: 'approle',
        roleId: fx.approle.roleId,
        secretId: fx.approle.secretId,
        secrets: 'secret/data/ci/npm npmToken',
        exportToken: off,
        outputToken: off,
      });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(Object.keys(main.env).sort()).toEqual([
        'NPMTOKEN',
        'NPMTOKEN_FILE',
        'VAULT_SECRETS_SESSION',
        'VAULT_SECRETS_SESSIONS',
      ]);
      // egress names endpoints only (host:port), never a token
      expect(Object.keys(main.outputs).sort()).toEqual(['egress', 'files-dir', 'names', 'npmToken']);
      expect(main.outputs['egress']).toBe(`127.0.0.1:${new URL(fx.server.url).port}`);
      const token = fx.server.requests.find((r) => r.path.startsWith('secret/'))?.headers['x-vault-token'];
      expect(typeof token).toBe('string');
      await job.post();
      expectNoLeaks(job, [String(token), fx.approle.secretId]);
    },
  );

  it('vault-token-delivery: files gives only the file; vault-revoke-token: false keeps the token alive', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-method': 'approle',
      'vault-role-id': fx.approle.roleId,
      'vault-secret-id': fx.approle.secretId,
      'vault-token-delivery': 'files',
      'vault-revoke-token': 'false',
      // the login token itself (a child would be revoked in post whatever vault-revoke-token says)
      'vault-child-token': 'false',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(Object.keys(main.env).sort()).toEqual([
      'VAULT_SECRETS_SESSION',
      'VAULT_SECRETS_SESSIONS',
      'VAULT_TOKEN_FILE',
    ]);
    expect(main.outputs['vault_token']).toBeUndefined();
    const token = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
    await job.post();
    expect(fx.server.isTokenValid(token)).toBe(true);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, [token, fx.approle.secretId]);
  });

  it('vault-token-delivery refuses an unknown word, naming it', async () => {
    const main = await job.main({ 'vault-addr': fx.server.url, 'vault-token-delivery': 'stdout' });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(
      /::error::vault-secrets-action: vault-token-delivery: "stdout" is not one of files, env, outputs\./,
    );
    expect(fx.server.requests).toEqual([]);
    await job.post();
  });
});
