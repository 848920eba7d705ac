// Inputs of the Vault stage: where Vault is and how to log in (what to fetch is the spec, read in index.ts).
import * as core from '@actions/core';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { AuthConfig, AuthMethod } from '../vault/auth.js';
import { proxyEnv, type ProxyEnv } from '../vault/proxy-env.js';
import { parsePki, type PkiRequest } from './pki.js';
import type { MaskRegistry } from '../mask/registry.js';
import { bool, choice, InputError, integer, list, need, nonEmpty, pem, seconds, text } from './read.js';
import { say } from '../output.js';
import { runHeaders } from '../vault/audit-headers.js';
import { errorMessage } from '../errors.js';

export interface ConnectionConfig {
  /** As given, for requests (userinfo included, trailing slashes dropped). */
  readonly addr: string;
  /** scheme://host:port only: what the log, the summary and errors show. */
  readonly shownAddr: string;
  readonly namespace: string | undefined;
  readonly authNamespace: string | undefined;
  readonly tls: {
    readonly ca?: string;
    readonly cert?: string;
    readonly key?: string;
    readonly rejectUnauthorized: boolean;
  };
  readonly requestTimeoutMs: number;
  readonly timeoutMs: number;
  /** Post's budget for revocation, retries included: past it the credentials expire at their TTL. */
  readonly revokeTimeoutMs: number;
  readonly retries: number;
  readonly concurrency: number;
  /** vault-max-reply-size in bytes: the largest reply body read from Vault or the OIDC endpoint. */
  readonly maxReplyBytes: number;
  /** vault-extra-headers, sent on every Vault request. */
  readonly headers: Readonly<Record<string, string>>;
  /** The run's identity header (vault-audit-headers, src/vault/audit-headers.ts), built once per step; {} when off. */
  readonly runHeader: Readonly<Record<string, string>>;
  /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY as the runner has them. */
  readonly proxy: ProxyEnv;
}

export interface VaultConfig {
  readonly connection: ConnectionConfig;
  readonly auth: AuthConfig;
  /** Revoke the token in post: tokens this step logged in for, or any when asked. */
  readonly revokeToken: boolean;
  /** vault-pki: certificates to issue, and whether post revokes them (vault-pki-revoke). */
  readonly pki: { readonly requests: readonly PkiRequest[]; readonly revoke: boolean };
  /** The most secrets one folder line (`path/ *`, `path/ **`) may pull. */
  readonly folderLimit: number;
}

const METHODS: readonly AuthMethod[] = [
  'token',
  'approle',
  'jwt',
  'kubernetes',
  'userpass',
  'ldap',
  'github',
  'cert',
  'aws',
  'custom',
];

export function readVaultConfig(masks: MaskRegistry): VaultConfig {
  const connection = readConnectionConfig(masks);
  const auth = readAuth(masks, connection.tls.cert);
  const revoke = choice('vault-revoke-token', ['auto', 'true', 'false'] as const, 'auto');
  return {
    connection,
    auth,
    revokeToken: revoke === 'auto' ? auth.method !== 'token' : revoke === 'true',
    pki: { requests: parsePki(core.getInput('vault-pki')), revoke: bool('vault-pki-revoke', false) },
    folderLimit: integer('vault-folder-limit', 500, 1, 100_000),
  };
}

