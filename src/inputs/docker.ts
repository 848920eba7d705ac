// Inputs of the docker stage: registry logins and one BuildKit build.
import { isValidName } from '../spec/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { bool, choice, InputError, list, text } from './read.js';

/** A credential either given literally (and masked on read) or named after a fetched secret. */
export type Credential = { readonly literal: string } | { readonly secret: string };

export interface RegistryLogin {
  readonly registry: string;
  readonly username: Credential;
  readonly password: Credential;
}

export interface BuildSecret {
  /** The id a Dockerfile mounts: RUN --mount=type=secret,id=ID. */
  readonly id: string;
  /** The fetched secret's NAME. */
  readonly name: string;
  /** file (default): --secret id=ID,src=FILE. env (asked for): the value in the docker process's environment. */
  readonly via: 'file' | 'env';
}

export interface BuildConfig {
  readonly context: string;
  readonly file: string | undefined;
  readonly tags: readonly string[];
  readonly args: readonly { readonly name: string; readonly value: string }[];
  readonly target: string | undefined;
  readonly platforms: readonly string[];
  readonly push: boolean;
  readonly secrets: readonly BuildSecret[];
  /** buildx --provenance; undefined means mode=min (max would record build args). */
  readonly provenance: string | undefined;
  readonly check: 'default' | 'error' | 'warn' | 'off';
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

function readBuild(): BuildConfig | undefined {
  const context = text('build-context');
  const buildInputs = ['build-tags', 'build-args', 'build-secrets', 'build-target', 'build-platforms', 'build-file'];
  if (context === undefined) {
    const stray = buildInputs.find((n) => text(n) !== undefined);
    if (stray)
      throw new InputError(
        `${stray} is set but build-context is empty: give build-context (the folder to build) to build an image.`,
      );
    return undefined;
  }
  const push = bool('build-push', false);
  const tags = list('build-tags', true);
  if (push && tags.length === 0)
    throw new InputError('build-push is true but build-tags is empty: give the tag(s) to push.');
  return {
    context,
    file: text('build-file'),
    tags,
    args: list('build-args').map((line, i) => {
      const eq = line.indexOf('=');
      if (eq <= 0) throw new InputError(`build-args line ${i + 1}: write NAME=VALUE.`);
      return { name: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
    }),
    target: text('build-target'),
    platforms: list('build-platforms', true),
    push,
    secrets: list('build-secrets', true).map(parseBuildSecret),
    provenance: text('build-provenance'),
    check: choice('dockerfile-check', ['default', 'error', 'warn', 'off'] as const, 'default'),
  };
}

/** `NAME`, `ID=NAME`, or `ID=env:NAME` (the value passed in the environment, only when asked). */
function parseBuildSecret(entry: string, i: number): BuildSecret {
  const [left, right] = entry.includes('=') ? entry.split('=', 2) : [entry, entry];
  const id = (left ?? '').trim();
  let name = (right ?? '').trim();
  let via: BuildSecret['via'] = 'file';
  if (name.startsWith('env:')) {
    via = 'env';
    name = name.slice(4);
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError(
      `build-secrets entry ${i + 1}: the id "${id}" may hold letters, digits, "_", "-" and "." only.`,
    );
  if (!isValidName(name))
    throw new InputError(
      `build-secrets entry ${i + 1}: "${name}" is not the NAME of a fetched secret; write NAME, ID=NAME or ID=env:NAME.`,
    );
  return { id, name, via };
}
