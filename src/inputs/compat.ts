// hashicorp/vault-action's inputs, in one table: each of its names is an alias of one of
// ours, read through the same typed readers (read.ts), so a `with:` block written for
// vault-action works unchanged. Using any of them turns on compatibility mode, in which
// env and outputs are delivered as vault-action delivers them (files as well).
import * as core from '@actions/core';
import { InputError } from './read.js';

/** vault-action's name -> ours. Names ours lacks on this branch are wired up where their reader lives. */
export const ALIASES: Readonly<Record<string, string>> = {
  url: 'vault-addr',
  namespace: 'vault-namespace',
  method: 'vault-method',
  path: 'vault-auth-path',
  token: 'vault-token',
  role: 'vault-role',
  roleId: 'vault-role-id',
  secretId: 'vault-secret-id',
  username: 'vault-username',
  password: 'vault-password',
  githubToken: 'vault-github-token',
  jwtGithubAudience: 'vault-jwt-audience',
  jwtPrivateKey: 'vault-jwt-private-key',
  jwtKeyPassword: 'vault-jwt-key-password',
  jwtTtl: 'vault-jwt-ttl',
  kubernetesTokenPath: 'vault-kubernetes-token-path',
  authPayload: 'vault-auth-payload',
  extraHeaders: 'vault-extra-headers',
  caCertificate: 'vault-ca-cert',
  clientCertificate: 'vault-client-cert',
  clientKey: 'vault-client-key',
  tlsSkipVerify: 'vault-tls-skip-verify',
  pki: 'vault-pki',
};

/** vault-action's inputs that have no kebab-case twin: they shape delivery (read in readCompatConfig). */
export const COMPAT_ONLY = ['exportEnv', 'exportToken', 'outputToken', 'ignoreNotFound', 'secretEncodingType'] as const;

/**
 * Our inputs whose action.yml default is always present: equal to it, they count as
 * unset, so `method: approle` does not clash with the runner-supplied `vault-method: token`.
 */
const OWN_DEFAULTS: Readonly<Record<string, string>> = {
  'vault-method': 'token',
  'vault-kubernetes-token-path': '/var/run/secrets/kubernetes.io/serviceaccount/token',
  'vault-tls-skip-verify': 'false',
};

/** vault-action's methods; any other with authPayload is its "custom" login at auth/METHOD/login. */
const THEIR_METHODS = ['approle', 'token', 'github', 'jwt', 'kubernetes', 'ldap', 'userpass'];

const OURS_TO_THEIRS = new Map(Object.entries(ALIASES).map(([theirs, ours]) => [ours, theirs]));

const given = (name: string): string | undefined => {
  const v = core.getInput(name);
  return v.trim() === '' ? undefined : v;
};

/** True when the workflow uses any of vault-action's own input names. */
export function isCompatMode(): boolean {
  return [...Object.keys(ALIASES), ...COMPAT_ONLY].some((name) => given(name) !== undefined);
}

/**
 * The raw value of one of our inputs, taking vault-action's alias into account.
 * Both given with different values is an error naming both.
 */
export function rawInput(name: string): string {
  const own = core.getInput(name);
  const theirName = OURS_TO_THEIRS.get(name);
  const theirs = theirName === undefined ? undefined : given(theirName);
  if (theirName === undefined || theirs === undefined)
    return name === 'vault-auth-path' ? (compatAuthPath() ?? own) : own;
  if (ownGiven(name) && own.trim() !== theirs.trim())
    throw new InputError(
      `${theirName} and ${name} are both set: ${theirName} is hashicorp/vault-action's name for ${name}. Keep one of them.`,
    );
  if (theirName === 'method') return methodOf(theirs);
  return theirs;
}

/** Our input given by the workflow (not just its action.yml default). */
function ownGiven(name: string): boolean {
  const own = core.getInput(name).trim();
  return own !== '' && own !== OWN_DEFAULTS[name];
}

/**
 * An input error in the words of a workflow written for vault-action: each of our names
 * the workflow did not use itself is shown by vault-action's (`url "x" is not a URL`).
 */
export function inTheirNames(message: string): string {
  let out = message;
  for (const [theirs, ours] of Object.entries(ALIASES)) {
    if (ownGiven(ours)) continue;
    out = out.replace(new RegExp(`(?<![\\w-])${ours}(?![\\w-])`, 'g'), theirs);
  }
  return out;
}

/** vault-action lower-cases the method, and logs in to any other method that has an authPayload. */
function methodOf(theirs: string): string {
  const method = theirs.trim().toLowerCase();
  return THEIR_METHODS.includes(method) || given('authPayload') === undefined ? method : 'custom';
}

/** The auth mount of a vault-action custom method is the method's name unless `path` says otherwise. */
function compatAuthPath(): string | undefined {
  const method = given('method')?.trim().toLowerCase();
  if (method === undefined || THEIR_METHODS.includes(method) || given('authPayload') === undefined) return undefined;
  return method;
}

export const ENCODINGS = ['base64', 'hex', 'utf8'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface CompatConfig {
  /** exportEnv (default true): env as well as outputs. */
  readonly exportEnv: boolean;
  readonly ignoreNotFound: boolean;
  /** Decode each selected value from this encoding before delivering it. */
  readonly encoding: Encoding | undefined;
}

/** vault-action reads its switches loosely: anything but "false" is true (exportEnv), or the reverse. */
export function readCompatConfig(): CompatConfig {
  const encoding = given('secretEncodingType')?.trim();
  if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding))
    throw new InputError(`secretEncodingType: "${encoding}" is not one of ${ENCODINGS.join(', ')}.`);
  return {
    exportEnv: given('exportEnv')?.trim().toLowerCase() !== 'false',
    ignoreNotFound: (given('ignoreNotFound')?.trim().toLowerCase() ?? 'false') !== 'false',
    encoding: encoding as Encoding | undefined,
  };
}

/** exportToken -> env VAULT_TOKEN, outputToken -> output vault_token; the file comes with either. */
export function compatTokenDeliveries(): ('env' | 'outputs')[] {
  const on = (name: string): boolean => (given(name)?.trim().toLowerCase() ?? 'false') !== 'false';
  return [...(on('exportToken') ? (['env'] as const) : []), ...(on('outputToken') ? (['outputs'] as const) : [])];
}
