// The in-memory cluster: namespaces (each with its mounts and policies), the token store and the
// lease table. Everything the HTTP routes read or change lives here.
import { randomBytes, randomInt, randomUUID, type KeyObject, type X509Certificate } from 'node:crypto';
import type { TestCa } from './certs.js';
import { Acl, type PolicyRule } from './policy.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62.charAt(randomInt(BASE62.length));
  return out;
}

export const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '');

// The parts of Vault's built-in `default` policy that concern the endpoints served here; every
// non-root token carries it, which is why a plain token may look itself up and revoke itself.
const DEFAULT_POLICY: PolicyRule[] = [
  { path: 'auth/token/lookup-self', capabilities: ['read'] },
  { path: 'auth/token/renew-self', capabilities: ['update'] },
  { path: 'auth/token/revoke-self', capabilities: ['update'] },
  { path: 'sys/capabilities-self', capabilities: ['update'] },
  { path: 'sys/leases/renew', capabilities: ['update'] },
  { path: 'sys/leases/lookup', capabilities: ['update'] },
  { path: 'sys/renew', capabilities: ['update'] },
  { path: 'cubbyhole/*', capabilities: ['create', 'read', 'update', 'delete', 'list'] },
];

export interface KvVersion {
  data: Record<string, unknown>;
  createdTime: string;
  /** Set by a KV v2 soft delete (DELETE <mount>/data/<key>): the version reads as 404 with its metadata. */
  deletionTime?: string;
}
export interface AppRole {
  roleId: string;
  /** Undefined for a role with bind_secret_id=false: the role id alone logs in. */
  secretId: string | undefined;
  policies: string[];
}
export interface GithubUser {
  login: string;
  policies: string[];
}
export interface CertRole {
  ca: X509Certificate;
  policies: string[];
}
export interface AwsRole {
  boundIamPrincipalArn: string;
  policies: string[];
}
/** The STS stand-in: who each access key belongs to, and the secret that signs for it. */
export interface AwsIdentity {
  secretAccessKey: string;
  /** Temporary credentials: STS checks the signed X-Amz-Security-Token too. */
  sessionToken?: string;
  arn: string;
}
export interface JwtRole {
  boundAudiences: string[];
  boundClaims?: Record<string, string>;
  userClaim?: string;
  policies: string[];
}
export interface KubernetesRole {
  serviceAccountJwts: string[];
  policies: string[];
}
export interface PasswordUser {
  password: string;
  policies: string[];
}

interface MountBase {
  path: string; // with trailing slash, relative to its namespace: 'secret/', 'auth/approle/'
  accessor: string;
  uuid: string;
}
export type KvMount = MountBase & { type: 'kv'; version: 1 | 2; entries: Map<string, KvVersion[]> };
export type DatabaseMount = MountBase & { type: 'database'; roles: Map<string, number> };
export interface PkiRole {
  allowedDomains: string[];
  allowSubdomains: boolean;
  maxTtlSeconds: number;
}
export type PkiMount = MountBase & {
  type: 'pki';
  ca: TestCa;
  roles: Map<string, PkiRole>;
  /** Serial (colon hex) -> when it was revoked. */
  issued: Map<string, { revokedAt: number | undefined }>;
};
export type AuthMount = MountBase &
  (
    | { type: 'approle'; roles: Map<string, AppRole> }
    | { type: 'jwt'; publicKey: KeyObject; roles: Map<string, JwtRole> }
    | { type: 'kubernetes'; roles: Map<string, KubernetesRole> }
    | { type: 'userpass' | 'ldap'; users: Map<string, PasswordUser> }
    | { type: 'github'; organization: string; tokens: Map<string, GithubUser> }
    | { type: 'cert'; certs: Map<string, CertRole> }
    | {
        type: 'aws';
        serverId: string | undefined;
        stsUrl: string;
        stsRegion: string;
        identities: Map<string, AwsIdentity>;
        roles: Map<string, AwsRole>;
      }
  );
