// Every kind of request the action makes (src/vault/, src/cleanup/revoke.ts), and the
// error cases it must explain, as one table: each row is sent to the dev server and to
// OpenBao, seeded alike, and the replies compared (compare.ts).
import { DEMO } from '../vault-server/seed.js';
import { keys, shape, value, type Field } from './compare.js';

/** One server as the cases see it: its address and the credentials seeded there. */
export interface Target {
  readonly url: string;
  readonly rootToken: string;
  /** A token from an AppRole login with the demo policy (least privilege) plus default. */
  ciToken: string;
  readonly approle: { readonly roleId: string; readonly secretId: string };
  readonly userpassPassword: string;
  /** A JWT this server's jwt auth accepts (the dev server's OIDC stand-in key, trusted by both). */
  readonly jwt: string;
  /** Filled by the rows that make them, for the rows after. */
  leaseId?: string;
  serial?: string;
}

export interface Case {
  readonly id: string;
  readonly method: 'GET' | 'LIST' | 'POST' | 'PUT' | 'DELETE';
  readonly path: (t: Target) => string;
  /** A JSON body, or a string sent as it is (a malformed body). */
  readonly body?: (t: Target) => unknown;
  /** The token sent; the demo policy's token when absent, none when it returns undefined. */
  readonly token?: (t: Target) => string | undefined;
  readonly fields: readonly Field[];
  /** Sent as X-Vault-Namespace. */
  readonly namespace?: string;
  /** Only with the database engine (OpenBao's needs a PostgreSQL). */
  readonly database?: boolean;
  /** Remembers what later rows need (a lease id, a serial). */
  readonly keep?: (t: Target, body: unknown) => void;
}

