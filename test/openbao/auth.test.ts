// The action's auth methods against a real OpenBao over real TLS (-dev-tls, its CA given in
// vault-ca-cert), each through dist/: AppRole with and without a secret_id, userpass, JWT
// with GitHub's OIDC path (a local issuer whose JWKS OpenBao fetches), cert auth with a
// client certificate, Kubernetes (OpenBao verifies a service account token only through a
// TokenReview call, so a local HTTPS TokenReview stand-in answers it), and separate auth
// and secrets namespaces. Each login's token carries one least-privilege policy; after post
// OpenBao no longer knows it, and no credential is anywhere in output or files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { TestCa } from '../vault-server/certs.js';
import { signJwt } from '../vault-server/jwt.js';
import { GITHUB_OIDC } from '../vault-server/server.js';
import { errorLine } from '../e2e/fixture.js';
import {
  expectClean,
  expectLeasesGone,
  expectTokenGone,
  leaseKeys,
  NOISY,
  runJob,
  secret,
  userpassLogin,
  writePolicy,
} from './harness.js';

const ready = peersReady('openbao tests', ['bao']);

const appPassword = secret('app');
const nsPassword = secret('ns');
const SPEC = 'secret/ci/app password | PW';

let bao: OpenBao;
let issuer: Issuer;
let reviewer: TokenReviewer;
let tmp: string;

