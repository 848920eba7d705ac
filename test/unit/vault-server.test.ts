// The Vault dev server, exercised over real HTTP the way a Vault client would see it.
import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signJwt, validateJwt } from '../vault-server/jwt.js';
import { DEMO, seedDemo, type DemoData } from '../vault-server/seed.js';
import { GITHUB_OIDC, startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';

interface CallOptions {
  token?: string;
  ns?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}
// Response bodies are checked field by field against Vault's documented shapes.
type Json = any;

let server: VaultDevServer;
let demo: DemoData;

async function api(
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<{ status: number; json: Json; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['X-Vault-Token'] = opts.token;
  if (opts.ns) headers['X-Vault-Namespace'] = opts.ns;
  const res = await fetch(`${server.url}/v1/${path}`, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers, text };
}

async function login(mount: string, body: Record<string, unknown>, ns?: string): Promise<string> {
  const res = await api('POST', `auth/${mount}/login`, { body, ...(ns ? { ns } : {}) });
  expect(res.status, res.text).toBe(200);
  return res.json.auth.client_token as string;
}

const approleLogin = (ns?: string, creds = demo.approle.root) =>
  login('approle', { role_id: creds.roleId, secret_id: creds.secretId }, ns);

const PERMISSION_DENIED = { errors: ['permission denied'] };
const ACL_DENIED = { errors: ['1 error occurred:\n\t* permission denied\n\n'] };

beforeAll(async () => {
  server = await startVaultDevServer();
  demo = seedDemo(server);
});
afterAll(() => server.close());
afterEach(() => {
  server.clearFaults();
  server.latencyMs = 0;
});

describe('sys/health', () => {
  it('answers without a token, with the headers Vault sends', async () => {
    const res = await api('GET', 'sys/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ initialized: true, sealed: false, standby: false, version: '1.17.0-dev' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect((await api('HEAD', 'sys/health')).text).toBe('');
  });
});

describe('KV', () => {
  it('reads a v2 secret in the Vault envelope', async () => {
    const res = await api('GET', 'secret/data/ci/app', { token: await approleLogin() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      wrap_info: null,
      warnings: null,
      auth: null,
    });
    expect(res.json.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.data.data).toEqual(demo.secrets.app);
    expect(res.json.data.metadata).toMatchObject({
      custom_metadata: null,
      deletion_time: '',
      destroyed: false,
      version: 1,
    });
    expect(Date.parse(res.json.data.metadata.created_time)).not.toBeNaN();
  });

  it('keeps awkward values byte for byte and seeds a multi-line key', async () => {
    const token = await approleLogin();
    expect((await api('GET', 'secret/data/ci/odd', { token })).json.data.data).toEqual(DEMO.odd);
    const tls = (await api('GET', 'secret/data/ci/tls', { token })).json.data.data;
    expect(tls.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n(.+\n){10,}-----END PRIVATE KEY-----\n$/);
    expect(demo.secrets.app.password).toMatch(/%.*::.*"/);
    expect(demo.secrets.app.password.length).toBeGreaterThanOrEqual(24);
  });

  it('writes new v2 versions and reads them with ?version=', async () => {
    const token = server.rootToken;
    for (const v of ['one', 'two']) {
      const res = await api('POST', 'secret/data/ci/versioned', { token, body: { data: { v } } });
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({ version: v === 'one' ? 1 : 2, destroyed: false });
    }
    expect((await api('GET', 'secret/data/ci/versioned', { token })).json.data).toMatchObject({
      data: { v: 'two' },
      metadata: { version: 2 },
    });
    expect((await api('GET', 'secret/data/ci/versioned?version=1', { token })).json.data).toMatchObject({
      data: { v: 'one' },
      metadata: { version: 1 },
    });
    expect(await api('GET', 'secret/data/ci/versioned?version=7', { token })).toMatchObject({
      status: 404,
      json: { errors: [] },
    });
    expect((await api('GET', 'secret/metadata/ci/versioned', { token })).json.data).toMatchObject({
      current_version: 2,
    });
    const reader = await approleLogin();
    expect(await api('POST', 'secret/data/ci/versioned', { token: reader, body: { data: { v: 'x' } } })).toMatchObject({
      status: 403,
      json: ACL_DENIED,
    });
  });

  it('reads kv v1 with its 768h lease duration, and writes it', async () => {
    const res = await api('GET', 'kv1/ci/legacy', { token: await approleLogin() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      lease_id: '',
      renewable: false,
      lease_duration: 2764800,
      data: demo.secrets.legacy,
    });
    expect((await api('PUT', 'kv1/tmp/x', { token: server.rootToken, body: { a: 'b' } })).status).toBe(204);
    expect((await api('GET', 'kv1/tmp/x', { token: server.rootToken })).json.data).toEqual({ a: 'b' });
  });

  it('lists with LIST and with ?list=true, folders ending in /', async () => {
    const token = await approleLogin();
    const listed = await api('LIST', 'secret/metadata/ci', { token });
    expect(listed.status).toBe(200);
    expect(listed.json.data.keys).toEqual(expect.arrayContaining(['app', 'config', 'folder/', 'odd', 'tls']));
    expect((await api('GET', 'secret/metadata/ci/folder/?list=true', { token })).json.data.keys).toEqual([
      'one',
      'two',
    ]);
    expect((await api('LIST', 'kv1/ci', { token: server.rootToken })).json.data.keys).toEqual(['legacy']);
    expect(await api('LIST', 'secret/metadata/ci/nothing', { token })).toMatchObject({
      status: 404,
      json: { errors: [] },
    });
  });

  it('answers a missing secret with 404 and no errors', async () => {
    const res = await api('GET', 'secret/data/ci/missing', { token: await approleLogin() });
    expect(res).toMatchObject({ status: 404, json: { errors: [] } });
  });

  it('warns about a v2 path without data/', async () => {
    const res = await api('GET', 'secret/ci/app', { token: server.rootToken });
    expect(res.status).toBe(404);
    expect(res.json.data).toBeNull();
    expect(res.json.warnings).toEqual([
      "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.",
    ]);
  });
});

describe('cubbyhole and sys/mounts', () => {
  it("keeps each token's cubbyhole to itself, through the default policy", async () => {
    const a = await approleLogin();
    const b = await approleLogin();
    expect((await api('POST', 'cubbyhole/test', { token: a, body: { foo: 'bar' } })).status).toBe(204);
    const read = await api('GET', 'cubbyhole/test', { token: a });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ data: { foo: 'bar' }, lease_duration: 0, mount_type: 'cubbyhole' });
    expect((await api('GET', 'cubbyhole/test', { token: b })).status).toBe(404);
    const preflight = await api('GET', 'sys/internal/ui/mounts/cubbyhole/test', { token: a });
    expect(preflight.json.data).toMatchObject({ path: 'cubbyhole/', type: 'cubbyhole', options: null });
  });

  it('enables a KV engine with POST sys/mounts/PATH (kv, kv with options.version 2, kv-v2), once', async () => {
    const root = server.rootToken;
    expect((await api('POST', 'sys/mounts/mounted-v1', { token: root, body: { type: 'kv' } })).status).toBe(204);
    const v2 = { type: 'kv', options: { version: '2' } };
    expect((await api('POST', 'sys/mounts/mounted-v2', { token: root, body: v2 })).status).toBe(204);
    expect((await api('POST', 'sys/mounts/mounted-kv2', { token: root, body: { type: 'kv-v2' } })).status).toBe(204);
    const again = await api('POST', 'sys/mounts/mounted-v1', { token: root, body: { type: 'kv' } });
    expect(again.status).toBe(400);
    expect(again.json.errors).toEqual(['path is already in use at mounted-v1/']);
    const version = async (path: string): Promise<unknown> =>
      (await api('GET', `sys/internal/ui/mounts/${path}`, { token: root })).json.data.options.version;
    expect([await version('mounted-v1'), await version('mounted-v2'), await version('mounted-kv2')]).toEqual([
      '1',
      '2',
      '2',
    ]);
    expect((await api('POST', 'sys/mounts/other', { token: root, body: { type: 'pki' } })).status).toBe(400);
    expect((await api('POST', 'sys/mounts/denied', { token: await approleLogin(), body: { type: 'kv' } })).status).toBe(
      403,
    );
  });
});

describe('mount preflight (sys/internal/ui/mounts)', () => {
  it('describes the mount serving a path', async () => {
    const token = await approleLogin();
    const kv2 = await api('GET', 'sys/internal/ui/mounts/secret/ci/app', { token });
    expect(kv2.status).toBe(200);
    expect(kv2.json.data).toMatchObject({ path: 'secret/', type: 'kv', options: { version: '2' } });
    expect((await api('GET', 'sys/internal/ui/mounts/kv1/ci/legacy', { token })).json.data).toMatchObject({
      path: 'kv1/',
      options: { version: '1' },
    });
    expect((await api('GET', 'sys/internal/ui/mounts/database/creds/app', { token })).json.data).toMatchObject({
      type: 'database',
      options: null,
    });
  });

  it('refuses paths outside any mount or outside the token policies', async () => {
    const token = await approleLogin();
    expect(await api('GET', 'sys/internal/ui/mounts/nope/x', { token })).toMatchObject({
      status: 403,
      json: {
        errors: [
          'preflight capability check returned 403, please ensure client\'s policies grant access to path "nope/x/"',
        ],
      },
    });
    server.addPolicy('', 'kv1-only', [{ path: 'kv1/*', capabilities: ['read'] }]);
    const narrow = server.createToken({ policies: ['kv1-only'] });
    expect((await api('GET', 'sys/internal/ui/mounts/secret/x', { token: narrow })).json.errors[0]).toContain(
      '"secret/x/"',
    );
    expect((await api('GET', 'sys/internal/ui/mounts/kv1/x', { token: narrow })).status).toBe(200);
    expect(await api('GET', 'sys/internal/ui/mounts/secret/x')).toMatchObject({ status: 403, json: PERMISSION_DENIED });
  });
});

describe('authorization', () => {
  it('rejects missing, unknown, revoked and expired tokens with permission denied', async () => {
    expect(await api('GET', 'secret/data/ci/app')).toMatchObject({ status: 403, json: PERMISSION_DENIED });
    expect(await api('GET', 'secret/data/ci/app', { token: 'hvs.bogus' })).toMatchObject({
      status: 403,
      json: PERMISSION_DENIED,
    });
    const expiring = server.createToken({ policies: [DEMO.policy], ttlSeconds: 1 });
    expect((await api('GET', 'secret/data/ci/app', { token: expiring })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect(server.isTokenValid(expiring)).toBe(false);
    expect(await api('GET', 'secret/data/ci/app', { token: expiring })).toMatchObject({
      status: 403,
      json: PERMISSION_DENIED,
    });
  });

  it('accepts Authorization: Bearer', async () => {
    const res = await api('GET', 'secret/data/ci/app', {
      headers: { Authorization: `Bearer ${await approleLogin()}` },
    });
    expect(res.status).toBe(200);
  });

  it('denies what no policy grants, with the ACL error text', async () => {
    const token = await approleLogin();
    expect(await api('GET', 'secret/data/other/app', { token })).toMatchObject({ status: 403, json: ACL_DENIED });
    expect(await api('LIST', 'kv1/ci', { token })).toMatchObject({ status: 403, json: ACL_DENIED }); // read is not list
  });

  it('applies glob priority, + segments and deny', async () => {
    server.addPolicy('', 'mixed', [
      { path: 'secret/data/ci/*', capabilities: ['read'] },
      { path: 'secret/data/ci/tls', capabilities: ['deny'] },
      { path: 'kv1/+/legacy', capabilities: ['read'] },
    ]);
    const token = server.createToken({ policies: ['mixed'] });
    expect((await api('GET', 'secret/data/ci/app', { token })).status).toBe(200);
    expect((await api('GET', 'secret/data/ci/tls', { token })).status).toBe(403);
    expect((await api('GET', 'kv1/ci/legacy', { token })).status).toBe(200);
    expect((await api('GET', 'kv1/ci/other', { token })).status).toBe(403);
  });

  it('answers unknown routes and methods as Vault does', async () => {
    const token = server.rootToken;
    expect(await api('GET', 'nope/x', { token })).toMatchObject({
      status: 404,
      json: { errors: ['no handler for route "nope/x". route entry not found.'] },
    });
    expect(await api('GET', 'sys/nothing', { token })).toMatchObject({
      status: 404,
      json: { errors: ['1 error occurred:\n\t* unsupported path\n\n'] },
    });
    expect(await api('DELETE', 'database/creds/app', { token })).toMatchObject({
      status: 405,
      json: { errors: ['1 error occurred:\n\t* unsupported operation\n\n'] },
    });
    expect(await api('OPTIONS', 'secret/data/ci/app', { token })).toMatchObject({ status: 405, json: { errors: [] } });
    expect(await api('POST', 'secret/data/ci/x', { token, body: {} })).toMatchObject({
      status: 400,
      json: { errors: ['no data provided'] },
    });
  });
});

describe('dynamic database credentials and leases', () => {
  it('issues leased credentials tied to the token, revocable through sys/leases/revoke', async () => {
    const token = await approleLogin();
    const res = await api('GET', 'database/creds/app', { token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ renewable: true, lease_duration: DEMO.databaseTtl });
    expect(res.json.lease_id).toMatch(/^database\/creds\/app\/\w{24}$/);
    expect(res.json.data.username).toMatch(/^v-approle-app-\w{20}-\d+$/);
    expect(res.json.data.password.length).toBeGreaterThanOrEqual(20);
    const accessor = (await api('GET', 'auth/token/lookup-self', { token })).json.data.accessor;
    expect(server.leases()).toContainEqual({ id: res.json.lease_id, revoked: false, tokenAccessor: accessor });

    const renewed = await api('PUT', 'sys/leases/renew', { token, body: { lease_id: res.json.lease_id } });
    expect(renewed.json).toMatchObject({
      lease_id: res.json.lease_id,
      renewable: true,
      lease_duration: DEMO.databaseTtl,
    });

    expect(await api('PUT', 'sys/leases/revoke', { token, body: { lease_id: res.json.lease_id } })).toMatchObject({
      status: 403,
    });
    const revoked = await api('PUT', 'sys/leases/revoke', {
      token: server.rootToken,
      body: { lease_id: res.json.lease_id },
    });
    expect(revoked).toMatchObject({ status: 204, text: '' });
    expect(server.leases()).toContainEqual({ id: res.json.lease_id, revoked: true, tokenAccessor: accessor });
    expect(
      (
        await api('PUT', 'sys/leases/revoke', {
          token: server.rootToken,
          body: { lease_id: 'database/creds/app/unknown' },
        })
      ).status,
    ).toBe(204);
    expect(await api('PUT', 'sys/leases/revoke', { token: server.rootToken, body: {} })).toMatchObject({
      status: 400,
      json: { errors: ['lease_id must be specified'] },
    });
    expect(await api('PUT', 'sys/leases/renew', { token, body: { lease_id: res.json.lease_id } })).toMatchObject({
      status: 400,
      json: { errors: ['lease not found'] },
    });
  });

  it('rejects an unknown role', async () => {
    expect(await api('GET', 'database/creds/nope', { token: server.rootToken })).toMatchObject({
      status: 400,
      json: { errors: ['unknown role: nope'] },
    });
  });

  it('revoke-self revokes the token, its children and all their leases', async () => {
    server.addPolicy('', 'token-maker', [{ path: 'auth/token/create', capabilities: ['update'] }]);
    const parent = server.createToken({ policies: [DEMO.policy, 'token-maker'] });
    const created = await api('POST', 'auth/token/create', {
      token: parent,
      body: { policies: [DEMO.policy], ttl: '10m' },
    });
    expect(created.json.auth).toMatchObject({ policies: [DEMO.policy, 'default'], lease_duration: 600, orphan: false });
    const child: string = created.json.auth.client_token;
    expect(await api('POST', 'auth/token/create', { token: parent, body: { policies: ['root'] } })).toMatchObject({
      status: 400,
      json: { errors: ['child policies must be subset of parent'] },
    });
    const leaseIds = [];
    for (const token of [parent, child])
      leaseIds.push((await api('GET', 'database/creds/app', { token })).json.lease_id);

    expect(await api('POST', 'auth/token/revoke-self', { token: parent })).toMatchObject({ status: 204, text: '' });
    for (const token of [parent, child]) {
      expect(server.isTokenRevoked(token)).toBe(true);
      expect(server.isTokenValid(token)).toBe(false);
      expect(await api('GET', 'secret/data/ci/app', { token })).toMatchObject({ status: 403, json: PERMISSION_DENIED });
    }
    for (const id of leaseIds) expect(server.leases().find((l) => l.id === id)?.revoked).toBe(true);
  });

  it('looks up the calling token', async () => {
    const token = await approleLogin();
    const res = await api('GET', 'auth/token/lookup-self', { token });
    expect(res.json.data).toMatchObject({
      id: token,
      policies: [DEMO.policy, 'default'],
      display_name: 'approle',
      orphan: true,
      type: 'service',
      meta: { role_name: 'ci' },
    });
    expect(res.json.data.ttl).toBeGreaterThan(3590);
  });
});

describe('logins', () => {
  const expectLoginFailure = async (path: string, body: Record<string, unknown>, status: number, error: string) =>
    expect(await api('POST', path, { body })).toMatchObject({ status, json: { errors: [error] } });

  it('approle', async () => {
    const res = await api('POST', 'auth/approle/login', {
      body: { role_id: demo.approle.root.roleId, secret_id: demo.approle.root.secretId },
    });
    expect(res.json.auth).toMatchObject({
      policies: [DEMO.policy, 'default'],
      token_policies: [DEMO.policy, 'default'],
      metadata: { role_name: DEMO.role },
      lease_duration: 3600,
      renewable: true,
      token_type: 'service',
      orphan: true,
    });
    expect(res.json.auth.client_token).toMatch(/^hvs\.\w{24}$/);
    expect(res.json.auth.entity_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api('GET', 'secret/data/ci/app', { token: res.json.auth.client_token })).status).toBe(200);

    await expectLoginFailure(
      'auth/approle/login',
      { role_id: demo.approle.root.roleId, secret_id: 'wrong' },
      400,
      'invalid role or secret ID',
    );
    await expectLoginFailure(
      'auth/approle/login',
      { role_id: 'wrong', secret_id: demo.approle.root.secretId },
      400,
      'invalid role or secret ID',
    );
    await expectLoginFailure('auth/approle/login', { secret_id: demo.approle.root.secretId }, 400, 'missing role_id');
    expect((await api('GET', 'auth/approle/login')).status).toBe(405);
  });

  it('userpass and ldap', async () => {
    for (const [mount, password] of [
      ['userpass', demo.userpassPassword],
      ['ldap', demo.ldapPassword],
    ] as const) {
      const res = await api('POST', `auth/${mount}/login/${DEMO.role}`, { body: { password } });
      expect(res.json.auth).toMatchObject({ metadata: { username: DEMO.role }, policies: [DEMO.policy, 'default'] });
      expect((await api('GET', 'secret/data/ci/app', { token: res.json.auth.client_token })).status).toBe(200);
    }
    await expectLoginFailure(
      `auth/userpass/login/${DEMO.role}`,
      { password: 'wrong' },
      400,
      'invalid username or password',
    );
    await expectLoginFailure(
      'auth/userpass/login/nobody',
      { password: demo.userpassPassword },
      400,
      'invalid username or password',
    );
    await expectLoginFailure(
      `auth/ldap/login/${DEMO.role}`,
      { password: 'wrong' },
      400,
      'ldap operation failed: failed to bind as user',
    );
  });

  it('kubernetes', async () => {
    const res = await api('POST', 'auth/kubernetes/login', { body: { role: DEMO.role, jwt: demo.kubernetesJwt } });
    expect(res.json.auth.metadata).toMatchObject({
      role: DEMO.role,
      service_account_name: 'ci-runner',
      service_account_namespace: 'ci',
    });
    expect((await api('GET', 'secret/data/ci/app', { token: res.json.auth.client_token })).status).toBe(200);
    await expectLoginFailure(
      'auth/kubernetes/login',
      { role: DEMO.role, jwt: `${demo.kubernetesJwt}x` },
      403,
      'permission denied',
    );
    await expectLoginFailure(
      'auth/kubernetes/login',
      { role: 'nope', jwt: demo.kubernetesJwt },
      400,
      'invalid role name "nope"',
    );
    await expectLoginFailure('auth/kubernetes/login', { role: DEMO.role }, 400, 'missing jwt');
  });

  it('jwt with a token from the OIDC endpoint', async () => {
    const idToken = await fetchIdToken(DEMO.jwt.audience);
    const res = await api('POST', 'auth/jwt/login', { body: { role: DEMO.role, jwt: idToken } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.auth).toMatchObject({ metadata: { role: DEMO.role }, policies: [DEMO.policy, 'default'] });
    expect((await api('GET', 'secret/data/ci/app', { token: res.json.auth.client_token })).status).toBe(200);
  });

  it('jwt failures: audience, signature, bound claims, expiry, role', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: GITHUB_OIDC.issuer,
      sub: GITHUB_OIDC.subject,
      aud: DEMO.jwt.audience,
      repository: DEMO.jwt.repository,
      iat: now,
      nbf: now,
      exp: now + 300,
    };
    const attempt = (jwt: string, error: string, role: string = DEMO.role) =>
      expectLoginFailure('auth/jwt/login', { role, jwt }, 400, error);

    await attempt(
      await fetchIdToken('https://example.com/other'),
      'error validating token: invalid audience (aud) claim: audience claim does not match any expected audience',
    );
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await attempt(
      signJwt(claims, privateKey, 'other'),
      'error validating token: error verifying token signature: no known key successfully validated the token signature',
    );
    await attempt(
      server.oidc.sign({ ...claims, repository: 'evil/repo' }),
      'error validating claims: claim "repository" does not match any associated bound claim values',
    );
    await attempt(
      server.oidc.sign({ ...claims, iat: now - 900, nbf: now - 900, exp: now - 600 }),
      'error validating token: invalid expiration time (exp) claim: token is expired',
    );
    await attempt(server.oidc.sign(claims), 'role "nope" could not be found', 'nope');
    await expectLoginFailure('auth/jwt/login', { role: DEMO.role }, 400, 'missing token');
    expect(
      (await api('POST', 'auth/jwt/login', { body: { role: DEMO.role, jwt: server.oidc.sign(claims) } })).status,
    ).toBe(200);
  });
});

async function fetchIdToken(audience?: string): Promise<string> {
  const url =
    audience === undefined
      ? server.oidc.requestUrl
      : `${server.oidc.requestUrl}&audience=${encodeURIComponent(audience)}`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${server.oidc.requestToken}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: string }).value;
}