/** What both steps need to reach Vault (post revokes with it). */
export function readConnectionConfig(masks: MaskRegistry): ConnectionConfig {
  const addr = text('vault-addr') ?? process.env['VAULT_ADDR'] ?? '';
  if (addr === '')
    throw new InputError(
      'vault-addr is empty and VAULT_ADDR is not set: give the Vault address, e.g. https://vault.example.com:8200.',
    );
  let url: URL;
  try {
    url = new URL(addr);
  } catch {
    // not echoed: an address can carry credentials, and this one could not be parsed to find them
    throw new InputError('vault-addr is not a URL: write it as https://host:8200.');
  }
  maskUserinfo(masks, addr, url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(`vault-addr must start with https:// or http://, not ${url.protocol}`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    core.warning(
      say`vault-addr uses plain http to ${url.hostname}: tokens and secrets cross the network unencrypted. Use https.`,
    );
  }
  const skipVerify = bool('vault-tls-skip-verify', false);
  if (skipVerify)
    core.warning(
      'vault-tls-skip-verify is on: the Vault server certificate is not checked, so anyone in the path can read the secrets. Give vault-ca-cert instead.',
    );
  const key = pem('vault-client-key');
  if (key !== undefined) masks.addSecret('vault-client-key', key);
  const cert = pem('vault-client-cert');
  if ((key === undefined) !== (cert === undefined))
    throw new InputError('vault-client-cert and vault-client-key go together: give both or neither.');
  const ca = pem('vault-ca-cert');
  const namespace = text('vault-namespace') ?? nonEmpty(process.env['VAULT_NAMESPACE']);
  return {
    addr: addr.replace(/\/+$/, ''),
    shownAddr: `${url.protocol}//${url.host}`,
    namespace,
    authNamespace: text('vault-auth-namespace') ?? namespace,
    tls: {
      ...(ca !== undefined ? { ca } : {}),
      ...(cert !== undefined ? { cert } : {}),
      ...(key !== undefined ? { key } : {}),
      rejectUnauthorized: !skipVerify,
    },
    requestTimeoutMs: seconds('vault-request-timeout', 10),
    timeoutMs: seconds('vault-timeout', 120),
    revokeTimeoutMs: seconds('vault-revoke-timeout', 5),
    retries: integer('vault-retries', 4, 0, 20),
    concurrency: integer('vault-concurrency', 16, 1, 256),
    maxReplyBytes: integer('vault-max-reply-size', 8, 1, 1024) * 1024 * 1024,
    ...readHeaders(masks),
    proxy: readProxy(masks),
  };
}

/** vault-extra-headers, and the run header unless vault-audit-headers is false: one owner for each name. */
function readHeaders(masks: MaskRegistry): Pick<ConnectionConfig, 'headers' | 'runHeader'> {
  const headers = readExtraHeaders(masks);
  const runHeader = runHeaders(bool('vault-audit-headers', true), process.env);
  const clash = Object.keys(runHeader).find((name) => name.toLowerCase() in headers);
  if (clash !== undefined)
    throw new InputError(
      `vault-extra-headers sets ${clash}, the header the action sends with the run's identity for Vault's audit log: ` +
        'drop that line, or set vault-audit-headers: false to send your own.',
    );
  return { headers, runHeader };
}

function readProxy(masks: MaskRegistry): ProxyEnv {
  let proxy: ProxyEnv;
  try {
    proxy = proxyEnv(process.env);
  } catch (err) {
    throw new InputError(errorMessage(err));
  }
  for (const url of [proxy.https, proxy.http]) if (url?.password) masks.addHandle('proxy password', url.password);
  return proxy;
}

/** Headers Vault reads for the token and namespace: an extra header must not replace them. */
const RESERVED_HEADERS = new Set(['x-vault-token', 'x-vault-namespace', 'authorization']);
/** Headers the transport sets from the request itself. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'accept',
  'connection',
  'transfer-encoding',
]);

/** vault-action's extraHeaders: one `Name: value` a line. Values are masked: they are often access tokens. */
function readExtraHeaders(masks: MaskRegistry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, line] of list('vault-extra-headers').entries()) {
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).trim();
    const value = line.slice(colon + 1).trim();
    const where = `vault-extra-headers line ${i + 1}`;
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new InputError(`${where} is not "Header-Name: value" (a name of letters, digits and "-", then a colon).`);
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower) || TRANSPORT_HEADERS.has(lower))
      throw new InputError(
        `${where}: ${name} is set by the action itself (token, namespace or HTTP framing): use vault-token or vault-namespace instead.`,
      );
    if (lower in out) throw new InputError(`${where}: ${name} is given twice.`);
    masks.addHandle(`header ${name}`, value);
    // What Node's HTTP client refuses in a header value (a CR would end the header): named here, not a raw TypeError.
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value))
      throw new InputError(
        `${where}: the value of ${name} holds a line break, a control character or a character outside Latin-1, ` +
          'which an HTTP header cannot carry: remove it, or give the value encoded (e.g. base64) if the server expects that.',
      );
    out[lower] = value;
  }
  return out;
}

function readAuth(masks: MaskRegistry, cert: string | undefined): AuthConfig {
  const method = choice('vault-method', METHODS, 'token');
  const mount = (text('vault-auth-path') ?? method).replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(mount))
    throw new InputError(
      `vault-auth-path "${mount}" is not a mount path: letters, digits, "_", "-", "." and "/" only.`,
    );
  const secret = (name: string, fallback?: string): string | undefined => {
    const value = text(name) ?? nonEmpty(fallback);
    if (value !== undefined) masks.addHandle(name, value);
    return value;
  };
  switch (method) {
    case 'token': {
      const token = need(
        secret('vault-token', process.env['VAULT_TOKEN']),
        'vault-token',
        'the token method (or set VAULT_TOKEN)',
      );
      // it travels in the X-Vault-Token header, which cannot carry a line break
      if (/[^\x21-\x7e]/.test(token))
        throw new InputError(
          'vault-token (or VAULT_TOKEN) holds a line break, space or other character a Vault token never has: copy the token again, without the line break.',
        );
      return { method, token };
    }
    case 'approle': {
      const secretId = secret('vault-secret-id');
      // Without a secret_id (bind_secret_id=false) the role_id is the whole credential: mask it too.
      const roleId = secretId === undefined ? secret('vault-role-id') : text('vault-role-id');
      return { method, mount, roleId: need(roleId, 'vault-role-id', 'approle'), secretId };
    }
    case 'jwt': {
      const key = readJwtKey(masks);
      return {
        method,
        mount,
        // Without a role Vault uses the mount's default_role, as vault-action allows.
        role: text('vault-role'),
        audience: text('vault-jwt-audience'),
        jwt: secret('vault-jwt'),
        signing: key ? { key, ttlSeconds: integer('vault-jwt-ttl', 3600, 1, 86400) } : undefined,
      };
    }
    case 'github':
      return { method, mount, token: need(secret('vault-github-token'), 'vault-github-token', 'github') };
    case 'custom':
      // No default mount: "custom" names no real auth method.
      need(text('vault-auth-path'), 'vault-auth-path', 'custom');
      return { method, mount, payload: readPayload(masks) };
    case 'cert':
      if (cert === undefined)
        throw new InputError(
          'vault-method cert logs in with a client certificate: give vault-client-cert and vault-client-key.',
        );
      return { method, mount, name: text('vault-cert-role') };
    case 'aws':
      return {
        method,
        mount,
        role: text('vault-aws-role'),
        // Not AWS_REGION: Vault replays the request to the STS endpoint it is configured with, so the
        // region must match Vault's setting, not wherever the job's other AWS calls go.
        region: text('vault-aws-region') ?? 'us-east-1',
        serverId: text('vault-aws-iam-server-id'),
        credentials: readAwsCredentials(masks),
      };
    case 'kubernetes':
      return {
        method,
        mount,
        role: need(text('vault-role'), 'vault-role', 'kubernetes'),
        tokenPath: text('vault-kubernetes-token-path') ?? '/var/run/secrets/kubernetes.io/serviceaccount/token',
      };
    case 'userpass':
    case 'ldap':
      return {
        method,
        mount,
        username: need(text('vault-username'), 'vault-username', method),
        password: need(secret('vault-password'), 'vault-password', method),
      };
  }
}