describe.runIf(ready)('auth methods on OpenBao over TLS', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'bao-auth-'));
    bao = await startOpenBao({ tls: true });
    [issuer, reviewer] = await Promise.all([startIssuer(), startTokenReviewer()]);
    await bao.must('POST', 'secret/data/ci/app', { data: { password: appPassword } });
    await writePolicy(bao, 'ci-read', { 'secret/data/ci/app': ['read'] });
    await bao.must('POST', 'sys/auth/approle', { type: 'approle' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([bao.stop(), issuer.close(), reviewer.close()]);
    rmSync(tmp, { recursive: true, force: true });
  });

  /** main and post through TLS; the secret is delivered, the token is gone after post, nothing leaks. */
  const roundTrip = async (
    inputs: Record<string, string>,
    credentials: readonly string[] | (() => readonly string[]),
    opts: {
      env?: Record<string, string>;
      expected?: Record<string, string>;
      namespace?: string;
      /** Searched for, not expected among the masks (the runner's own OIDC bearer). */
      unseen?: readonly string[];
    } = {},
  ): Promise<void> => {
    const mount = inputs['vault-auth-path'] ?? inputs['vault-method'] ?? '';
    const job = new Job(NOISY);
    try {
      const r = await runJob(
        job,
        { 'vault-addr': bao.addr, 'vault-ca-cert': bao.caPem ?? '', secrets: SPEC, ...inputs },
        {
          env: opts.env ?? {},
          // while the job runs, its login has a lease: the check after post can see one
          during: async () => {
            expect(await leaseKeys(bao, `auth/${mount}/login/`, opts.namespace)).not.toEqual([]);
          },
        },
      );
      const creds = typeof credentials === 'function' ? credentials() : credentials;
      expect(r.main.exitCode, r.main.stdout + r.main.stderr).toBe(0);
      expect(r.files).toEqual(opts.expected ?? { PW: appPassword });
      expect(r.token).toMatch(/^s\./);
      expect(r.main.masks).toContain(r.token);
      for (const c of creds) expect(r.main.masks, 'a credential is masked').toContain(c);
      expect(r.post.stdout).toContain('revoked the Vault token');
      await expectTokenGone(bao, r.token, opts.namespace);
      // the login's own lease (auth/MOUNT/login/…) is gone with the token
      await expectLeasesGone(bao, `auth/${mount}/login/`, [], opts.namespace);
      expectClean(job, r, [appPassword, nsPassword, ...creds, ...(opts.unseen ?? [])]);
    } finally {
      job.dispose();
    }
  };

  it('AppRole with a secret_id', async () => {
    await bao.must('POST', 'auth/approle/role/ci', { token_policies: 'ci-read', token_ttl: '10m' });
    const roleId = ((await bao.must('GET', 'auth/approle/role/ci/role-id')) as { data: { role_id: string } }).data
      .role_id;
    const secretId = ((await bao.must('POST', 'auth/approle/role/ci/secret-id')) as { data: { secret_id: string } })
      .data.secret_id;
    await roundTrip({ 'vault-method': 'approle', 'vault-role-id': roleId, 'vault-secret-id': secretId }, [secretId]);
  });

  it('AppRole without a secret_id (bind_secret_id=false, bound to a CIDR as OpenBao requires)', async () => {
    // OpenBao refuses bind_secret_id=false with no other bound; loopback is where the runner is
    await bao.must('POST', 'auth/approle/role/nosecret', {
      bind_secret_id: false,
      secret_id_bound_cidrs: '127.0.0.1/32',
      token_policies: 'ci-read',
    });
    const roleId = ((await bao.must('GET', 'auth/approle/role/nosecret/role-id')) as { data: { role_id: string } }).data
      .role_id;
    await roundTrip({ 'vault-method': 'approle', 'vault-role-id': roleId }, [roleId]);
  });

  it('AppRole issuing a batch token (b.): main warns it cannot be revoked and for how long it lives', async () => {
    await bao.must('POST', 'auth/approle/role/batch', {
      token_policies: 'ci-read',
      token_type: 'batch',
      token_ttl: '20m',
    });
    const roleId = ((await bao.must('GET', 'auth/approle/role/batch/role-id')) as { data: { role_id: string } }).data
      .role_id;
    const secretId = ((await bao.must('POST', 'auth/approle/role/batch/secret-id')) as { data: { secret_id: string } })
      .data.secret_id;
    const job = new Job(NOISY);
    try {
      const r = await runJob(job, {
        'vault-addr': bao.addr,
        'vault-ca-cert': bao.caPem ?? '',
        secrets: SPEC,
        'vault-method': 'approle',
        'vault-role-id': roleId,
        'vault-secret-id': secretId,
      });
      expect(r.main.exitCode, r.main.stdout).toBe(0);
      expect(r.token).toMatch(/^b\./);
      const warned = r.main.commands.filter((c) => c.command === 'warning').map((c) => c.message);
      expect(warned).toContain(
        'Vault issued a batch token, which cannot be revoked: it stays valid after this job for its TTL, 20 minute(s). ' +
          'Give the role token_type=service, or a short token_ttl.',
      );
      const postWarnings = r.post.commands.filter((c) => c.command === 'warning').map((c) => c.message);
      expect(postWarnings.join('\n')).toMatch(
        /HTTP 400: batch tokens cannot be revoked\. A batch token cannot be revoked/,
      );
      // OpenBao's word: it is still valid (it only expires), which is what the warnings said
      expect((await bao.api('POST', 'auth/token/lookup', { token: r.token })).status).toBe(200);
      expectClean(job, r, [appPassword, secretId]);
    } finally {
      job.dispose();
    }
  });

  it('userpass', async () => {
    const login = await userpassLogin(bao, ['ci-read']);
    await roundTrip(login.inputs, [login.password]);
  });

  it("JWT through GitHub's OIDC path: OpenBao fetches the issuer's JWKS and checks the role's bounds", async () => {
    await bao.must('POST', 'sys/auth/jwt', { type: 'jwt' });
    await bao.must('POST', 'auth/jwt/config', { jwks_url: issuer.jwksUrl, bound_issuer: GITHUB_OIDC.issuer });
    await bao.must('POST', 'auth/jwt/role/ci', {
      role_type: 'jwt',
      user_claim: 'sub',
      bound_audiences: GITHUB_OIDC.defaultAudience,
      bound_claims: { repository: GITHUB_OIDC.repository },
      token_policies: 'ci-read',
      token_ttl: '10m',
    });
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: issuer.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.bearer };
    const before = issuer.issued.length;
    // the OIDC token is masked before anything prints; the runner's bearer never shows
    await roundTrip({ 'vault-method': 'jwt', 'vault-role': 'ci' }, () => issuer.issued.slice(before), {
      env,
      unseen: [issuer.bearer],
    });
    expect(issuer.issued.length).toBe(before + 1);
    expect(issuer.jwksFetches).toBeGreaterThan(0);
    const job = new Job(NOISY);
    try {
      // a repository the role does not bind: OpenBao's own refusal, named, with nothing printed
      await bao.must('POST', 'auth/jwt/role/other', {
        role_type: 'jwt',
        user_claim: 'sub',
        bound_audiences: GITHUB_OIDC.defaultAudience,
        bound_claims: { repository: 'octo-org/other-repo' },
        token_policies: 'ci-read',
      });
      const r = await runJob(
        job,
        {
          'vault-addr': bao.addr,
          'vault-ca-cert': bao.caPem ?? '',
          secrets: SPEC,
          'vault-method': 'jwt',
          'vault-role': 'other',
        },
        { env },
      );
      expect(r.main.exitCode).toBe(1);
      expect(errorLine(r.main.stdout)).toMatch(
        /auth\/jwt\/login failed with HTTP 400: .*claim "repository" does not match/,
      );
      expectClean(job, r, [appPassword, issuer.bearer, ...issuer.issued]);
    } finally {
      job.dispose();
    }
    // under act there is no OIDC endpoint: the same issuer's JWT given in vault-jwt
    const jwt = await issuer.mint();
    await roundTrip({ 'vault-method': 'jwt', 'vault-role': 'ci', 'vault-jwt': jwt }, [jwt]);
  });

  it('JWT signed on the runner with a key of yours (vault-action jwtPrivateKey), checked by jwt_validation_pubkeys', async () => {
    const password = secret('keypw');
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: password },
    });
    await bao.must('POST', 'sys/auth/jwt-key', { type: 'jwt' });
    await bao.must('POST', 'auth/jwt-key/config', { jwt_validation_pubkeys: [publicKey] });
    await bao.must('POST', 'auth/jwt-key/role/ci', {
      role_type: 'jwt',
      user_claim: 'iss',
      bound_claims: { repository: 'octo-org/octo-repo' },
      token_policies: 'ci-read',
      token_ttl: '10m',
    });
    const env = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abc' };
    await roundTrip(
      {
        'vault-method': 'jwt',
        'vault-auth-path': 'jwt-key',
        'vault-role': 'ci',
        'vault-jwt-private-key': Buffer.from(privateKey).toString('base64'),
        'vault-jwt-key-password': password,
        'vault-jwt-ttl': '120',
      },
      [password],
      { env, unseen: [privateKey] },
    );
  });

  it('cert auth with a client certificate over real TLS', async () => {
    const ca = new TestCa('ci clients');
    const client = ca.issue('runner');
    await bao.must('POST', 'sys/auth/cert', { type: 'cert' });
    await bao.must('POST', 'auth/cert/certs/ci', { certificate: ca.cert, token_policies: 'ci-read', ttl: '10m' });
    const keyFile = join(tmp, 'client.key');
    writeFileSync(keyFile, client.key, { mode: 0o600 });
    await roundTrip(
      {
        'vault-method': 'cert',
        'vault-cert-role': 'ci',
        'vault-client-cert': client.cert,
        'vault-client-key': keyFile,
      },
      [client.key],
    );
  });

  it('Kubernetes: OpenBao reviews the service account token with a TokenReview stand-in (no cluster here)', async () => {
    await bao.must('POST', 'sys/auth/kubernetes', { type: 'kubernetes' });
    await bao.must('POST', 'auth/kubernetes/config', {
      kubernetes_host: reviewer.url,
      kubernetes_ca_cert: reviewer.caPem,
      disable_local_ca_jwt: true,
    });
    await bao.must('POST', 'auth/kubernetes/role/ci', {
      bound_service_account_names: 'runner',
      bound_service_account_namespaces: 'ci',
      token_policies: 'ci-read',
      token_ttl: '10m',
    });
    const tokenFile = join(tmp, 'sa-token');
    writeFileSync(tokenFile, reviewer.saToken, { mode: 0o600 });
    const before = reviewer.reviews;
    await roundTrip({ 'vault-method': 'kubernetes', 'vault-role': 'ci', 'vault-kubernetes-token-path': tokenFile }, [
      reviewer.saToken,
    ]);
    expect(reviewer.reviews).toBe(before + 1);
  });

  it('auth in a parent namespace, secrets in its child: login, read and revoke each where they belong', async () => {
    await bao.must('POST', 'sys/namespaces/org');
    await bao.must('POST', 'sys/namespaces/team-a', undefined, { namespace: 'org' });
    const child = { namespace: 'org/team-a' };
    await bao.must('POST', 'sys/mounts/secret', { type: 'kv', options: { version: '2' } }, child);
    await bao.must('POST', 'secret/data/ci/app', { data: { password: nsPassword } }, child);
    // a policy of the auth namespace, naming the child's path relative to it
    await writePolicy(bao, 'team-a-read', { 'team-a/secret/data/ci/app': ['read'] }, 'org');
    const login = await userpassLogin(bao, ['team-a-read'], { namespace: 'org' });
    await roundTrip(
      { ...login.inputs, 'vault-namespace': 'org/team-a', 'vault-auth-namespace': 'org' },
      [login.password],
      { expected: { PW: nsPassword }, namespace: 'org' },
    );
  });
});

