// The auth methods vault-action users ask for, each end to end through dist/: log in, fetch (a KV value
// and a leased database credential), mask every credential and the token before any line, post revokes.
// Each also meets a refusing or garbled login reply: a clear error, nothing printed, nothing left.
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { TestCa } from '../vault-server/certs.js';
import type { DevServerOptions } from '../vault-server/server.js';
import { DEMO } from '../vault-server/seed.js';
import {
  allSecretValues,
  expectGone,
  expectNoLeaks,
  rememberDelivered,
  sessionRoot,
  startFixture,
  type Fixture,
} from './fixture.js';

const NOISY = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', DEBUG: '*', NODE_DEBUG: 'http,net,tls' };
const SPEC = 'secret/ci/app password | PW\ndatabase/creds/app username | DB_USER';
const grants = { policies: [DEMO.policy] };
const secret = (): string => randomBytes(18).toString('base64url');

let fx: Fixture | undefined;
let job: Job | undefined;
afterEach(async () => {
  job?.dispose();
  await fx?.server.close();
  fx = undefined;
  job = undefined;
});

async function start(opts: DevServerOptions = {}): Promise<{ fx: Fixture; job: Job }> {
  fx = await startFixture(opts);
  job = new Job(NOISY);
  return { fx, job };
}

/** Main succeeds through `mount`, the token is masked before the login is reported, post revokes it all. */
async function expectRoundTrip(
  f: { fx: Fixture; job: Job },
  mount: string,
  inputs: Record<string, string>,
  opts: { env?: Record<string, string>; credentials: string[] },
): Promise<StepResult> {
  const main = await f.job.main({ 'vault-addr': f.fx.server.url, secrets: SPEC, ...inputs }, { env: opts.env ?? {} });
  expect(main.exitCode, main.stdout + main.stderr).toBe(0);
  const dir = main.outputs['files-dir'] ?? '';
  const files = { PW: readFileSync(join(dir, 'PW'), 'utf8'), DB_USER: readFileSync(join(dir, 'DB_USER'), 'utf8') };
  rememberDelivered(f.job, files);
  expect(files.PW === f.fx.values.password).toBe(true);
  const login = f.fx.server.requests.find((r) => r.path.startsWith(`auth/${mount}/login`));
  expect(login?.status).toBe(200);
  const token = f.fx.server.requests.find((r) => r.path === 'secret/data/ci/app')?.headers['x-vault-token'];
  expect(typeof token).toBe('string');
  const lines = main.stdout.split('\n');
  const tokenMask = lines.indexOf(`::add-mask::${String(token)}`);
  expect(tokenMask).toBeGreaterThan(-1);
  expect(tokenMask).toBeLessThan(lines.findIndex((l) => l.startsWith('Authenticated at')));
  for (const c of opts.credentials) expect(main.masks, 'a credential is masked').toContain(c);

  const post = await f.job.post();
  expect(post.exitCode, post.stdout + post.stderr).toBe(0);
  expect(f.fx.server.isTokenRevoked(String(token))).toBe(true);
  expect(f.fx.server.leases().every((l) => l.revoked)).toBe(true);
  expectGone(sessionRoot(main));
  expectNoLeaks(f.job, [...allSecretValues(f.fx, f.job), ...opts.credentials]);
  return main;
}

/** A failed login: exit 1 with `message`, no workflow command smuggled in, post cleans up, no credential shown. */
async function expectRefused(
  f: { fx: Fixture; job: Job },
  inputs: Record<string, string>,
  message: RegExp,
  opts: { env?: Record<string, string>; credentials: string[] },
): Promise<void> {
  const main = await f.job.main({ 'vault-addr': f.fx.server.url, secrets: SPEC, ...inputs }, { env: opts.env ?? {} });
  expect(main.exitCode).toBe(1);
  expect(main.stdout).toMatch(message);
  expect(main.stdout).not.toMatch(/^\s*::(error|warning)::owned/m);
  expect(f.fx.server.requests.some((r) => r.path.startsWith('secret/'))).toBe(false);
  const post = await f.job.post();
  expect(post.exitCode).toBe(0);
  expectGone(sessionRoot(main));
  expectNoLeaks(f.job, [...allSecretValues(f.fx, f.job), ...opts.credentials]);
}

describe('github (personal access token)', () => {
  it('logs in with the PAT, masks it, and post revokes', async () => {
    const f = await start();
    const pat = `ghp_${secret()}`;
    f.fx.server.enableGithub('', 'github', {
      organization: 'octo-org',
      tokens: { [pat]: { login: 'octocat', ...grants } },
    });
    const main = await expectRoundTrip(
      f,
      'github',
      { 'vault-method': 'github', 'vault-github-token': pat },
      { credentials: [pat] },
    );
    expect(main.stdout).toContain('with github');
  });

  it('a PAT GitHub refuses, or a login reply without a token, is a clear error', async () => {
    const f = await start();
    const pat = `ghp_${secret()}`;
    f.fx.server.enableGithub('', 'github', { organization: 'octo-org', tokens: {} });
    await expectRefused(
      f,
      { 'vault-method': 'github', 'vault-github-token': pat },
      /::error::.*auth\/github\/login.*400.*Bad credentials/,
      {
        credentials: [pat],
      },
    );
    f.fx.server.addFault({ path: 'auth/github/login', status: 200, errors: ['\n::error::owned'] });
    const again = new Job(NOISY);
    try {
      await expectRefused(
        { fx: f.fx, job: again },
        { 'vault-method': 'github', 'vault-github-token': pat },
        /::error::vault-secrets-action: Vault login \(github\) at auth\/github returned no client token/,
        {
          credentials: [pat],
        },
      );
    } finally {
      again.dispose();
    }
  });
});

