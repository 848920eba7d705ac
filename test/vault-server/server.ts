// A Vault-compatible HTTP server for end-to-end tests, benchmarks and the demo: it speaks Vault's
// documented API (status codes, JSON bodies, headers) over real sockets, keeps its state in memory,
// serves a GitHub-style OIDC token endpoint, and can inject faults and latency.
import {
  X509Certificate,
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection, LIST_MARKER } from './connection.js';
import { Faults, faultReply, oversize, trickle, truncateBody, type FaultRule } from './faults.js';
import { Hostile } from './hostile.js';
import { isRecord, signJwt } from './jwt.js';
import { TestCa } from './certs.js';
import { writeKv } from './kv.js';
import type { Capability, PolicyRule } from './policy.js';
import { badRequest, errorReply, multiError, str, type Operation, type Reply } from './reply.js';
import { route } from './router.js';
import { VaultState, base62, mountBase, trimSlashes, type Mount, type Namespace } from './state.js';
import { DEFAULT_TOKEN_TTL } from './token.js';

export type { FaultRule } from './faults.js';
export type { Capability, PolicyRule } from './policy.js';

export interface DevServerOptions {
  host?: string;
  port?: number;
  rootToken?: string;
  latencyMs?: number;
  /**
   * PEM strings. With requestClientCert, only clients with a certificate signed by `ca` get in. With
   * askClientCert, the server asks for a certificate and lets anyone in, as Vault does: cert auth checks it.
   */
  tls?: { key: string; cert: string; ca?: string; requestClientCert?: boolean; askClientCert?: boolean };
}

export interface RequestRecord {
  method: string; // LIST as sent, not the GET it travels as internally
  path: string; // the API path after /v1/, decoded, without the query: 'secret/data/ci/app' (the OIDC route: '_oidc/token')
  url: string; // the request target as received: '/v1/secret/data/ci/app?version=1'
  status: number; // 0 until answered; stays 0 for reset and hang faults
  namespace: string; // resolved namespace, '' for root
  connectionId: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Epoch ms when the request arrived and when its reply was sent (0 until then): for the bench's timeline. */
  receivedAt: number;
  answeredAt: number;
  /** The reply's request_id ('' for none), what Vault's audit log records as `request.id`. */
  requestId: string;
}

export interface VaultDevServer {
  readonly url: string;
  readonly rootToken: string;
  close(): Promise<void>;
  latencyMs: number;
  mountKv(ns: string, mount: string, version: 1 | 2): void;
  putKv(ns: string, mount: string, path: string, data: Record<string, unknown>): void;
  mountDatabase(ns: string, mount: string, roles: string[], ttlSeconds?: number): void;
  /** A PKI engine with its own CA; returns the CA certificate (PEM). */
  mountPki(
    ns: string,
    mount: string,
    roles: Record<string, { allowedDomains: string[]; allowSubdomains?: boolean; maxTtlSeconds?: number }>,
  ): string;
  /** Certificates a PKI mount issued, by serial, and whether each is revoked. */
  pkiCertificates(ns: string, mount: string): { serial: string; revoked: boolean }[];
  addPolicy(ns: string, name: string, rules: { path: string; capabilities: Capability[] }[]): void;
  createToken(opts: { ns?: string; policies: string[]; ttlSeconds?: number }): string;
  enableAppRole(
    ns: string,
    mount: string,
    role: string,
    opts: { roleId: string; secretId: string | undefined; policies: string[] },
  ): void;
  /** GitHub auth; `tokens` maps each personal access token GitHub would accept to its user. */
  enableGithub(
    ns: string,
    mount: string,
    opts: { organization: string; tokens: Record<string, { login: string; policies: string[] }> },
  ): void;
  /** Cert auth: each cert role trusts client certificates issued by its CA (PEM). */
  enableCert(ns: string, mount: string, certs: Record<string, { caPem: string; policies: string[] }>): void;
  /** AWS IAM auth, with the STS stand-in's identities (access key id -> secret and ARN). */
  enableAws(
    ns: string,
    mount: string,
    opts: {
      serverId?: string;
      stsUrl?: string;
      stsRegion?: string;
      identities: Record<string, { secretAccessKey: string; sessionToken?: string; arn: string }>;
      roles: Record<string, { boundIamPrincipalArn: string; policies: string[] }>;
    },
  ): void;
  enableJwt(
    ns: string,
    mount: string,
    opts: {
      publicKeyPem: string;
      roles: Record<
        string,
        { boundAudiences: string[]; boundClaims?: Record<string, string>; userClaim?: string; policies: string[] }
      >;
    },
  ): void;
  enableKubernetes(
    ns: string,
    mount: string,
    opts: { roles: Record<string, { serviceAccountJwts: string[]; policies: string[] }> },
  ): void;
  enableUserpass(ns: string, mount: string, users: Record<string, { password: string; policies: string[] }>): void;
  enableLdap(ns: string, mount: string, users: Record<string, { password: string; policies: string[] }>): void;
  readonly oidc: {
    requestUrl: string;
    requestToken: string;
    sign(claims: Record<string, unknown>): string;
    publicKeyPem: string;
  };
  isTokenValid(token: string): boolean;
  isTokenRevoked(token: string): boolean;
  leases(): { id: string; revoked: boolean; tokenAccessor: string }[];
  /** Every token issued so far (the root token included), with the path that issued it. */
  tokens(): { id: string; path: string; revoked: boolean }[];
  requests: RequestRecord[];
  connectionsOpened: number;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Hostile replies on or off (see hostile.ts); off by default. */
  setHostile(on: boolean): void;
}