/** Each token's own store, by token id. */
export type CubbyholeMount = MountBase & {
  type: 'cubbyhole';
  byToken: Map<string, Map<string, Record<string, unknown>>>;
};
export type Mount =
  KvMount | DatabaseMount | PkiMount | AuthMount | CubbyholeMount | (MountBase & { type: 'system' | 'token' });

export function mountBase(path: string, type: string): MountBase {
  return { path: `${trimSlashes(path)}/`, accessor: `${type}_${randomBytes(4).toString('hex')}`, uuid: randomUUID() };
}

export interface Namespace {
  path: string; // '' for root, else 'team-a' or 'platform/team-b'
  id: string;
  mounts: Map<string, Mount>;
  policies: Map<string, PolicyRule[]>;
}

export interface TokenEntry {
  id: string;
  accessor: string;
  ns: Namespace;
  policies: string[];
  displayName: string;
  meta: Record<string, string> | null;
  path: string;
  entityId: string;
  issuedAt: number; // ms
  ttl: number; // seconds; 0 never expires (root)
  parent: TokenEntry | undefined;
  revoked: boolean;
  /** auth/token/create's num_uses: requests left (undefined: unlimited); the last one revokes it. */
  usesLeft?: number;
  /** explicit_max_ttl in seconds (0 or undefined: none), and renewable: false from auth/token/create. */
  explicitMaxTtl?: number;
  renewable?: boolean;
}

export interface Lease {
  id: string;
  tokenAccessor: string;
  ttl: number;
  revoked: boolean;
}

export interface IssueOptions {
  ns: Namespace;
  policies: string[];
  displayName: string;
  meta: Record<string, string> | null;
  path: string;
  ttl: number;
  parent?: TokenEntry;
  entityId?: string;
  id?: string;
  usesLeft?: number;
  explicitMaxTtl?: number;
  renewable?: boolean;
}

export class VaultState {
  readonly namespaces = new Map<string, Namespace>();
  readonly tokens = new Map<string, TokenEntry>();
  readonly leases = new Map<string, Lease>();
  private readonly entities = new Map<string, string>();

  constructor() {
    this.namespace('');
  }

  /** The namespace at `path`, created (with its parents) on first use. */
  namespace(path: string): Namespace {
    const clean = trimSlashes(path);
    const existing = this.namespaces.get(clean);
    if (existing) return existing;
    if (clean) this.namespace(clean.split('/').slice(0, -1).join('/'));
    const ns: Namespace = {
      path: clean,
      id: clean ? base62(5) : 'root',
      mounts: new Map(),
      policies: new Map([['default', DEFAULT_POLICY]]),
    };
    this.namespaces.set(clean, ns);
    this.addMount(ns, { ...mountBase('sys', 'system'), type: 'system' });
    this.addMount(ns, { ...mountBase('auth/token', 'auth_token'), type: 'token' });
    this.addMount(ns, { ...mountBase('cubbyhole', 'cubbyhole'), type: 'cubbyhole', byToken: new Map() });
    return ns;
  }

  addMount(ns: Namespace, mount: Mount): void {
    ns.mounts.set(mount.path, mount);
  }

  /** Splits the X-Vault-Namespace header joined with the API path into the deepest existing
   *  namespace and the path within it, as Vault does (header `a` + path `b/secret/x` is `a/b`).
   *  `missing`: the header itself names a namespace that does not exist (OpenBao: 404 "namespace not found"). */
  resolve(header: string, apiPath: string): { ns: Namespace; rel: string; missing: boolean } {
    const named = trimSlashes(header).split('/').filter(Boolean);
    const segments = [...named, ...apiPath.replace(/^\/+/, '').split('/')];
    let depth = 0;
    while (depth < segments.length - 1 && this.namespaces.has(segments.slice(0, depth + 1).join('/'))) depth++;
    return {
      ns: this.namespace(segments.slice(0, depth).join('/')),
      rel: segments.slice(depth).join('/'),
      missing: depth < named.length,
    };
  }