describe('jwt signed on the runner with a private key (vault-action jwtPrivateKey)', () => {
  const password = `pw-${secret()}`;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: password },
  });
  const env = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abc' };
  const role = { boundAudiences: [], userClaim: 'iss', boundClaims: { repository: 'octo-org/octo-repo' }, ...grants };

  it("signs vault-action's claims RS256 with the encrypted key and logs in", async () => {
    const f = await start();
    f.fx.server.enableJwt('', 'jwt-key', { publicKeyPem: publicKey, roles: { ci: role } });
    const inputs = {
      'vault-method': 'jwt',
      'vault-auth-path': 'jwt-key',
      'vault-role': 'ci',
      // vault-action's format: base64 of the PEM
      'vault-jwt-private-key': Buffer.from(privateKey).toString('base64'),
      'vault-jwt-key-password': password,
      'vault-jwt-ttl': '120',
    };
    await expectRoundTrip(f, 'jwt-key', inputs, { env, credentials: [password] });
    const body = JSON.parse(f.fx.server.requests.find((r) => r.path === 'auth/jwt-key/login')?.body ?? '{}') as {
      jwt: string;
    };
    const claims = JSON.parse(Buffer.from(body.jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ iss: 'vault-action', repository: 'octo-org/octo-repo', ref: 'refs/heads/main' });
    expect(Number(claims['exp']) - Number(claims['nbf'])).toBe(120);
    expectNoLeaks(f.job, [body.jwt, privateKey]);
  });

  it('a wrong key password is an input error before any request; a claim the role refuses fails the login', async () => {
    const f = await start();
    f.fx.server.enableJwt('', 'jwt-key', { publicKeyPem: publicKey, roles: { ci: role } });
    const inputs = {
      'vault-method': 'jwt',
      'vault-auth-path': 'jwt-key',
      'vault-role': 'ci',
      'vault-jwt-private-key': privateKey,
    };
    const main = await f.job.main({
      'vault-addr': f.fx.server.url,
      secrets: SPEC,
      ...inputs,
      'vault-jwt-key-password': 'wrong-password',
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain(
      '::error::vault-secrets-action: vault-jwt-private-key cannot be read as a private key: check vault-jwt-key-password.',
    );
    expect(f.fx.server.requests).toEqual([]);
    await f.job.post();
    const other = new Job(NOISY);
    try {
      await expectRefused(
        { fx: f.fx, job: other },
        { ...inputs, 'vault-jwt-key-password': password },
        /::error::.*auth\/jwt-key\/login.*claim "repository" does not match/,
        { env: { ...env, GITHUB_REPOSITORY: 'evil/repo' }, credentials: [password] },
      );
    } finally {
      other.dispose();
    }
  });
});