/** What the OIDC stand-in puts in its tokens, like a push to main of octo-org/octo-repo. */
export const GITHUB_OIDC = {
  issuer: 'https://token.actions.githubusercontent.com',
  defaultAudience: 'https://github.com/octo-org',
  repository: 'octo-org/octo-repo',
  ref: 'refs/heads/main',
  subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
  tokenLifetimeSeconds: 300,
} as const;

const OIDC_PATH = '_oidc/token';

export async function startVaultDevServer(options: DevServerOptions = {}): Promise<VaultDevServer> {
  const server = new DevServer(options);
  await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
  return server;
}

class DevServer implements VaultDevServer {
  url = '';
  latencyMs: number;
  connectionsOpened = 0;
  requests: RequestRecord[] = [];
  readonly rootToken: string;
  readonly oidc: VaultDevServer['oidc'];
  private readonly state = new VaultState();
  private readonly faults = new Faults();
  private readonly hostile = new Hostile();
  private readonly server: http.Server;
  private connectionIds = 0;

  constructor(options: DevServerOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.rootToken = this.state.issueToken({
      id: options.rootToken ?? `hvs.${base62(24)}`,
      ns: this.state.namespace(''),
      policies: ['root'],
      displayName: 'root',
      meta: null,
      path: 'auth/token/root',
      ttl: 0,
    }).id;

    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 40);
    this.oidc = {
      requestUrl: '', // known once listening
      requestToken: base62(32),
      sign: (claims) => signJwt(claims, privateKey, kid),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };

    const { tls } = options;
    this.server = tls
      ? https.createServer({
          key: tls.key,
          cert: tls.cert,
          ...(tls.ca === undefined ? {} : { ca: tls.ca }),
          requestCert: (tls.requestClientCert ?? false) || (tls.askClientCert ?? false),
          rejectUnauthorized: tls.requestClientCert ?? false,
        })
      : http.createServer();
    // A client that goes away mid-request rejects the body read; there is nobody left to answer.
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch(() => res.destroy());
    });
    // Route every accepted socket through Connection (see connection.ts) on its way to the HTTP layer.
    const event = tls ? 'secureConnection' : 'connection';
    const [httpListener] = this.server.listeners(event) as ((connection: Duplex) => void)[];
    if (!httpListener) throw new Error(`node:http registers no ${event} listener any more`);
    this.server.removeAllListeners(event);
    this.server.on(event, (socket: Socket) =>
      httpListener.call(this.server, new Connection(socket, ++this.connectionIds)),
    );
    this.server.on('connection', () => this.connectionsOpened++);
  }

  async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    const scheme = this.server instanceof https.Server ? 'https' : 'http';
    this.url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    this.oidc.requestUrl = `${this.url}/${OIDC_PATH}?api-version=2.0`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- seeding -------------------------------------------------------------------------------

  private ns(path: string): Namespace {
    return this.state.namespace(path);
  }

  private mountAt(ns: string, path: string): Mount | undefined {
    return this.ns(ns).mounts.get(`${trimSlashes(path)}/`);
  }

  mountKv(ns: string, mount: string, version: 1 | 2): void {
    this.state.addMount(this.ns(ns), { ...mountBase(mount, 'kv'), type: 'kv', version, entries: new Map() });
  }

  putKv(ns: string, mount: string, path: string, data: Record<string, unknown>): void {
    const kv = this.mountAt(ns, mount);
    if (kv?.type !== 'kv') throw new Error(`no kv mount "${mount}" in namespace "${ns}"`);
    writeKv(kv, trimSlashes(path), data);
  }

  mountDatabase(ns: string, mount: string, roles: string[], ttlSeconds = 3600): void {
    const roleTtls = new Map(roles.map((role) => [role, ttlSeconds]));
    this.state.addMount(this.ns(ns), { ...mountBase(mount, 'database'), type: 'database', roles: roleTtls });
  }

  mountPki(ns: string, mount: string, roles: Parameters<VaultDevServer['mountPki']>[2]): string {
    const ca = new TestCa(`${mount} CA`);
    const pkiRoles = Object.entries(roles).map(
      ([name, r]) =>
        [
          name,
          {
            allowedDomains: r.allowedDomains,
            allowSubdomains: r.allowSubdomains ?? false,
            maxTtlSeconds: r.maxTtlSeconds ?? 3600,
          },
        ] as const,
    );
    this.state.addMount(this.ns(ns), {
      ...mountBase(mount, 'pki'),
      type: 'pki',
      ca,
      roles: new Map(pkiRoles),
      issued: new Map(),
    });
    return ca.cert;
  }

  pkiCertificates(ns: string, mount: string): { serial: string; revoked: boolean }[] {
    const pki = this.mountAt(ns, mount);
    if (pki?.type !== 'pki') return [];
    return [...pki.issued].map(([serial, c]) => ({ serial, revoked: c.revokedAt !== undefined }));
  }

  addPolicy(ns: string, name: string, rules: PolicyRule[]): void {
    this.ns(ns).policies.set(name, rules);
  }

  createToken(opts: { ns?: string; policies: string[]; ttlSeconds?: number }): string {
    return this.state.issueToken({
      ns: this.ns(opts.ns ?? ''),
      policies: opts.policies,
      displayName: 'token',
      meta: null,
      path: 'auth/token/create',
      ttl: opts.ttlSeconds ?? DEFAULT_TOKEN_TTL,
    }).id;
  }

  enableAppRole(
    ns: string,
    mount: string,
    role: string,
    opts: { roleId: string; secretId: string | undefined; policies: string[] },
  ): void {
    let approle = this.mountAt(ns, `auth/${mount}`);
    if (approle?.type !== 'approle') {
      approle = { ...mountBase(`auth/${mount}`, 'auth_approle'), type: 'approle', roles: new Map() };
      this.state.addMount(this.ns(ns), approle);
    }
    approle.roles.set(role, { ...opts });
  }

  enableGithub(ns: string, mount: string, opts: Parameters<VaultDevServer['enableGithub']>[2]): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_github'),
      type: 'github',
      organization: opts.organization,
      tokens: new Map(Object.entries(opts.tokens)),
    });
  }

  enableCert(ns: string, mount: string, certs: Parameters<VaultDevServer['enableCert']>[2]): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_cert'),
      type: 'cert',
      certs: new Map(
        Object.entries(certs).map(([name, c]) => [name, { ca: new X509Certificate(c.caPem), policies: c.policies }]),
      ),
    });
  }

  enableAws(ns: string, mount: string, opts: Parameters<VaultDevServer['enableAws']>[2]): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_aws'),
      type: 'aws',
      serverId: opts.serverId,
      stsUrl: opts.stsUrl ?? 'https://sts.amazonaws.com/',
      stsRegion: opts.stsRegion ?? 'us-east-1',
      identities: new Map(Object.entries(opts.identities)),
      roles: new Map(Object.entries(opts.roles)),
    });
  }

  enableJwt(ns: string, mount: string, opts: Parameters<VaultDevServer['enableJwt']>[2]): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_jwt'),
      type: 'jwt',
      publicKey: createPublicKey(opts.publicKeyPem),
      roles: new Map(Object.entries(opts.roles)),
    });
  }

  enableKubernetes(ns: string, mount: string, opts: Parameters<VaultDevServer['enableKubernetes']>[2]): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_kubernetes'),
      type: 'kubernetes',
      roles: new Map(Object.entries(opts.roles)),
    });
  }

  enableUserpass(ns: string, mount: string, users: Record<string, { password: string; policies: string[] }>): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_userpass'),
      type: 'userpass',
      users: new Map(Object.entries(users)),
    });
  }

  enableLdap(ns: string, mount: string, users: Record<string, { password: string; policies: string[] }>): void {
    this.state.addMount(this.ns(ns), {
      ...mountBase(`auth/${mount}`, 'auth_ldap'),
      type: 'ldap',
      users: new Map(Object.entries(users)),
    });
  }

  // ---- observation and faults ----------------------------------------------------------------

  isTokenValid(token: string): boolean {
    return this.state.validToken(token) !== undefined;
  }

  isTokenRevoked(token: string): boolean {
    return this.state.tokens.get(token)?.revoked === true;
  }

  leases(): { id: string; revoked: boolean; tokenAccessor: string }[] {
    return [...this.state.leases.values()].map(({ id, revoked, tokenAccessor }) => ({ id, revoked, tokenAccessor }));
  }

  tokens(): { id: string; path: string; revoked: boolean }[] {
    return [...this.state.tokens.values()].map(({ id, path, revoked }) => ({ id, path, revoked }));
  }

  addFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setHostile(on: boolean): void {
    this.hostile.on = on;
  }

  // ---- request handling ----------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const connection = req.socket as unknown as Connection;
    const method = req.headers[LIST_MARKER] === 'LIST' ? 'LIST' : (req.method ?? 'GET');
    // LIST_MARKER is a constant: the test client's stand-in for the LIST method, removed before recording
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    delete req.headers[LIST_MARKER];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    connection.expectRequest();
    const body = Buffer.concat(chunks).toString('utf8');

    const url = new URL(req.url ?? '/', 'http://vault');
    const apiPath = url.pathname.startsWith('/v1/')
      ? safeDecode(url.pathname.slice(4))
      : url.pathname === `/${OIDC_PATH}`
        ? OIDC_PATH
        : undefined;
    const op = operation(method, url.searchParams);
    const target =
      apiPath === undefined || apiPath === OIDC_PATH
        ? undefined
        : this.state.resolve(
            str(req.headers['x-vault-namespace']),
            op === 'list' && !apiPath.endsWith('/') ? `${apiPath}/` : apiPath,
          );
    const record: RequestRecord = {
      method,
      path: apiPath ?? url.pathname,
      url: req.url ?? '',
      status: 0,
      namespace: target?.ns.path ?? '',
      connectionId: connection.id,
      headers: req.headers,
      body,
      receivedAt: Date.now(),
      answeredAt: 0,
      requestId: '',
    };
    this.requests.push(record);

    const fault = apiPath === undefined ? undefined : this.faults.take(method, apiPath);
    if (fault && 'reset' in fault) {
      connection.reset();
      return;
    }
    if (fault && 'hang' in fault) return; // never answered; close() destroys the socket
    if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    let reply: Reply;
    try {
      if (fault && 'status' in fault) reply = faultReply(fault, apiPath ?? '');
      else if (apiPath === OIDC_PATH) reply = this.issueIdToken(method, req.headers.authorization, url.searchParams);
      else if (!target || !op || (method === 'HEAD' && target.rel !== 'sys/health'))
        reply = errorReply(target ? 405 : 404);
      else if (target.missing) reply = errorReply(404, 'namespace not found');
      else reply = this.handle(target.ns, target.rel, op, body, req.headers, url.searchParams, clientCert(connection));
    } catch (err) {
      reply = errorReply(500, String(err));
    }
    reply = this.hostile.apply(reply, this.state);
    record.status = reply.status;
    const requestId = (reply.body as { request_id?: unknown } | undefined)?.request_id;
    record.requestId = typeof requestId === 'string' ? requestId : '';
    res.statusCode = reply.status;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    const text = reply.body === undefined ? undefined : `${JSON.stringify(reply.body)}\n`;
    if (fault && 'oversize' in fault) {
      res.statusCode = 200;
      oversize(res, fault.oversize, fault.declared === true);
      return;
    }
    if (fault && 'trickle' in fault) {
      if (res.statusCode === 204) res.statusCode = 200; // a 204 has no body to trickle
      trickle(res, text ?? '', fault.everyMs);
      return;
    }
    res.end(fault && 'truncate' in fault && text !== undefined ? truncateBody(text) : text);
    record.answeredAt = Date.now();
  }

  /** Vault's order: find the route, then (unless it is a login path) the token, then the ACL. */
  private handle(
    ns: Namespace,
    rel: string,
    op: Operation,
    rawBody: string,
    headers: IncomingHttpHeaders,
    query: URLSearchParams,
    cert: X509Certificate | undefined,
  ): Reply {
    let body: unknown = {};
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch (err) {
        return badRequest(`failed to parse JSON input: ${(err as Error).message}`);
      }
    }
    if (!isRecord(body)) return badRequest('failed to parse JSON input: expected a JSON object');

    const target = route(this.state, ns, rel, op);
    const token = this.state.validToken(tokenFrom(headers));
    const ctx = { state: this.state, ns, rel, op, body, query, token, clientCert: cert, headers };
    if (target.unauthenticated) return target.run(ctx);
    if (!token) return errorReply(403, 'permission denied');
    const aclPath = this.state.relativePrefix(token.ns, ns) + rel;
    if (!this.state.covers(token, ns) || !this.state.acl(token).allows(aclPath, target.capability ?? CAPABILITY[op])) {
      return errorReply(403, multiError('permission denied'));
    }
    const reply = target.run({ ...ctx, token });
    this.state.useToken(token);
    return reply;
  }

  private issueIdToken(method: string, authorization: string | undefined, query: URLSearchParams): Reply {
    if (method !== 'GET') return errorReply(405);
    if (authorization !== `Bearer ${this.oidc.requestToken}`)
      return { status: 401, body: { message: 'Bad credentials' } };
    const now = Math.floor(Date.now() / 1000);
    const value = this.oidc.sign({
      jti: randomUUID(),
      sub: GITHUB_OIDC.subject,
      aud: query.get('audience') || GITHUB_OIDC.defaultAudience,
      ref: GITHUB_OIDC.ref,
      sha: randomBytes(20).toString('hex'),
      repository: GITHUB_OIDC.repository,
      repository_owner: GITHUB_OIDC.repository.split('/')[0],
      run_id: '1',
      run_attempt: '1',
      actor: 'octocat',
      workflow: 'CI',
      event_name: 'push',
      ref_type: 'branch',
      iss: GITHUB_OIDC.issuer,
      nbf: now,
      exp: now + GITHUB_OIDC.tokenLifetimeSeconds,
      iat: now,
    });
    return { status: 200, body: { value } };
  }
}

const CAPABILITY: Record<Operation, Capability> = { read: 'read', list: 'list', update: 'update', delete: 'delete' };

function operation(method: string, query: URLSearchParams): Operation | undefined {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return query.get('list') === 'true' ? 'list' : 'read';
    case 'LIST':
      return 'list';
    case 'POST':
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return undefined;
  }
}

/** The certificate a TLS client presented, if any. */
function clientCert(connection: Connection): X509Certificate | undefined {
  if (!(connection.socket instanceof TLSSocket)) return undefined;
  const raw = connection.socket.getPeerCertificate().raw as Buffer | undefined;
  return raw && raw.length > 0 ? new X509Certificate(raw) : undefined;
}

function tokenFrom(headers: IncomingHttpHeaders): string | undefined {
  const direct = str(headers['x-vault-token']);
  return direct || /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