describe('GitHub OIDC stand-in', () => {
  it('issues RS256 tokens with GitHub claims, verifiable with the published key', async () => {
    expect(server.oidc.requestUrl).toBe(`${server.url}/_oidc/token?api-version=2.0`);
    const claims = validateJwt(await fetchIdToken(), createPublicKey(server.oidc.publicKeyPem), [
      GITHUB_OIDC.defaultAudience,
    ]);
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'https://github.com/octo-org',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      ref: 'refs/heads/main',
    });
    const audience = validateJwt(await fetchIdToken('sts.amazonaws.com'), createPublicKey(server.oidc.publicKeyPem), [
      'sts.amazonaws.com',
    ]);
    expect(typeof audience).toBe('object');
  });

  it('refuses a wrong bearer token with 401', async () => {
    const res = await fetch(server.oidc.requestUrl, { headers: { Authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
  });
});

describe('namespaces', () => {
  it('logs in and reads inside a namespace, by header or by path prefix', async () => {
    const token = await approleLogin('team-a', demo.approle.teamA);
    expect(token).toMatch(/^hvs\.\w{24}\.\w{5}$/);
    const expected = demo.secrets.teamA;
    expect((await api('GET', 'secret/data/ci/app', { token, ns: 'team-a' })).json.data.data).toEqual(expected);
    expect((await api('GET', 'team-a/secret/data/ci/app', { token })).json.data.data).toEqual(expected);
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: 'team-a/secret/data/ci/app',
      status: 200,
      namespace: 'team-a',
    });
    expect((await api('GET', 'secret/data/ci/app', { token: server.rootToken, ns: 'team-a' })).json.data.data).toEqual(
      expected,
    );
  });

  it('keeps tokens to their namespace and its children', async () => {
    const teamA = await approleLogin('team-a', demo.approle.teamA);
    expect(await api('GET', 'secret/data/ci/app', { token: teamA })).toMatchObject({ status: 403, json: ACL_DENIED });
    expect((await api('GET', 'secret/data/ci/app', { token: teamA, ns: 'platform/team-b' })).status).toBe(403);

    const platform = await approleLogin('platform', demo.approle.platform);
    const expected = demo.secrets.teamB;
    expect((await api('GET', 'team-b/secret/data/ci/app', { token: platform, ns: 'platform' })).json.data.data).toEqual(
      expected,
    );
    expect((await api('GET', 'secret/data/ci/app', { token: platform, ns: 'platform/team-b' })).json.data.data).toEqual(
      expected,
    );
    expect((await api('GET', 'platform/team-b/secret/data/ci/app', { token: platform })).json.data.data).toEqual(
      expected,
    );
    expect(
      (await api('LIST', 'secret/metadata/ci', { token: platform, ns: 'platform/team-b' })).json.data.keys,
    ).toEqual(['app']);
    expect(
      (await api('GET', 'sys/internal/ui/mounts/secret/ci/app', { token: platform, ns: 'platform/team-b' })).json.data
        .path,
    ).toBe('secret/');
    expect((await api('GET', 'secret/data/ci/app', { token: platform, ns: 'team-a' })).status).toBe(403);
  });

  it('fails logins aimed at the wrong namespace', async () => {
    const teamA = { role_id: demo.approle.teamA.roleId, secret_id: demo.approle.teamA.secretId };
    expect(await api('POST', 'auth/approle/login', { body: teamA })).toMatchObject({
      status: 400,
      json: { errors: ['invalid role or secret ID'] },
    });
    expect(await api('POST', 'auth/approle/login', { body: teamA, ns: 'platform/team-b' })).toMatchObject({
      status: 403,
      json: PERMISSION_DENIED,
    });
    // a namespace header naming no namespace: 404 before any route or token, as OpenBao answers (test/conformance/)
    expect(await api('POST', 'auth/approle/login', { body: teamA, ns: 'no-such-ns' })).toMatchObject({
      status: 404,
      json: { errors: ['namespace not found'] },
    });
    expect(await api('GET', 'secret/data/ci/app', { token: server.rootToken, ns: 'no-such-ns' })).toMatchObject({
      status: 404,
      json: { errors: ['namespace not found'] },
    });
  });
});

