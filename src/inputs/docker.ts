// Inputs of the docker stage: registry logins and one BuildKit build (./build.ts).
import { isValidName } from '../spec/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { choice, InputError, list, text } from './read.js';
import { readBuild, type BuildConfig } from './build.js';

export type { BuildConfig, BuildSecret } from './build.js';

/** A credential either given literally (and masked on read) or named after a fetched secret. */
export type Credential = { readonly literal: string } | { readonly secret: string };

export interface RegistryLogin {
  readonly registry: string;
  readonly username: Credential;
  readonly password: Credential;
}

export interface DockerConfig {
  readonly logins: readonly RegistryLogin[];
  /** job: a fresh DOCKER_CONFIG folder for this job; default: the runner's ~/.docker. */
  readonly configMode: 'job' | 'default';
  readonly build: BuildConfig | undefined;
}

export function readDockerConfig(masks: MaskRegistry): DockerConfig {
  return {
    logins: [...readSingleLogin(masks), ...list('registry-logins').map((line, i) => parseLoginLine(line, i + 1))],
    configMode: choice('docker-config', ['job', 'default'] as const, 'job'),
    build: readBuild(),
  };
}

/** docker/login-action's shape: registry, registry-username, registry-password (literal, masked now). */
function readSingleLogin(masks: MaskRegistry): RegistryLogin[] {
  const registry = text('registry');
  const username = text('registry-username');
  const password = text('registry-password');
  if (password !== undefined) masks.addSecret('registry-password', password);
  if (registry === undefined) {
    if (username !== undefined || password !== undefined)
      throw new InputError('registry-username and registry-password need registry (the host to log in to).');
    return [];
  }
  if (username === undefined || password === undefined)
    throw new InputError(
      `registry ${registry}: give registry-username and registry-password, or use registry-logins with a fetched secret.`,
    );
  return [{ registry, username: { literal: username }, password: { literal: password } }];
}

/**
 * `HOST USER PASSWORD`: USER literal or `$NAME`, PASSWORD always a fetched secret's NAME
 * (`$` optional), so no password sits in a workflow file. Names are checked once fetched.
 */
function parseLoginLine(line: string, n: number): RegistryLogin {
  const words = line.split(/\s+/);
  const [registry, user, password] = words;
  if (words.length !== 3 || registry === undefined || user === undefined || password === undefined) {
    throw new InputError(
      `registry-logins line ${n}: write \`HOST USER PASSWORD_SECRET\` (three words), e.g. \`ghcr.io octo-bot $GHCR_TOKEN\`.`,
    );
  }
  const name = password.replace(/^\$/, '');
  if (!isValidName(name))
    throw new InputError(
      `registry-logins line ${n}: the password must be the NAME of a fetched secret, and "${name}" is not a valid NAME.`,
    );
  const username: Credential = user.startsWith('$') ? { secret: user.slice(1) } : { literal: user };
  return { registry, username, password: { secret: name } };
}