interface Issuer {
  readonly requestUrl: string;
  readonly bearer: string;
  readonly jwksUrl: string;
  readonly issued: string[];
  readonly jwksFetches: number;
  /** A token as the service gives it, for the default audience. */
  mint(): Promise<string>;
  close(): Promise<void>;
}

/**
 * GitHub's OIDC token service as the runner reaches it (ACTIONS_ID_TOKEN_REQUEST_URL with a
 * bearer, `audience` in the query, `{"value": JWT}` back) and its JWKS, on loopback.
 */
async function startIssuer(): Promise<Issuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  const bearer = randomBytes(24).toString('base64url');
  const issued: string[] = [];
  let jwksFetches = 0;
  const server: Server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/.well-known/jwks') {
      jwksFetches++;
      const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    if (url.pathname === '/_oidc/token' && req.headers.authorization === `Bearer ${bearer}`) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = sign(privateKey, kid, {
        iss: GITHUB_OIDC.issuer,
        aud: url.searchParams.get('audience') ?? GITHUB_OIDC.defaultAudience,
        sub: GITHUB_OIDC.subject,
        repository: GITHUB_OIDC.repository,
        ref: GITHUB_OIDC.ref,
        iat: now,
        nbf: now - 5,
        exp: now + GITHUB_OIDC.tokenLifetimeSeconds,
      });
      issued.push(jwt);
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ value: jwt }));
      return;
    }
    res.statusCode = 401;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    requestUrl: `${base}/_oidc/token?api-version=2.0`,
    bearer,
    jwksUrl: `${base}/.well-known/jwks`,
    issued,
    get jwksFetches() {
      return jwksFetches;
    },
    mint: async () => {
      const res = await fetch(`${base}/_oidc/token?api-version=2.0`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      return ((await res.json()) as { value: string }).value;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const sign = (key: KeyObject, kid: string, claims: Record<string, unknown>): string => signJwt(claims, key, kid);

interface TokenReviewer {
  readonly url: string;
  readonly caPem: string;
  /** The service account token it accepts (a JWT with the claims a cluster would put in it). */
  readonly saToken: string;
  readonly reviews: number;
  close(): Promise<void>;
}

/**
 * A stand-in for the Kubernetes API's TokenReview endpoint over HTTPS: it authenticates
 * exactly the one service account token it made (system:serviceaccount:ci:runner) and
 * refuses anything else, as the API server would. It is a stand-in, not a cluster.
 */
async function startTokenReviewer(): Promise<TokenReviewer> {
  const ca = new TestCa('k8s stand-in');
  const leaf = ca.issue('127.0.0.1', { altNames: ['IP:127.0.0.1'] });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const saToken = signJwt(
    {
      iss: 'kubernetes/serviceaccount',
      sub: 'system:serviceaccount:ci:runner',
      'kubernetes.io/serviceaccount/namespace': 'ci',
      'kubernetes.io/serviceaccount/service-account.name': 'runner',
      'kubernetes.io/serviceaccount/service-account.uid': '5a1d2c3b-0000-4000-8000-000000000001',
      iat: now,
      exp: now + 3600,
    },
    privateKey,
    'sa-key',
  );
  let reviews = 0;
  const server = createHttpsServer({ key: leaf.key, cert: leaf.cert }, (req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/apis/authentication.k8s.io/v1/tokenreviews')) {
        res.statusCode = 404;
        res.end();
        return;
      }
      reviews++;
      const review = JSON.parse(body) as { spec?: { token?: string } };
      const ok = review.spec?.token === saToken;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          apiVersion: 'authentication.k8s.io/v1',
          kind: 'TokenReview',
          status: ok
            ? {
                authenticated: true,
                user: {
                  username: 'system:serviceaccount:ci:runner',
                  uid: '5a1d2c3b-0000-4000-8000-000000000001',
                  groups: ['system:serviceaccounts', 'system:serviceaccounts:ci'],
                },
              }
            : { authenticated: false, error: 'invalid bearer token' },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as { port: number }).port}`,
    caPem: ca.cert,
    saToken,
    get reviews() {
      return reviews;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