describe('custom method (vault-auth-payload) and AppRole without a secret id', () => {
  it('POSTs the payload as is to auth/<vault-auth-path>/login and masks its strings', async () => {
    const f = await start();
    const payload = JSON.stringify({ role_id: f.fx.approle.roleId, secret_id: f.fx.approle.secretId });
    await expectRoundTrip(
      f,
      'approle',
      { 'vault-method': 'custom', 'vault-auth-path': 'approle', 'vault-auth-payload': payload },
      { credentials: [f.fx.approle.secretId, payload] },
    );
  });

  it('a payload that is not a JSON object is an input error naming the input', async () => {
    const f = await start();
    const main = await f.job.main({
      'vault-addr': f.fx.server.url,
      secrets: SPEC,
      'vault-method': 'custom',
      'vault-auth-path': 'approle',
      'vault-auth-payload': '["not-an-object-value"]',
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain('::error::vault-secrets-action: vault-auth-payload must be a JSON object');
    expect(f.fx.server.requests).toEqual([]);
  });

  it('logs in to a bind_secret_id=false role with the role id alone', async () => {
    const f = await start();
    const roleId = `role-${secret()}`;
    f.fx.server.enableAppRole('', 'approle-open', 'open', { roleId, secretId: undefined, ...grants });
    await expectRoundTrip(
      f,
      'approle-open',
      { 'vault-method': 'approle', 'vault-auth-path': 'approle-open', 'vault-role-id': roleId },
      { credentials: [] },
    );
    const body = JSON.parse(
      f.fx.server.requests.find((r) => r.path === 'auth/approle-open/login')?.body ?? '{}',
    ) as object;
    expect(body).toEqual({ role_id: roleId });
  });
});

describe('cert (TLS client certificate)', () => {
  const serverCa = new TestCa('server-ca');
  const clientCa = new TestCa('client-ca');
  const server = serverCa.issue('vault', { altNames: ['IP:127.0.0.1', 'DNS:localhost'] });
  const client = clientCa.issue('ci-runner');

  it('logs in over mutual TLS with the certificate the cert role trusts', async () => {
    const f = await start({ tls: { key: server.key, cert: server.cert, askClientCert: true } });
    f.fx.server.enableCert('', 'cert', { ci: { caPem: clientCa.cert, ...grants } });
    const inputs = {
      'vault-method': 'cert',
      'vault-cert-role': 'ci',
      'vault-ca-cert': serverCa.cert,
      'vault-client-cert': client.cert,
      'vault-client-key': client.key,
    };
    await expectRoundTrip(f, 'cert', inputs, { credentials: [client.key.trim()] });
    expect(JSON.parse(f.fx.server.requests.find((r) => r.path === 'auth/cert/login')?.body ?? '')).toEqual({
      name: 'ci',
    });
  });

  it('a certificate from another CA is refused by the cert role', async () => {
    const f = await start({ tls: { key: server.key, cert: server.cert, askClientCert: true } });
    f.fx.server.enableCert('', 'cert', { ci: { caPem: clientCa.cert, ...grants } });
    const stranger = serverCa.issue('stranger');
    await expectRefused(
      f,
      {
        'vault-method': 'cert',
        'vault-ca-cert': serverCa.cert,
        'vault-client-cert': stranger.cert,
        'vault-client-key': stranger.key,
      },
      /::error::.*auth\/cert\/login.*invalid certificate or no client certificate supplied/,
      { credentials: [stranger.key.trim()] },
    );
  });

  it('cert without a client certificate is an input error', async () => {
    const f = await start();
    const main = await f.job.main({ 'vault-addr': f.fx.server.url, secrets: SPEC, 'vault-method': 'cert' });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain('::error::vault-secrets-action: vault-method cert logs in with a client certificate');
    expect(f.fx.server.requests).toEqual([]);
  });
});

describe('aws (IAM: a signed sts:GetCallerIdentity)', () => {
  const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
  const secretAccessKey = `wJalrXUtnFEMI/${secret()}`;
  const sessionToken = `IQoJb3JpZ2luX2VjE${secret()}${secret()}`;
  const env = {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN: sessionToken,
  };
  const arn = 'arn:aws:iam::123456789012:role/ci';
  const enable = (f: { fx: Fixture }): void =>
    f.fx.server.enableAws('', 'aws', {
      serverId: 'vault.example.com',
      identities: { [accessKeyId]: { secretAccessKey, sessionToken, arn } },
      roles: { ci: { boundIamPrincipalArn: arn, ...grants } },
    });
  const inputs = { 'vault-method': 'aws', 'vault-aws-role': 'ci', 'vault-aws-iam-server-id': 'vault.example.com' };

  it('signs with the runner credentials (SigV4 checked by the STS stand-in) and logs in', async () => {
    const f = await start();
    enable(f);
    await expectRoundTrip(f, 'aws', inputs, { env, credentials: [secretAccessKey, sessionToken] });
    const body = JSON.parse(f.fx.server.requests.find((r) => r.path === 'auth/aws/login')?.body ?? '{}') as Record<
      string,
      string
    >;
    expect(Buffer.from(body['iam_request_url'] ?? '', 'base64').toString()).toBe('https://sts.amazonaws.com/');
    const headers = JSON.parse(Buffer.from(body['iam_request_headers'] ?? '', 'base64').toString()) as Record<
      string,
      string[]
    >;
    expect(headers['x-vault-aws-iam-server-id']).toEqual(['vault.example.com']);
    expect(headers['authorization']?.[0]).toMatch(/SignedHeaders=.*x-vault-aws-iam-server-id/);
    expectNoLeaks(f.job, [body['iam_request_headers'] ?? '']);
  });

  it('a wrong secret key fails the signature; a missing server id header is refused', async () => {
    const f = await start();
    enable(f);
    await expectRefused(f, inputs, /::error::.*auth\/aws\/login.*SignatureDoesNotMatch/, {
      env: { ...env, AWS_SECRET_ACCESS_KEY: `${secretAccessKey}x` },
      credentials: [secretAccessKey, sessionToken],
    });
    const other = new Job(NOISY);
    try {
      await expectRefused(
        { fx: f.fx, job: other },
        { 'vault-method': 'aws', 'vault-aws-role': 'ci' },
        /::error::.*auth\/aws\/login.*missing header "x-vault-aws-iam-server-id"/,
        { env, credentials: [secretAccessKey, sessionToken] },
      );
    } finally {
      other.dispose();
    }
  });

  it('no AWS credentials in the environment is an input error', async () => {
    const f = await start();
    const main = await f.job.main({ 'vault-addr': f.fx.server.url, secrets: SPEC, ...inputs });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain('AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set');
    expect(f.fx.server.requests).toEqual([]);
  });
});
