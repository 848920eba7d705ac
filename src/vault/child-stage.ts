// Main's step from the login token to the token later steps get: a child of it (src/vault/child.ts),
// masked and recorded for post before anything else happens, or the login token itself when the
// workflow opted out, or when hashicorp/vault-action's drop-in inputs meet a Vault that refuses.
import * as core from '@actions/core';
import type { ChildTokenConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { Secret } from '../secret.js';
import { recordChildToken, type SessionPaths } from '../state.js';
import type { LoginResult } from './auth.js';
import { ChildTokenRefused, createChildToken, type ChildToken } from './child.js';
import type { VaultApi } from './client.js';
import { inertMessage, say } from '../output.js';

export interface DeliveredToken {
  readonly token: Secret;
  /** For the summary: what later steps hold. */
  readonly line: string;
}

export interface ChildStageInput {
  /** The login token's API in the auth namespace. */
  readonly api: VaultApi;
  readonly config: ChildTokenConfig | undefined;
  readonly login: LoginResult;
  readonly masks: MaskRegistry;
  readonly session: SessionPaths;
}

export async function tokenForLaterSteps({
  api,
  config,
  login,
  masks,
  session,
}: ChildStageInput): Promise<DeliveredToken> {
  const parent = {
    token: new Secret('VAULT_TOKEN', 'login token', login.token),
    line: 'Later steps got the login token itself (vault-child-token: false).',
  };
  if (config === undefined) return parent;
  let child: ChildToken;
  try {
    child = await createChildToken({
      api,
      config,
      parent: login,
      mask: (name, value) => masks.addHandle(name, value),
      env: process.env,
    });
  } catch (err) {
    if (!(err instanceof ChildTokenRefused) || config.strict) throw err;
    core.warning(
      inertMessage(
        `exportToken/outputToken: ${err.message} Until then later steps get the login token, as hashicorp/vault-action gives it.`,
      ),
    );
    return { ...parent, line: 'Later steps got the login token itself: Vault would not create a child token.' };
  }
  recordChildToken(session, child.token);
  if (child.policies.includes('root'))
    core.warning(
      'The child token holds the root policy (the login token is a root token): name vault-child-policies to give later steps less.',
    );
  const line = childLine(child);
  core.info(say`${line}`);
  return { token: new Secret('VAULT_TOKEN', 'child token', child.token), line };
}

/** Names and numbers only: the token and its accessor are masks, never shown. */
export function childLine(child: Omit<ChildToken, 'token'>): string {
  const policies = child.policies.length > 0 ? child.policies.join(', ') : 'the login token’s';
  const uses = child.uses === 0 ? 'unlimited uses' : `${child.uses} use(s)`;
  return `Later steps got a child token of the login token (${child.displayName}): policies ${policies}; TTL ${child.ttlSeconds} s, not renewable; ${uses}. Post revokes it.`;
}