const { mounts, role } = DEMO;
/** The summary lists each reply's request_id (src/vault/request-ids.ts): UUID-shaped on both, or it is dropped. */
const REQUEST_ID = shape('request_id', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const root = (t: Target): string => t.rootToken;

/** What the action reads of a login (src/vault/auth.ts) and what it masks. */
const LOGIN: Field[] = [
  shape('auth.client_token', /^\S{20,}$/),
  shape('auth.accessor', /^\S{20,}$/),
  value('auth.policies'),
  value('auth.token_policies'),
  value('auth.lease_duration'),
  value('auth.renewable'),
  value('auth.token_type'),
  value('lease_id'),
  value('warnings'),
  REQUEST_ID,
];
/** What the action reads of a secret read (src/vault/fetch.ts): the data, the lease fields, warnings. */
const SECRET: Field[] = [value('lease_id'), value('lease_duration'), value('renewable'), value('warnings'), REQUEST_ID];
const KV2_METADATA: Field[] = [
  keys('data.metadata'),
  value('data.metadata.version'),
  value('data.metadata.destroyed'),
  value('data.metadata.deletion_time'),
  value('data.metadata.custom_metadata'),
  shape('data.metadata.created_time', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
];
const MOUNT: Field[] = [value('data.path'), value('data.type'), value('data.options'), REQUEST_ID];

export const CASES: readonly Case[] = [
  // --- logins, per method both servers have (github and aws auth are not built into OpenBao)
  {
    id: 'login approle',
    method: 'POST',
    path: () => `auth/${mounts.approle}/login`,
    body: (t) => ({ role_id: t.approle.roleId, secret_id: t.approle.secretId }),
    token: () => undefined,
    fields: LOGIN,
    keep: (t, body) => {
      t.ciToken = (body as { auth: { client_token: string } }).auth.client_token;
    },
  },
  {
    id: 'login approle, wrong secret_id',
    method: 'POST',
    path: () => `auth/${mounts.approle}/login`,
    body: (t) => ({ role_id: t.approle.roleId, secret_id: 'not-the-secret-id' }),
    token: () => undefined,
    fields: [],
  },
  {
    id: 'login approle, malformed body',
    method: 'POST',
    path: () => `auth/${mounts.approle}/login`,
    body: () => '{"role_id": ',
    token: () => undefined,
    fields: [],
  },
  {
    id: 'login userpass',
    method: 'POST',
    path: () => `auth/${mounts.userpass}/login/${role}`,
    body: (t) => ({ password: t.userpassPassword }),
    token: () => undefined,
    fields: LOGIN,
  },
  {
    id: 'login userpass, wrong password',
    method: 'POST',
    path: () => `auth/${mounts.userpass}/login/${role}`,
    body: () => ({ password: 'not-the-password' }),
    token: () => undefined,
    fields: [],
  },
  {
    id: 'login jwt',
    method: 'POST',
    path: () => `auth/${mounts.jwt}/login`,
    body: (t) => ({ role, jwt: t.jwt }),
    token: () => undefined,
    fields: LOGIN,
  },
  {
    id: 'login jwt, bad signature',
    method: 'POST',
    path: () => `auth/${mounts.jwt}/login`,
    body: (t) => ({ role, jwt: `${t.jwt.slice(0, t.jwt.lastIndexOf('.'))}.AAAA` }),
    token: () => undefined,
    fields: [],
  },
  {
    id: 'login at a mount of another type (approle body to userpass)',
    method: 'POST',
    path: () => `auth/${mounts.userpass}/login`,
    body: (t) => ({ role_id: t.approle.roleId, secret_id: t.approle.secretId }),
    token: () => undefined,
    fields: [],
  },
  {
    id: 'login at a path with no auth method',
    method: 'POST',
    path: () => 'auth/nothing-here/login',
    body: (t) => ({ role_id: t.approle.roleId, secret_id: t.approle.secretId }),
    token: () => undefined,
    fields: [],
  },

  // --- mount lookup (src/vault/mounts.ts), under the demo policy
  { id: 'mount lookup, KV v2', method: 'GET', path: () => 'sys/internal/ui/mounts/secret/ci/app', fields: MOUNT },
  { id: 'mount lookup, KV v1', method: 'GET', path: () => 'sys/internal/ui/mounts/kv1/ci/legacy', fields: MOUNT },
  {
    id: 'mount lookup, database',
    method: 'GET',
    path: () => 'sys/internal/ui/mounts/database/creds/app',
    fields: MOUNT,
    database: true,
  },
  { id: 'mount lookup, no such mount', method: 'GET', path: () => 'sys/internal/ui/mounts/nomount/x', fields: [] },

  // --- KV v2
  {
    id: 'KV v2 read',
    method: 'GET',
    path: () => 'secret/data/ci/app',
    fields: [keys('data'), value('data.data.username'), shape('data.data.password'), ...KV2_METADATA, ...SECRET],
  },
  {
    id: 'KV v2 read ?version=1',
    method: 'GET',
    path: () => 'secret/data/ci/app?version=1',
    fields: [value('data.metadata.version'), ...SECRET],
  },
  { id: 'KV v2 read, no such secret', method: 'GET', path: () => 'secret/data/ci/nothing', fields: [] },
  {
    id: 'KV v2 list',
    method: 'LIST',
    path: () => 'secret/metadata/ci/',
    fields: [value('data.keys'), ...SECRET],
  },
  {
    id: 'KV v2 list, sub-folder',
    method: 'LIST',
    path: () => 'secret/metadata/ci/folder/',
    fields: [value('data.keys')],
  },
  { id: 'KV v2 list, no such folder', method: 'LIST', path: () => 'secret/metadata/ci/nothing/', fields: [] },
  // a deleted latest version: 404, with the version's metadata and null data
  {
    id: 'KV v2 delete the latest version (root)',
    method: 'DELETE',
    path: () => 'secret/data/ci/folder/two',
    token: root,
    fields: [],
  },
  {
    id: 'KV v2 read, latest version deleted',
    method: 'GET',
    path: () => 'secret/data/ci/folder/two',
    fields: [
      value('data.data'),
      keys('data.metadata'),
      shape('data.metadata.deletion_time', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      value('data.metadata.version'),
      value('data.metadata.destroyed'),
    ],
  },
  {
    id: 'KV v2 metadata after a delete (root)',
    method: 'GET',
    path: () => 'secret/metadata/ci/folder/two',
    token: root,
    fields: [value('data.current_version'), shape('data.versions.1.deletion_time', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/)],
  },
  {
    id: 'KV v2 list still shows a deleted secret',
    method: 'LIST',
    path: () => 'secret/metadata/ci/folder/',
    fields: [value('data.keys')],
  },
  {
    id: 'KV v2 path read as v1',
    method: 'GET',
    path: () => 'secret/ci/app',
    fields: [value('data'), shape('warnings')],
  },
  { id: 'KV v2 read, 403 under the demo policy', method: 'GET', path: () => 'secret/data/other/app', fields: [] },
  { id: 'KV v2 metadata read, 403 (list only)', method: 'GET', path: () => 'secret/metadata/ci/app', fields: [] },
  {
    id: 'KV v2 read with a bad token',
    method: 'GET',
    path: () => 'secret/data/ci/app',
    token: () => 'bogus-token',
    fields: [],
  },

  // --- KV v1
  {
    id: 'KV v1 read',
    method: 'GET',
    path: () => 'kv1/ci/legacy',
    fields: [keys('data'), ...SECRET],
  },
  { id: 'KV v1 read, no such secret', method: 'GET', path: () => 'kv1/ci/nothing', fields: [] },
  { id: 'KV v1 list, 403 (read only)', method: 'LIST', path: () => 'kv1/ci/', fields: [] },
  { id: 'KV v1 list as root', method: 'LIST', path: () => 'kv1/ci/', token: root, fields: [value('data.keys')] },

  // --- namespaces (team-a holds its own secret/ mount), as root: the header, the path prefix, a missing one
  {
    id: 'KV v2 read in a namespace (X-Vault-Namespace)',
    method: 'GET',
    path: () => 'secret/data/ci/app',
    namespace: DEMO.namespaces.teamA,
    token: root,
    fields: [keys('data.data'), value('data.metadata.version'), ...SECRET],
  },
  {
    id: 'KV v2 read in a namespace by path prefix',
    method: 'GET',
    path: () => `${DEMO.namespaces.teamA}/secret/data/ci/app`,
    token: root,
    fields: [keys('data.data'), value('data.metadata.version')],
  },
  {
    id: 'mount lookup in a namespace',
    method: 'GET',
    path: () => 'sys/internal/ui/mounts/secret/ci/app',
    namespace: DEMO.namespaces.teamA,
    token: root,
    fields: MOUNT,
  },
  {
    id: 'KV v2 read in a namespace that does not exist',
    method: 'GET',
    path: () => 'secret/data/ci/app',
    namespace: 'no-such-namespace',
    token: root,
    fields: [value('errors')],
  },
  {
    id: 'mount lookup in a namespace that does not exist',
    method: 'GET',
    path: () => 'sys/internal/ui/mounts/secret/ci/app',
    namespace: 'no-such-namespace',
    token: root,
    fields: [value('errors')],
  },

  {
    id: 'login in a namespace that does not exist',
    method: 'POST',
    path: () => `auth/${mounts.approle}/login`,
    body: (t) => ({ role_id: t.approle.roleId, secret_id: t.approle.secretId }),
    namespace: 'no-such-namespace',
    token: () => undefined,
    fields: [value('errors')],
  },

  // --- dynamic credentials and their lease
  {
    id: 'database creds',
    method: 'GET',
    path: () => `${mounts.database}/creds/${DEMO.databaseRole}`,
    fields: [
      keys('data'),
      shape('data.username'),
      shape('data.password'),
      shape('lease_id', new RegExp(`^${mounts.database}/creds/${DEMO.databaseRole}/\\w+$`)),
      value('lease_duration'),
      value('renewable'),
      value('warnings'),
    ],
    database: true,
    keep: (t, body) => {
      t.leaseId = (body as { lease_id: string }).lease_id;
    },
  },
  {
    id: 'lease revoke, 403 under the demo policy',
    method: 'PUT',
    path: () => 'sys/leases/revoke',
    body: (t) => ({ lease_id: t.leaseId }),
    fields: [],
    database: true,
  },
  {
    id: 'lease revoke as root',
    method: 'PUT',
    path: () => 'sys/leases/revoke',
    body: (t) => ({ lease_id: t.leaseId }),
    token: root,
    fields: [],
    database: true,
  },

  // --- PKI (issued with root: the demo policy has no PKI rule)
  {
    id: 'PKI issue',
    method: 'POST',
    path: () => 'pki/issue/web',
    body: () => ({ common_name: 'app.example.com', ttl: '1h' }),
    token: root,
    fields: [
      keys('data'),
      shape('data.certificate', /^-----BEGIN CERTIFICATE-----/),
      shape('data.private_key', /^-----BEGIN (RSA |EC )?PRIVATE KEY-----/),
      shape('data.issuing_ca', /^-----BEGIN CERTIFICATE-----/),
      shape('data.ca_chain'),
      shape('data.serial_number', /^([0-9a-f]{2}:)+[0-9a-f]{2}$/),
      value('data.private_key_type'),
      ...SECRET,
    ],
    keep: (t, body) => {
      t.serial = (body as { data: { serial_number: string } }).data.serial_number;
    },
  },
  {
    id: 'PKI issue, name not allowed by the role',
    method: 'POST',
    path: () => 'pki/issue/web',
    body: () => ({ common_name: 'app.elsewhere.org', ttl: '1h' }),
    token: root,
    fields: [],
  },
  {
    id: 'PKI revoke',
    method: 'POST',
    path: () => 'pki/revoke',
    body: (t) => ({ serial_number: t.serial }),
    token: root,
    fields: [keys('data'), shape('data.revocation_time'), value('data.state')],
  },

  // --- the token itself
  {
    id: 'token lookup-self',
    method: 'GET',
    path: () => 'auth/token/lookup-self',
    fields: [
      shape('data.accessor', /^\S{20,}$/),
      value('data.policies'),
      shape('data.ttl'),
      value('data.renewable'),
      value('data.type'),
      value('data.path'),
    ],
  },
  {
    id: 'token renew-self',
    method: 'PUT',
    path: () => 'auth/token/renew-self',
    body: () => ({}),
    fields: [
      shape('auth.client_token', /^\S{20,}$/),
      value('auth.policies'),
      value('auth.renewable'),
      value('warnings'),
    ],
  },
  // --- the child token later steps get (src/vault/child.ts): refused without the policy line, and as made
  {
    id: 'token create (child), 403 under the demo policy',
    method: 'POST',
    path: () => 'auth/token/create',
    body: () => ({ ttl: '600s' }),
    fields: [],
  },
  {
    id: 'token create (child) as the action asks',
    method: 'POST',
    path: () => 'auth/token/create',
    token: root,
    body: () => ({
      policies: [DEMO.policy],
      ttl: '600s',
      explicit_max_ttl: '600s',
      num_uses: 3,
      renewable: false,
      display_name: 'github-octo-org-octo-repo-1-1-job',
      meta: { repository: 'octo-org/octo-repo', run_id: '1' },
    }),
    fields: [
      shape('auth.client_token', /^\S{20,}$/),
      shape('auth.accessor', /^\S{20,}$/),
      value('auth.policies'),
      value('auth.lease_duration'),
      value('auth.renewable'),
      value('auth.num_uses'),
      value('auth.metadata'),
      value('auth.token_type'),
      value('auth.orphan'),
    ],
  },
  {
    id: 'health',
    method: 'GET',
    path: () => 'sys/health',
    token: () => undefined,
    fields: [value('initialized'), value('sealed'), value('standby')],
  },
  { id: 'token revoke-self', method: 'POST', path: () => 'auth/token/revoke-self', fields: [] },
  { id: 'token lookup-self after revoke-self', method: 'GET', path: () => 'auth/token/lookup-self', fields: [] },
];
