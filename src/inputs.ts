// The one place that reads action inputs. Everything downstream gets typed, validated
// config. Credentials given as inputs are masked the moment they are read.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { parseSpec, type SecretRequest } from './spec/index.js';
import type { AuthConfig, AuthMethod } from './vault/auth.js';
import type { MaskRegistry } from './mask/registry.js';

/** Bad input: the message names the input and says what to write instead. */
export class InputError extends Error {
  override name = 'InputError';
}

export const DELIVERIES = ['files', 'env-file', 'env', 'outputs'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface ConnectionConfig {
  readonly addr: string;
  readonly namespace: string | undefined;
  readonly authNamespace: string | undefined;
  readonly tls: { readonly ca?: string; readonly cert?: string; readonly key?: string; readonly rejectUnauthorized: boolean };
  readonly requestTimeoutMs: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly concurrency: number;
}

export interface MainConfig {
  readonly connection: ConnectionConfig;
  readonly auth: AuthConfig;
  /** Revoke the token in post: tokens this step logged in for, or any when asked. */
  readonly revokeToken: boolean;
  readonly requests: readonly SecretRequest[];
  readonly deliveries: ReadonlySet<Delivery>;
  readonly filesBaseDir: string | undefined;
  readonly summary: boolean;
}

const METHODS: readonly AuthMethod[] = ['token', 'approle', 'jwt', 'kubernetes', 'userpass', 'ldap'];

export function readMainConfig(masks: MaskRegistry): MainConfig {
  const connection = readConnectionConfig(masks);
  const auth = readAuth(masks);
  const requests = readSpec();
  const revoke = choice('vault-revoke-token', ['auto', 'true', 'false'] as const, 'auto');
  const filesBase = text('files-base-dir');
  return {
    connection,
    auth,
    revokeToken: revoke === 'auto' ? auth.method !== 'token' : revoke === 'true',
    requests,
    deliveries: readDeliveries(),
    filesBaseDir: filesBase,
    summary: bool('summary', true),
  };
}

/** What both steps need to reach Vault (post revokes with it). */
export function readConnectionConfig(masks: MaskRegistry): ConnectionConfig {
  const addr = text('vault-addr') ?? process.env['VAULT_ADDR'] ?? '';
  if (addr === '') throw new InputError('vault-addr is empty and VAULT_ADDR is not set: give the Vault address, e.g. https://vault.example.com:8200.');
  let url: URL;
  try {
    url = new URL(addr);
  } catch {
    throw new InputError(`vault-addr "${addr}" is not a URL: write it as https://host:8200.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError(`vault-addr must start with https:// or http://, not ${url.protocol}`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    core.warning(`vault-addr uses plain http to ${url.hostname}: tokens and secrets cross the network unencrypted. Use https.`);
  }
  const skipVerify = bool('vault-tls-skip-verify', false);
  if (skipVerify) core.warning('vault-tls-skip-verify is on: the Vault server certificate is not checked, so anyone in the path can read the secrets. Give vault-ca-cert instead.');
  const key = pem('vault-client-key');
  if (key !== undefined) masks.addSecret('vault-client-key', key);
  const cert = pem('vault-client-cert');
  if ((key === undefined) !== (cert === undefined)) throw new InputError('vault-client-cert and vault-client-key go together: give both or neither.');
  const ca = pem('vault-ca-cert');
  const namespace = text('vault-namespace') ?? nonEmpty(process.env['VAULT_NAMESPACE']);
  return {
    addr: addr.replace(/\/+$/, ''),
    namespace,
    authNamespace: text('vault-auth-namespace') ?? namespace,
    tls: { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}), rejectUnauthorized: !skipVerify },
    requestTimeoutMs: seconds('vault-request-timeout', 10),
    timeoutMs: seconds('vault-timeout', 120),
    retries: integer('vault-retries', 4, 0, 20),
    concurrency: integer('vault-concurrency', 16, 1, 256),
  };
}

