// The dev server held to a real Vault-API server: every row of cases.ts goes to both,
// seeded alike, and their replies must agree on what the action reads (compare.ts).
// Each difference kept on purpose is in KNOWN below, with its reason in
// test/vault-server/README.md, and is asserted as it is, so the list stays true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../runner/job.js';
import { POSTGRES_BIN, peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { startPostgres, type Postgres } from '../peers/postgres.js';
import { seedOpenBaoDemo } from '../peers/seed-openbao.js';
import { GITHUB_OIDC, startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import { DEMO, seedDemo } from '../vault-server/seed.js';
import { CASES, type Case, type Target } from './cases.js';
import { differences, type Difference, type Reply } from './compare.js';

/** Differences kept in the dev server, by case id; each is explained in test/vault-server/README.md. */
export const KNOWN: Record<string, Difference[]> = {
  'mount lookup, database': [{ what: 'data.options (value)', dev: null, bao: {} }],
};

const ready = peersReady('conformance', ['bao']);
// OpenBao's database engine needs a real PostgreSQL: without one, those rows skip with this line
const withDatabase = ready && peersReady('conformance: database rows', ['postgres']);

async function send(t: Target, c: Case): Promise<Reply> {
  const body = c.body?.(t);
  const token = c.token ? c.token(t) : t.ciToken;
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['X-Vault-Token'] = token;
  if (c.namespace !== undefined) headers['X-Vault-Namespace'] = c.namespace;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${t.url}/v1/${c.path(t)}`, {
    method: c.method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = `(not JSON: ${text.slice(0, 40)})`;
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    retryAfter: res.headers.get('retry-after'),
    body: parsed,
  };
}

/** A GitHub-like OIDC token signed with the dev server's stand-in key, which both servers' jwt auth trusts. */
function githubJwt(dev: VaultDevServer): string {
  const now = Math.floor(Date.now() / 1000);
  return dev.oidc.sign({
    jti: randomUUID(),
    iss: GITHUB_OIDC.issuer,
    sub: GITHUB_OIDC.subject,
    aud: GITHUB_OIDC.defaultAudience,
    repository: GITHUB_OIDC.repository,
    ref: GITHUB_OIDC.ref,
    iat: now,
    nbf: now,
    exp: now + 300,
  });
}

describe.runIf(ready)('the dev server answers as OpenBao does', () => {
  let dev: VaultDevServer;
  let bao: OpenBao;
  let postgres: Postgres | undefined;
  let devTarget: Target;
  let baoTarget: Target;

  beforeAll(async () => {
    dev = await startVaultDevServer();
    const devDemo = seedDemo(dev);
    dev.mountPki('', 'pki', { web: { allowedDomains: ['example.com'], allowSubdomains: true } });
    bao = await startOpenBao();
    if (withDatabase && POSTGRES_BIN) postgres = await startPostgres();
    const baoDemo = await seedOpenBaoDemo(bao, {
      ...(postgres ? { postgres } : {}),
      jwtPublicKeyPem: dev.oidc.publicKeyPem,
    });
    await bao.must('POST', 'sys/mounts/pki', { type: 'pki', config: { max_lease_ttl: '87600h' } });
    await bao.must('POST', 'pki/root/generate/internal', { common_name: 'pki CA', ttl: '87600h' });
    // key_type ec: the dev server's PKI issues EC keys (fast with openssl); OpenBao's default is RSA 2048
    await bao.must('POST', 'pki/roles/web', {
      allowed_domains: ['example.com'],
      allow_subdomains: true,
      max_ttl: '1h',
      key_type: 'ec',
      key_bits: 256,
    });
    // team-a as seed.ts makes it on the dev server: its own KV v2 at secret/
    const teamA = { namespace: DEMO.namespaces.teamA };
    await bao.must('POST', `sys/namespaces/${DEMO.namespaces.teamA}`, {});
    await bao.must('POST', 'sys/mounts/secret', { type: 'kv', options: { version: '2' } }, teamA);
    await bao.must('POST', 'secret/data/ci/app', { data: baoDemo.secrets.teamA }, teamA);
    const jwt = githubJwt(dev);
    devTarget = {
      url: dev.url,
      rootToken: dev.rootToken,
      ciToken: '',
      approle: devDemo.approle.root,
      userpassPassword: devDemo.userpassPassword,
      jwt,
    };
    baoTarget = {
      url: bao.addr,
      rootToken: bao.rootToken,
      ciToken: '',
      approle: baoDemo.approle,
      userpassPassword: baoDemo.userpassPassword,
      jwt,
    };
  }, 120_000);

  afterAll(async () => {
    await dev.close();
    await bao.stop();
    await postgres?.stop();
  });

  // The rows run in order: later ones use the token, lease and serial earlier ones made.
  for (const c of CASES) {
    it.runIf(!c.database || withDatabase)(c.id, async () => {
      const [d, b] = [await send(devTarget, c), await send(baoTarget, c)];
      if (d.status < 300) c.keep?.(devTarget, d.body);
      if (b.status < 300) c.keep?.(baoTarget, b.body);
      expect(differences(d, b, c.fields), JSON.stringify({ dev: d, bao: b }, null, 1).slice(0, 3000)).toEqual(
        KNOWN[c.id] ?? [],
      );
    });
  }

  // After the table (the quota throttles every later read of secret/). OpenBao sends
  // Retry-After only once sys/quotas/config enables the rate-limit headers; the dev
  // server's 429 fault sends it when the rule has retryAfter.
  it('429 from a rate-limit quota, with and without Retry-After, as the dev server fault gives it', async () => {
    const read: Case = {
      id: '429',
      method: 'GET',
      path: () => 'secret/data/ci/app',
      token: (t) => t.rootToken,
      fields: [],
    };
    await bao.must('POST', 'sys/quotas/rate-limit/conformance', {
      path: 'secret/',
      rate: 1,
      interval: '1m',
      block_interval: '1m',
    });
    const throttled = async (): Promise<Reply> => {
      for (let i = 0; i < 5; i++) {
        const r = await send(baoTarget, read);
        if (r.status === 429) return r;
      }
      throw new Error('OpenBao never answered 429 under the quota');
    };
    try {
      for (const headers of [false, true]) {
        await bao.must('POST', 'sys/quotas/config', { enable_rate_limit_response_headers: headers });
        const b = await throttled();
        dev.addFault({ path: 'secret/data/ci/app', status: 429, times: 1, ...(headers ? { retryAfter: '60' } : {}) });
        const d = await send(devTarget, read);
        expect(differences(d, b, [])).toEqual([]);
        expect(b.retryAfter !== null).toBe(headers);
        expect(d.body).toEqual(b.body); // the same words: request path "secret/data/ci/app": rate limit quota exceeded
      }
    } finally {
      await bao.must('DELETE', 'sys/quotas/rate-limit/conformance');
      dev.clearFaults();
    }
  });

  it('every kept difference is explained in test/vault-server/README.md', () => {
    const readme = readFileSync(join(ROOT, 'test/vault-server/README.md'), 'utf8');
    for (const id of Object.keys(KNOWN)) expect(readme, id).toContain(`\`${id}\``);
  });
});