  mountFor(ns: Namespace, rel: string): Mount | undefined {
    let best: Mount | undefined;
    for (const mount of ns.mounts.values()) {
      if (`${rel}/`.startsWith(mount.path) && (!best || mount.path.length > best.path.length)) best = mount;
    }
    return best;
  }

  issueToken(options: IssueOptions): TokenEntry {
    const suffix = options.ns.path ? `.${options.ns.id}` : '';
    const policies = options.policies.includes('root')
      ? ['root']
      : [...new Set([...options.policies, 'default'])].sort();
    const entry: TokenEntry = {
      id: options.id ?? `hvs.${base62(24)}${suffix}`,
      accessor: `${base62(24)}${suffix}`,
      ns: options.ns,
      policies,
      displayName: options.displayName,
      meta: options.meta,
      path: options.path,
      entityId: options.entityId ?? '',
      issuedAt: Date.now(),
      ttl: options.ttl,
      parent: options.parent,
      revoked: false,
      ...(options.usesLeft === undefined ? {} : { usesLeft: options.usesLeft }),
      ...(options.explicitMaxTtl === undefined ? {} : { explicitMaxTtl: options.explicitMaxTtl }),
      ...(options.renewable === undefined ? {} : { renewable: options.renewable }),
    };
    this.tokens.set(entry.id, entry);
    return entry;
  }

  /** The token if it exists, is not revoked and has not expired. */
  validToken(id: string | undefined): TokenEntry | undefined {
    const entry = id === undefined ? undefined : this.tokens.get(id);
    if (!entry || entry.revoked) return undefined;
    if (entry.ttl > 0 && Date.now() >= entry.issuedAt + entry.ttl * 1000) return undefined;
    return entry;
  }

  /** One request made with the token: a token with num_uses is revoked once they are spent, as Vault does. */
  useToken(entry: TokenEntry): void {
    if (entry.usesLeft === undefined) return;
    entry.usesLeft--;
    if (entry.usesLeft <= 0) this.revoke(entry);
  }

  /** Revokes the token, its children (recursively) and every lease they created. */
  revoke(entry: TokenEntry): void {
    if (entry.revoked) return;
    entry.revoked = true;
    for (const child of this.tokens.values()) if (child.parent === entry) this.revoke(child);
    for (const lease of this.leases.values()) if (lease.tokenAccessor === entry.accessor) lease.revoked = true;
  }

  /** Tokens work in their own namespace and its children. */
  covers(token: TokenEntry, ns: Namespace): boolean {
    return token.ns.path === '' || ns.path === token.ns.path || ns.path.startsWith(`${token.ns.path}/`);
  }

  /** `ns` relative to `from` as a path prefix ('' or 'team-b/'); `from` must cover `ns`. */
  relativePrefix(from: Namespace, ns: Namespace): string {
    const rest = trimSlashes(ns.path.slice(from.path.length));
    return rest ? `${rest}/` : '';
  }

  acl(token: TokenEntry): Acl {
    const rules = token.policies.flatMap((name) => {
      const policy = token.ns.policies.get(name);
      return policy ? [policy] : [];
    });
    return new Acl(rules, token.policies.includes('root'));
  }

  createLease(ns: Namespace, prefix: string, ttl: number, token: TokenEntry): Lease {
    const lease: Lease = {
      id: `${prefix}/${base62(24)}${ns.path ? `.${ns.id}` : ''}`,
      tokenAccessor: token.accessor,
      ttl,
      revoked: false,
    };
    this.leases.set(lease.id, lease);
    return lease;
  }

  /** Logins of the same identity share an entity, as with Vault's entity aliases. */
  entityId(alias: string): string {
    let id = this.entities.get(alias);
    if (!id) this.entities.set(alias, (id = randomUUID()));
    return id;
  }
}