function readAuth(masks: MaskRegistry): AuthConfig {
  const method = choice('vault-method', METHODS, 'token');
  const mount = (text('vault-auth-path') ?? method).replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(mount)) throw new InputError(`vault-auth-path "${mount}" is not a mount path: letters, digits, "_", "-", "." and "/" only.`);
  const secret = (name: string, fallback?: string): string | undefined => {
    const value = text(name) ?? nonEmpty(fallback);
    if (value !== undefined) masks.addHandle(name, value);
    return value;
  };
  switch (method) {
    case 'token':
      return { method, token: need(secret('vault-token', process.env['VAULT_TOKEN']), 'vault-token', 'the token method (or set VAULT_TOKEN)') };
    case 'approle':
      return {
        method,
        mount,
        roleId: need(text('vault-role-id'), 'vault-role-id', 'approle'),
        secretId: need(secret('vault-secret-id'), 'vault-secret-id', 'approle'),
      };
    case 'jwt':
      return { method, mount, role: need(text('vault-role'), 'vault-role', 'jwt'), audience: text('vault-jwt-audience'), jwt: secret('vault-jwt') };
    case 'kubernetes':
      return {
        method,
        mount,
        role: need(text('vault-role'), 'vault-role', 'kubernetes'),
        tokenPath: text('vault-kubernetes-token-path') ?? '/var/run/secrets/kubernetes.io/serviceaccount/token',
      };
    case 'userpass':
    case 'ldap':
      return { method, mount, username: need(text('vault-username'), 'vault-username', method), password: need(secret('vault-password'), 'vault-password', method) };
  }
}

function readSpec(): SecretRequest[] {
  return parseSpec(core.getInput('secrets'));
}

function readDeliveries(): Set<Delivery> {
  const words = (text('deliver') ?? 'files').split(/[\s,]+/).filter(Boolean);
  const out = new Set<Delivery>();
  for (const w of words) {
    if (!(DELIVERIES as readonly string[]).includes(w)) throw new InputError(`deliver: "${w}" is not one of ${DELIVERIES.join(', ')}.`);
    out.add(w as Delivery);
  }
  if (out.size === 0) throw new InputError(`deliver is empty: give one or more of ${DELIVERIES.join(', ')}.`);
  return out;
}

/** PEM text, a path to a PEM file, or base64 of PEM (as hashicorp/vault-action takes). */
function pem(name: string): string | undefined {
  const value = text(name);
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN')) return value;
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) && value.length > 64 ? Buffer.from(value, 'base64').toString('utf8') : '';
  if (decoded.includes('-----BEGIN')) return decoded;
  try {
    const file = readFileSync(value, 'utf8');
    if (file.includes('-----BEGIN')) return file;
  } catch (err) {
    throw new InputError(`${name}: cannot read the file "${value}" (${(err as NodeJS.ErrnoException).code ?? 'error'}): give PEM text, base64 of it, or a readable path.`);
  }
  throw new InputError(`${name}: "${value}" holds no PEM block: give PEM text, base64 of it, or a path to a PEM file.`);
}

function text(name: string): string | undefined {
  return nonEmpty(core.getInput(name));
}

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t === undefined || t === '' ? undefined : t;
}

function need(v: string | undefined, name: string, forWhat: string): string {
  if (v === undefined) throw new InputError(`${name} is required for ${forWhat}.`);
  return v;
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = text(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(`${name}: "${v}" is not one of ${allowed.join(', ')}.`);
  return v as T;
}

function bool(name: string, fallback: boolean): boolean {
  const v = text(name)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new InputError(`${name}: "${v}" is not true or false.`);
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const v = text(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${name}: "${v}" must be a whole number from ${min} to ${max}.`);
  return n;
}

function seconds(name: string, fallback: number): number {
  const v = text(name);
  if (v === undefined) return fallback * 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InputError(`${name}: "${v}" must be a number of seconds above 0 and at most 3600.`);
  return Math.round(n * 1000);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