describe('faults and latency', () => {
  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await run();
    return [result, performance.now() - started];
  };

  it('429 with Retry-After, for the given number of times', async () => {
    const token = server.rootToken;
    server.addFault({ path: 'secret/data/ci/app', status: 429, retryAfter: '2', times: 1 });
    const limited = await api('GET', 'secret/data/ci/app', { token });
    expect(limited).toMatchObject({
      status: 429,
      json: { errors: ['request path "secret/data/ci/app": rate limit quota exceeded'] },
    });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await api('GET', 'secret/data/ci/app', { token })).status).toBe(200);
  });

  it('503 and 412 with Vault texts, custom errors, method and regex filters', async () => {
    server.addFault({ path: 'sys/health', status: 503, times: 1 });
    server.addFault({ path: /^secret\/data\//, status: 412, times: 1 });
    server.addFault({
      method: 'POST',
      path: /^auth\/\w+\/login/,
      status: 503,
      errors: ['Vault server temporarily overloaded'],
    });
    expect(await api('GET', 'sys/health')).toMatchObject({ status: 503, json: { errors: ['Vault is sealed'] } });
    expect(await api('GET', 'secret/data/ci/app', { token: server.rootToken })).toMatchObject({
      status: 412,
      json: { errors: ['required index state not present'] },
    });
    expect(await api('POST', 'auth/userpass/login/ci', { body: { password: demo.userpassPassword } })).toMatchObject({
      status: 503,
      json: { errors: ['Vault server temporarily overloaded'] },
    });
    expect((await api('GET', 'auth/approle/login')).status).toBe(405); // GET is not filtered
  });

  it('reset drops the connection without an answer', async () => {
    server.addFault({ path: 'sys/health', reset: true });
    await expect(api('GET', 'sys/health')).rejects.toThrow(TypeError);
    expect(server.requests.at(-1)).toMatchObject({ path: 'sys/health', status: 0 });
  });

  it('hang never answers, so the client times out', async () => {
    server.addFault({ path: 'sys/health', hang: true, times: 1 });
    await expect(api('GET', 'sys/health', { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect((await api('GET', 'sys/health')).status).toBe(200);
  });

  it('delayMs and latencyMs slow answers down', async () => {
    server.addFault({ path: 'sys/health', delayMs: 250, times: 1 });
    const [delayed, delayedMs] = await timed(() => api('GET', 'sys/health'));
    expect(delayed.status).toBe(200);
    expect(delayedMs).toBeGreaterThanOrEqual(240);
    server.latencyMs = 150;
    const [, slowMs] = await timed(() => api('GET', 'sys/health'));
    expect(slowMs).toBeGreaterThanOrEqual(140);
  });

  it('applies to the OIDC endpoint too', async () => {
    server.addFault({ path: '_oidc/token', status: 503, times: 1 });
    const res = await fetch(server.oidc.requestUrl, {
      headers: { Authorization: `Bearer ${server.oidc.requestToken}` },
    });
    expect(res.status).toBe(503);
    expect(await fetchIdToken()).toMatch(/^ey/);
  });
});

describe('connections and the request log', () => {
  const viaAgent = (agent: http.Agent, method: string, path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${server.url}/v1/${path}`,
        { agent, method, headers: { 'X-Vault-Token': server.rootToken } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('keeps connections alive and records every request', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const before = server.connectionsOpened;
    const first = server.requests.length;
    expect(await viaAgent(agent, 'GET', 'sys/health')).toBe(200);
    expect(await viaAgent(agent, 'LIST', 'secret/metadata/ci')).toBe(200);
    agent.destroy();
    expect(server.connectionsOpened - before).toBe(1);
    const [health, list] = server.requests.slice(first);
    expect(list).toMatchObject({
      method: 'LIST',
      path: 'secret/metadata/ci',
      status: 200,
      namespace: '',
      connectionId: health?.connectionId,
    });
    expect(list?.headers['x-vault-token']).toBe(server.rootToken);

    await api('POST', 'auth/userpass/login/ci', { body: { password: demo.userpassPassword } });
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      status: 200,
      body: JSON.stringify({ password: demo.userpassPassword }),
    });
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasOpenssl)('HTTPS with client certificates', () => {
  let dir: string;
  let tlsServer: VaultDevServer;
  const pem = (name: string) => readFileSync(join(dir, name), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vault-dev-tls-'));
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl('req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=test-ca');
    writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    for (const [name, ext] of [
      ['server', ['-extfile', 'server.ext']],
      ['client', []],
    ] as const) {
      openssl('req', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      openssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.crt`,
        '-days',
        '1',
        ...ext,
      );
    }
    tlsServer = await startVaultDevServer({
      tls: { key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestClientCert: true },
    });
  });
  afterAll(async () => {
    await tlsServer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (options: https.RequestOptions) =>
    new Promise<number>((resolve, reject) => {
      const req = https.request(
        `${tlsServer.url}/v1/auth/token/lookup-self`,
        { ...options, headers: { 'X-Vault-Token': tlsServer.rootToken } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('serves clients presenting a certificate signed by the CA, and only them', async () => {
    expect(tlsServer.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get({ ca: pem('ca.crt'), cert: pem('client.crt'), key: pem('client.key') })).toBe(200);
    await expect(get({ ca: pem('ca.crt') })).rejects.toThrow();
  });
});
