// The one place that reads action inputs: each stage's inputs in its own module, put
// together here into one typed, validated config. Credentials given as inputs are
// masked the moment they are read.
import { parseSpec, type SecretRequest } from '../spec/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { bool, InputError, integer, text } from './read.js';
import { errorMessage } from '../errors.js';
import { readVaultConfig, type VaultConfig } from './vault.js';
import { readDockerConfig, type DockerConfig } from './docker.js';
import { readGuardConfig, type GuardConfig } from './guard.js';
import { parseOwner, type Owner } from '../deliver/owner.js';
import { readTemplatesConfig, type TemplatesConfig } from './templates.js';
import { readRenewConfig, type RenewConfig } from './renew.js';
import { prefixNeededFor } from '../deliver/env-names.js';
import { compatTokenDeliveries, inTheirNames, isCompatMode, readCompatConfig, type CompatConfig } from './compat.js';
import { readChildConfig, type ChildTokenConfig } from './child.js';

export { InputError } from './read.js';
export { readConnectionConfig, type ConnectionConfig, type VaultConfig } from './vault.js';
export type { BuildConfig, Credential, DockerConfig, RegistryLogin } from './docker.js';
export {
  readGuardConfig,
  readGuardStepConfig,
  type CacheConfig,
  type GuardConfig,
  type GuardStepConfig,
  type OnLeak,
} from './guard.js';
export type { CompatConfig } from './compat.js';
export type { ChildTokenConfig } from './child.js';
export type { TemplateLine, TemplatesConfig } from './templates.js';

export const DELIVERIES = ['files', 'env-file', 'env', 'outputs'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const TOKEN_DELIVERIES = ['files', 'env', 'outputs'] as const;
export type TokenDelivery = (typeof TOKEN_DELIVERIES)[number];

export interface MainConfig {
  readonly requests: readonly SecretRequest[];
  /** Undefined when neither secrets nor the token are asked for: the step then never contacts Vault. */
  readonly vault: VaultConfig | undefined;
  readonly deliveries: ReadonlySet<Delivery>;
  /** Where the Vault token itself goes (vault-token-delivery, or vault-action's exportToken/outputToken). */
  readonly tokenDeliveries: ReadonlySet<TokenDelivery>;
  /** The child token delivered instead of the login token (vault-child-*); undefined: the login token. */
  readonly childToken: ChildTokenConfig | undefined;
  /** Set when the workflow uses hashicorp/vault-action's input names. */
  readonly compat: CompatConfig | undefined;
  readonly filesBaseDir: string | undefined;
  readonly docker: DockerConfig;
  readonly guard: GuardConfig;
  readonly summary: boolean;
  readonly templates: TemplatesConfig;
  /** files-owner: UID:GID given the files folder and its files. */
  readonly filesOwner: Owner | undefined;
  /** stale-session-minutes: sweep sessions of jobs that are over once this old; undefined: off. */
  readonly staleSessionMs: number | undefined;
  /** vault-renew, vault-renew-for: the renewal helper for long jobs. */
  readonly renew: RenewConfig;
}

export async function readMainConfig(masks: MaskRegistry): Promise<MainConfig> {
  if (!isCompatMode()) return readConfig(masks, undefined);
  try {
    return await readConfig(masks, readCompatConfig());
  } catch (err) {
    throw err instanceof InputError ? new InputError(inTheirNames(err.message)) : err;
  }
}

async function readConfig(masks: MaskRegistry, compat: CompatConfig | undefined): Promise<MainConfig> {
  const spec = text('secrets') ?? '';
  // vault-action's grammar (JSONata selectors) is loaded only when its inputs are used.
  const requests = compat ? (await import('../compat/spec.js')).parseCompatSpec(spec) : parseSpec(spec);
  const tokenDeliveries = readTokenDeliveries();
  const vault =
    requests.length > 0 || tokenDeliveries.size > 0 || text('vault-pki') !== undefined
      ? readVaultConfig(masks)
      : undefined;
  const deliveries = readDeliveries();
  // vault-action's own workflows keep their `*` lines (the deny list still applies to every name).
  const prefixed = prefixNeededFor(deliveries);
  if (!compat && prefixed !== undefined) requireEnvPrefixes(requests, prefixed);
  if (compat) {
    // As vault-action delivers: outputs always, env unless exportEnv is false; files as well.
    deliveries.add('outputs');
    if (compat.exportEnv) deliveries.add('env');
  }
  return {
    requests,
    vault,
    deliveries,
    tokenDeliveries,
    childToken: readChildConfig(tokenDeliveries.size > 0, text('vault-token-delivery') !== undefined),
    compat,
    filesBaseDir: text('files-base-dir'),
    docker: readDockerConfig(masks),
    guard: readGuardConfig(),
    summary: bool('summary', true),
    templates: readTemplatesConfig(),
    filesOwner: readOwner(),
    staleSessionMs: readStaleSessionMs(),
    renew: readRenewConfig(),
  };
}

function readStaleSessionMs(): number | undefined {
  if (text('stale-session-minutes')?.toLowerCase() === 'off') return undefined;
  try {
    return integer('stale-session-minutes', 60, 0, 525_600) * 60_000;
  } catch (err) {
    throw new InputError(`${errorMessage(err)} Or off, to never sweep.`, { cause: err });
  }
}

function readDeliveries(): Set<Delivery> {
  const words = (text('deliver') ?? 'files').split(/[\s,]+/).filter(Boolean);
  const out = new Set<Delivery>();
  for (const w of words) {
    if (!(DELIVERIES as readonly string[]).includes(w))
      throw new InputError(`deliver: "${w}" is not one of ${DELIVERIES.join(', ')}.`);
    out.add(w as Delivery);
  }
  if (out.size === 0) throw new InputError(`deliver is empty: give one or more of ${DELIVERIES.join(', ')}.`);
  return out;
}

function readTokenDeliveries(): Set<TokenDelivery> {
  const out = new Set<TokenDelivery>();
  for (const w of (text('vault-token-delivery') ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (!(TOKEN_DELIVERIES as readonly string[]).includes(w))
      throw new InputError(`vault-token-delivery: "${w}" is not one of ${TOKEN_DELIVERIES.join(', ')}.`);
    out.add(w as TokenDelivery);
  }
  // vault-action's exportToken/outputToken: env or output as it does, and the 0600 file too.
  for (const w of compatTokenDeliveries()) out.add(w).add('files');
  return out;
}

/**
 * With deliver env (or env-file), names Vault chooses (`*` keys, folder entries) would
 * become variable names: whoever can write to that path could set LD_PRELOAD or BASH_ENV
 * in every later step. A prefix from the workflow file keeps them in a family no tool
 * reads (the policy: src/deliver/env-names.ts).
 */
function requireEnvPrefixes(requests: readonly SecretRequest[], delivery: string): void {
  for (const r of requests) {
    if (r.selector.kind === 'all' && (r.name ?? '') === '')
      throw new InputError(
        `secrets line ${r.line}: with deliver ${delivery}, \`${r.text}\` takes variable names from Vault's ${r.folder ? 'secret and key' : 'key'} names: give it a prefix, e.g. \`${r.text} | APP_\`, so Vault cannot choose a variable such as LD_PRELOAD or BASH_ENV.`,
      );
  }
}

function readOwner(): Owner | undefined {
  const given = text('files-owner');
  if (given === undefined) return undefined;
  try {
    return parseOwner(given);
  } catch (err) {
    throw new InputError(errorMessage(err), { cause: err });
  }
}
export { readRefreshStepConfig, type RefreshStepConfig } from './refresh.js';
