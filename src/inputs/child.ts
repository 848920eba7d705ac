// Inputs of the child token (issue 18): when the Vault token is delivered to later steps, what
// they get is a child of the login token, scoped to the job, not the login token itself.
import * as core from '@actions/core';
import { bool, InputError, integer, text } from './read.js';
import { rawInput } from './compat.js';

export interface ChildTokenConfig {
  /** Policy names the child gets; undefined: the login token's (Vault's default when none are sent). */
  readonly policies: readonly string[] | undefined;
  /** ttl and explicit_max_ttl, in seconds: no renewal stretches it. */
  readonly ttlSeconds: number;
  /** num_uses; 0 is unlimited. */
  readonly uses: number;
  /**
   * A refusal to create the child fails the step. False only for hashicorp/vault-action's
   * exportToken/outputToken with no vault-child-* input: a drop-in `with:` block keeps working,
   * with the login token and a warning.
   */
  readonly strict: boolean;
}

/** An hour covers most jobs; a job that needs the token longer says so (GitHub-hosted jobs end at 6 h). */
export const DEFAULT_CHILD_TTL = 3600;
/** A self-hosted runner's job limit (5 days): no child outlives the longest job there is. */
export const MAX_CHILD_TTL = 5 * 86400;

/** Inputs without an action.yml default: any of them given asks for the child explicitly. */
const CHILD_INPUTS = ['vault-child-policies', 'vault-child-ttl', 'vault-child-uses'];

/**
 * Undefined when no token is delivered, or vault-child-token is false (the login token is then
 * delivered, with a warning). `ownDelivery`: our vault-token-delivery asked for the token.
 */
export function readChildConfig(tokenDelivered: boolean, ownDelivery: boolean): ChildTokenConfig | undefined {
  const on = bool('vault-child-token', true);
  if (!tokenDelivered) return undefined;
  if (!on) {
    core.warning(
      'vault-child-token is false: later steps get the login token itself, which post revokes only per vault-revoke-token and which a renewal can keep alive. Leave vault-child-token on to deliver a child token that ends with the job.',
    );
    return undefined;
  }
  return {
    policies: readPolicies(),
    ttlSeconds: readTtl(),
    uses: integer('vault-child-uses', 0, 0, 1_000_000),
    strict: ownDelivery || CHILD_INPUTS.some((name) => rawInput(name).trim() !== ''),
  };
}

/** Vault's spelling of a policy name: trimmed and lower-cased (policyutil.SanitizePolicies). */
function readPolicies(): string[] | undefined {
  const raw = text('vault-child-policies');
  if (raw === undefined) return undefined;
  const names = [
    ...new Set(
      raw
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((p) => p.toLowerCase()),
    ),
  ];
  for (const name of names)
    if (!/^[a-z0-9_.@/+-]+$/.test(name))
      throw new InputError(
        `vault-child-policies: "${name}" is not a policy name (letters, digits and _ . @ / + - only): list the names separated by commas or spaces.`,
      );
  return names;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds, or a number with s, m, h or d, as Vault writes durations. */
function readTtl(): number {
  const v = text('vault-child-ttl');
  if (v === undefined) return DEFAULT_CHILD_TTL;
  const m = /^(\d+)([smhd]?)$/.exec(v);
  const seconds = m ? Number(m[1]) * (UNITS[m[2] || 's'] ?? 1) : NaN;
  if (!Number.isInteger(seconds) || seconds < 60 || seconds > MAX_CHILD_TTL)
    throw new InputError(
      `vault-child-ttl: "${v}" must be a duration from 60s to 5d (seconds, or a number with s, m, h or d, e.g. 2h).`,
    );
  return seconds;
}