/** vault-jwt-private-key (PEM, base64 of PEM or a path), decrypted with vault-jwt-key-password. */
function readJwtKey(masks: MaskRegistry): KeyObject | undefined {
  const pemText = pem('vault-jwt-private-key');
  const password = text('vault-jwt-key-password');
  if (password !== undefined) masks.addHandle('vault-jwt-key-password', password);
  if (pemText === undefined) return undefined;
  masks.addSecret('vault-jwt-private-key', pemText);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pemText, ...(password === undefined ? {} : { passphrase: password }) });
  } catch {
    throw new InputError(
      `vault-jwt-private-key cannot be read as a private key${password === undefined ? ' (if it is encrypted, give vault-jwt-key-password)' : ': check vault-jwt-key-password'}.`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new InputError(
      `vault-jwt-private-key is a ${key.asymmetricKeyType ?? 'non-RSA'} key: JWTs are signed RS256, give an RSA key.`,
    );
  return key;
}

/** vault-auth-payload: the JSON object POSTed as is; every string in it is treated as a credential. */
function readPayload(masks: MaskRegistry): Record<string, unknown> {
  const raw = need(text('vault-auth-payload'), 'vault-auth-payload', 'custom');
  masks.addHandle('vault-auth-payload', raw);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new InputError(
      'vault-auth-payload is not JSON: give the login body as a JSON object, e.g. {"role": "ci", "jwt": "..."}.',
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InputError('vault-auth-payload must be a JSON object (the body of the login request).');
  const walk = (v: unknown): void => {
    if (typeof v === 'string') masks.addHandle('vault-auth-payload', v);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(body);
  return body as Record<string, unknown>;
}

/** The runner's AWS credentials, as aws-actions/configure-aws-credentials exports them. */
function readAwsCredentials(masks: MaskRegistry): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
} {
  const accessKeyId = nonEmpty(process.env['AWS_ACCESS_KEY_ID']);
  const secretAccessKey = nonEmpty(process.env['AWS_SECRET_ACCESS_KEY']);
  if (accessKeyId === undefined || secretAccessKey === undefined)
    throw new InputError(
      "vault-method aws signs with the runner's AWS credentials, and AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set: run aws-actions/configure-aws-credentials first.",
    );
  const sessionToken = nonEmpty(process.env['AWS_SESSION_TOKEN']);
  masks.addHandle('AWS_SECRET_ACCESS_KEY', secretAccessKey);
  if (sessionToken !== undefined) masks.addHandle('AWS_SESSION_TOKEN', sessionToken);
  return { accessKeyId, secretAccessKey, sessionToken };
}

/**
 * https://user:pass@vault/: the credentials, and the address in every spelling a job
 * secret or a log could hold (as given, with and without the trailing slash, as URL
 * prints it), are masked before anything prints.
 */
function maskUserinfo(masks: MaskRegistry, addr: string, url: URL): void {
  if (url.username === '' && url.password === '') return;
  const bare = addr.replace(/\/+$/, '');
  for (const spelling of new Set([addr, bare, `${bare}/`, url.href, url.href.replace(/\/+$/, '')]))
    masks.addHandle('vault-addr', spelling);
  const userinfo = addr.slice(addr.indexOf('//') + 2, addr.lastIndexOf('@'));
  masks.addHandle('vault-addr userinfo', userinfo);
  for (const part of [url.password, decoded(url.password)]) masks.addHandle('vault-addr password', part);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
