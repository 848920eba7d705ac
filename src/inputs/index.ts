// The one place that reads action inputs: each stage's inputs in its own module, put
// together here into one typed, validated config. Credentials given as inputs are
// masked the moment they are read.
import { parseSpec, type SecretRequest } from '../spec/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { bool, InputError, text } from './read.js';
import { readVaultConfig, type VaultConfig } from './vault.js';
import { readDockerConfig, type DockerConfig } from './docker.js';
import { readGuardConfig, type GuardConfig } from './guard.js';

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

export const DELIVERIES = ['files', 'env-file', 'env', 'outputs'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface MainConfig {
  readonly requests: readonly SecretRequest[];
  /** Undefined when no secrets are asked for: the step then never contacts Vault. */
  readonly vault: VaultConfig | undefined;
  readonly deliveries: ReadonlySet<Delivery>;
  readonly filesBaseDir: string | undefined;
  readonly docker: DockerConfig;
  readonly guard: GuardConfig;
  readonly summary: boolean;
}

export function readMainConfig(masks: MaskRegistry): MainConfig {
  const requests = parseSpec(text('secrets') ?? '');
  const vault = requests.length > 0 ? readVaultConfig(masks) : undefined;
  return {
    requests,
    vault,
    deliveries: readDeliveries(),
    filesBaseDir: text('files-base-dir'),
    docker: readDockerConfig(masks),
    guard: readGuardConfig(),
    summary: bool('summary', true),
  };
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
