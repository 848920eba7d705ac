// The demo dataset of test/vault-server/seed.ts, written into a real OpenBao through its
// HTTP API: the same mounts, paths, policy (least privilege, as users write it) and
// auth methods, so the demo, the conformance test and the act workflow see one dataset
// on either server. The database engine needs a PostgreSQL (test/peers/postgres.ts).
import { randomUUID } from 'node:crypto';
import { DEMO, demoSecrets, type DemoData } from '../vault-server/seed.js';
import { base62 } from '../vault-server/state.js';
import { DEFAULT_TOKEN_TTL } from '../vault-server/token.js';
import type { OpenBao } from './openbao.js';
import type { Postgres } from './postgres.js';

export interface OpenBaoDemoOptions {
  /** Enables the database engine at `database/` on this PostgreSQL; without it there is none. */
  readonly postgres?: Postgres;
  /** PEM public key that `auth/jwt` trusts (the dev server's OIDC stand-in key, say); without it no jwt auth. */
  readonly jwtPublicKeyPem?: string;
}

export interface OpenBaoDemoData {
  readonly secrets: DemoData['secrets'];
  readonly approle: { readonly roleId: string; readonly secretId: string };
  readonly userpassPassword: string;
  /** Whether `database/creds/app` exists (a PostgreSQL was given). */
  readonly database: boolean;
}

/** The policy seed.ts gives the dev server, in OpenBao's HCL. */
export function demoPolicyHcl(): string {
  const { kv2, kv1, database } = DEMO.mounts;
  const rules: [string, string][] = [
    [`${kv2}/data/ci/*`, 'read'],
    [`${kv2}/metadata/ci/*`, 'list'],
    ['sys/internal/ui/mounts/*', 'read'],
    [`${kv1}/ci/*`, 'read'],
    [`${database}/creds/${DEMO.databaseRole}`, 'read'],
  ];
  return rules.map(([path, cap]) => `path "${path}" {\n  capabilities = ["${cap}"]\n}\n`).join('');
}

export async function seedOpenBaoDemo(bao: OpenBao, opts: OpenBaoDemoOptions = {}): Promise<OpenBaoDemoData> {
  const { mounts, policy, role } = DEMO;
  const secrets = demoSecrets();
  // token_ttl: the dev server's logins last DEFAULT_TOKEN_TTL (1 h); OpenBao's would take the mount's 768 h
  const grants = { token_policies: [policy], token_ttl: DEFAULT_TOKEN_TTL };

  // `bao server -dev` mounts secret/ as KV v2 already.
  const kv2: [string, Record<string, unknown>][] = [
    ['ci/app', secrets.app],
    ['ci/tls', secrets.tls],
    ['ci/config', secrets.config],
    ['ci/odd', DEMO.odd],
    ['ci/folder/one', secrets.folder.one],
    ['ci/folder/two', secrets.folder.two],
  ];
  for (const [path, data] of kv2) await bao.must('POST', `${mounts.kv2}/data/${path}`, { data });
  await bao.must('POST', `sys/mounts/${mounts.kv1}`, { type: 'kv', options: { version: '1' } });
  await bao.must('POST', `${mounts.kv1}/ci/legacy`, secrets.legacy);
  await bao.must('PUT', `sys/policies/acl/${policy}`, { policy: demoPolicyHcl() });

  if (opts.postgres) {
    const pg = opts.postgres;
    await bao.must('POST', `sys/mounts/${mounts.database}`, { type: 'database' });
    await bao.must('POST', `${mounts.database}/config/demo`, {
      plugin_name: 'postgresql-database-plugin',
      connection_url: pg.connectionUrl,
      username: pg.admin.username,
      password: pg.admin.password,
      allowed_roles: [DEMO.databaseRole],
    });
    await bao.must('POST', `${mounts.database}/roles/${DEMO.databaseRole}`, {
      db_name: 'demo',
      creation_statements: [
        `CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`,
        `GRANT CONNECT ON DATABASE postgres TO "{{name}}";`,
      ],
      default_ttl: DEMO.databaseTtl,
      max_ttl: DEMO.databaseTtl,
    });
  }

  const approle = { roleId: randomUUID(), secretId: randomUUID() };
  await bao.must('POST', `sys/auth/${mounts.approle}`, { type: 'approle' });
  await bao.must('POST', `auth/${mounts.approle}/role/${role}`, grants);
  await bao.must('POST', `auth/${mounts.approle}/role/${role}/role-id`, { role_id: approle.roleId });
  await bao.must('POST', `auth/${mounts.approle}/role/${role}/custom-secret-id`, { secret_id: approle.secretId });

  const userpassPassword = base62(20);
  await bao.must('POST', `sys/auth/${mounts.userpass}`, { type: 'userpass' });
  await bao.must('POST', `auth/${mounts.userpass}/users/${role}`, { password: userpassPassword, ...grants });

  if (opts.jwtPublicKeyPem) {
    await bao.must('POST', `sys/auth/${mounts.jwt}`, { type: 'jwt' });
    await bao.must('POST', `auth/${mounts.jwt}/config`, { jwt_validation_pubkeys: [opts.jwtPublicKeyPem] });
    await bao.must('POST', `auth/${mounts.jwt}/role/${role}`, {
      role_type: 'jwt',
      user_claim: 'sub',
      bound_audiences: [DEMO.jwt.audience],
      bound_claims: { repository: DEMO.jwt.repository },
      ...grants,
    });
  }

  return { secrets, approle, userpassPassword, database: opts.postgres !== undefined };
}

/** Lease ids OpenBao holds under a prefix (`database/creds/app/`), as root. */
export async function openBaoLeases(bao: OpenBao, prefix: string): Promise<string[]> {
  const r = await bao.api('LIST', `sys/leases/lookup/${prefix}`);
  if (r.status === 404) return [];
  if (r.status !== 200) throw new Error(`OpenBao LIST sys/leases/lookup/${prefix}: HTTP ${r.status} ${r.text}`);
  return ((r.body as { data?: { keys?: string[] } }).data?.keys ?? []).map((k) => `${prefix}${k}`);
}

/** Whether OpenBao still knows this token (auth/token/lookup as root). */
export async function openBaoTokenAlive(bao: OpenBao, token: string): Promise<boolean> {
  const r = await bao.api('POST', 'auth/token/lookup', { token });
  return r.status === 200;
}
