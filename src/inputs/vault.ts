// Inputs of the Vault stage: where Vault is and how to log in (what to fetch is the spec, read in index.ts).
import * as core from '@actions/core';
import type { AuthConfig, AuthMethod } from '../vault/auth.js';
import type { MaskRegistry } from '../mask/registry.js';
import { say } from '../output.js';
import { bool, choice, InputError, integer, need, nonEmpty, pem, seconds, text } from './read.js';

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
  readonly retries: number;
  readonly concurrency: number;
}

export interface VaultConfig {
  readonly connection: ConnectionConfig;
  readonly auth: AuthConfig;
  /** Revoke the token in post: tokens this step logged in for, or any when asked. */
  readonly revokeToken: boolean;
}

const METHODS: readonly AuthMethod[] = ['token', 'approle', 'jwt', 'kubernetes', 'userpass', 'ldap'];

export function readVaultConfig(masks: MaskRegistry): VaultConfig {
  const connection = readConnectionConfig(masks);
  const auth = readAuth(masks);
  const revoke = choice('vault-revoke-token', ['auto', 'true', 'false'] as const, 'auto');
  return { connection, auth, revokeToken: revoke === 'auto' ? auth.method !== 'token' : revoke === 'true' };
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
    retries: integer('vault-retries', 4, 0, 20),
    concurrency: integer('vault-concurrency', 16, 1, 256),
  };
}

function readAuth(masks: MaskRegistry): AuthConfig {
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
    case 'approle':
      return {
        method,
        mount,
        roleId: need(text('vault-role-id'), 'vault-role-id', 'approle'),
        secretId: need(secret('vault-secret-id'), 'vault-secret-id', 'approle'),
      };
    case 'jwt':
      return {
        method,
        mount,
        role: need(text('vault-role'), 'vault-role', 'jwt'),
        audience: text('vault-jwt-audience'),
        jwt: secret('vault-jwt'),
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
