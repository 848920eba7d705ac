// The child token later steps get instead of the login token (issue 18): auth/token/create
// with the login's policies or a subset, a TTL that no renewal stretches, a use count when
// asked, and metadata naming the run. A child dies with its parent, and post revokes it
// first, so a leaked copy ends with the job.
import type { ChildTokenConfig } from '../inputs/index.js';
import type { VaultApi } from './client.js';
import { VaultRequestError } from './errors.js';

export const CREATE_POLICY_LINE = 'path "auth/token/create" { capabilities = ["update"] }';

/** Why Vault will not create the child: vault-action's drop-in inputs fall back to the login token. */
export class ChildTokenRefused extends Error {
  override name = 'ChildTokenRefused';
}

export interface ChildToken {
  readonly token: string;
  readonly policies: readonly string[];
  /** What Vault granted (lease_duration), which may be less than asked. */
  readonly ttlSeconds: number;
  readonly uses: number;
  /** As Vault stores it (`token-` and the run), for finding it in the audit log. */
  readonly displayName: string;
}

/** The run, from the runner's GITHUB_* variables: names and ids, never a value. */
export function runMeta(env: NodeJS.ProcessEnv): Record<string, string> {
  const from: Record<string, string> = {
    repository: 'GITHUB_REPOSITORY',
    workflow_ref: 'GITHUB_WORKFLOW_REF',
    run_id: 'GITHUB_RUN_ID',
    run_attempt: 'GITHUB_RUN_ATTEMPT',
    job: 'GITHUB_JOB',
    event_name: 'GITHUB_EVENT_NAME',
  };
  const meta: Record<string, string> = {};
  for (const [key, variable] of Object.entries(from)) {
    // a ref is a branch name someone chose: printable text only, and not unbounded
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    const value = (env[variable] ?? '').replace(/[\x00-\x1f\x7f]/g, '').slice(0, 256);
    if (value !== '') meta[key] = value;
  }
  return meta;
}

/** Vault keeps `token-` + the name with every run of other characters made one `-` (token_store.go). */
export function displayName(meta: Readonly<Record<string, string>>): string {
  const parts = ['github', meta['repository'], meta['run_id'], meta['run_attempt'], meta['job']];
  const name = parts
    .filter((p): p is string => p !== undefined)
    .join('-')
    .slice(0, 100);
  return `token-${name}`.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/-+$/, '');
}

/**
 * The create request's body. A subset named while the login's policies are known (every
 * login but the token method) is checked here, before any request: Vault would refuse it too,
 * less clearly. A root parent may grant any policy, as in Vault.
 */
export function childRequest(
  config: ChildTokenConfig,
  parentPolicies: readonly string[],
  env: NodeJS.ProcessEnv,
): Record<string, unknown> {
  if (config.policies !== undefined && parentPolicies.length > 0 && !parentPolicies.includes('root')) {
    const outside = config.policies.filter((p) => !parentPolicies.includes(p));
    if (outside.length > 0)
      throw new Error(
        `vault-child-policies: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not among the login token's policies (${parentPolicies.join(', ')}), and a child token can hold only a subset of them. Name only those, or give the role the policy.`,
      );
  }
  const meta = runMeta(env);
  const ttl = `${config.ttlSeconds}s`;
  return {
    ...(config.policies === undefined ? {} : { policies: config.policies }),
    ttl,
    explicit_max_ttl: ttl,
    num_uses: config.uses,
    renewable: false,
    display_name: displayName(meta).replace(/^token-/, ''),
    meta,
  };
}

export interface CreateChildInput {
  /** The login token's API in the auth namespace. */
  readonly api: VaultApi;
  readonly config: ChildTokenConfig;
  readonly parent: { readonly policies: readonly string[]; readonly batch: boolean };
  /** Registers the child and its accessor as masks, before anything else sees the reply. */
  readonly mask: (name: string, value: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

export async function createChildToken({ api, config, parent, mask, env }: CreateChildInput): Promise<ChildToken> {
  if (parent.batch) throw new ChildTokenRefused(batchMessage());
  const body = childRequest(config, parent.policies, env);
  let reply: unknown;
  try {
    reply = await api.write('auth/token/create', body, 'create the child token');
  } catch (err) {
    throw refusal(err) ?? err;
  }
  const auth = (reply as { auth?: Record<string, unknown> } | undefined)?.auth;
  const token = auth?.['client_token'];
  if (typeof token !== 'string' || token === '')
    throw new Error('Vault create the child token auth/token/create returned no client token.');
  mask('VAULT_CHILD_TOKEN', token);
  if (typeof auth?.['accessor'] === 'string') mask('VAULT_CHILD_TOKEN_ACCESSOR', auth['accessor']);
  if (/[^\x21-\x7e]/.test(token))
    throw new Error(
      'Vault auth/token/create returned a child token with a line break or other character an HTTP header cannot carry: check the Vault server or the proxy in front of it.',
    );
  const policies = Array.isArray(auth?.['policies'])
    ? auth['policies'].filter((p): p is string => typeof p === 'string')
    : [];
  const granted = auth?.['lease_duration'];
  return {
    token,
    policies,
    ttlSeconds: typeof granted === 'number' ? granted : config.ttlSeconds,
    uses: config.uses,
    displayName: displayName(body['meta'] as Record<string, string>),
  };
}

function batchMessage(): string {
  return 'the login token is a batch token, and Vault lets no batch token create a child token: give the role token_type=service, or set vault-child-token: false to deliver the batch token itself (it cannot be revoked, only expire).';
}

/** Vault's answers that mean "no child from this token", in words that say what to change. */
function refusal(err: unknown): Error | undefined {
  if (!(err instanceof VaultRequestError)) return undefined;
  const said = err.vaultErrors.join(' ').toLowerCase();
  if (err.status === 403)
    return new ChildTokenRefused(
      `Vault refused to create the child token (HTTP 403 on auth/token/create): add \`${CREATE_POLICY_LINE}\` to a policy of the login token, or set vault-child-token: false to deliver the login token itself.`,
    );
  if (said.includes('batch')) return new ChildTokenRefused(batchMessage());
  if (said.includes('subset'))
    return new Error(
      "vault-child-policies: Vault refused them (child policies must be a subset of the login token's): name only policies the login token has.",
    );
  return undefined;
}
