// Inputs of the one BuildKit build: our build-… names with docker/build-push-action's
// meaning, so its `with:` lines move over (README "Coming from docker/build-push-action").
// What a build-push input would do that breaks this action's guarantees is refused here,
// with the reason, before anything runs.
import { isValidName } from '../spec/index.js';
import { bool, choice, InputError, list, text } from './read.js';

export interface BuildSecret {
  /** The id a Dockerfile mounts: RUN --mount=type=secret,id=ID. */
  readonly id: string;
  /** The fetched secret's NAME. */
  readonly name: string;
  /** file (default): --secret id=ID,src=FILE. env (asked for): the value in the docker process's environment. */
  readonly via: 'file' | 'env';
}

/** A secret that is not fetched from Vault: build-push's secret-envs (`ID=ENV`) and secret-files (`ID=PATH`). */
export interface OuterSecret {
  readonly id: string;
  readonly from: { readonly env: string } | { readonly file: string };
}

/** One `--cache-to`/`--output` target, with what the guard needs to know of it. */
export interface ExportTarget {
  /** As written: handed to buildx unchanged. */
  readonly spec: string;
  readonly type: string;
  /** dest= of a local, tar or oci export: what the guard scans after the build. */
  readonly dest: string | undefined;
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
  /** buildx --provenance; undefined: mode=min where the builder records attestations (max would record build args). */
  readonly provenance: string | undefined;
  /** buildx --sbom; undefined: none. */
  readonly sbom: string | undefined;
  readonly check: 'default' | 'error' | 'warn' | 'off';
  readonly labels: readonly string[];
  readonly annotations: readonly string[];
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly ExportTarget[];
  /** A cache export that cannot be scanned (registry, gha, s3, …) is refused unless the workflow allows it. */
  readonly cacheToUnscanned: boolean;
  readonly outputs: readonly ExportTarget[];
  /** --load besides the outputs (build-push's load); with no outputs and no push the image is loaded anyway. */
  readonly load: boolean;
  readonly noCache: boolean;
  readonly noCacheFilters: readonly string[];
  readonly pull: boolean;
  readonly network: string | undefined;
  readonly addHosts: readonly string[];
  /** --build-context NAME=VALUE */
  readonly contexts: readonly string[];
  /** --ssh default | ID=PATH[,PATH] */
  readonly ssh: readonly string[];
  readonly outerSecrets: readonly OuterSecret[];
  /** --builder NAME */
  readonly builderName: string | undefined;
  readonly shmSize: string | undefined;
  readonly ulimits: readonly string[];
  readonly cgroupParent: string | undefined;
}

/** Every build input but build-context: one set here means a build was meant. */
export const BUILD_INPUTS = [
  'build-tags',
  'build-args',
  'build-secrets',
  'build-target',
  'build-platforms',
  'build-file',
  'build-labels',
  'build-annotations',
  'build-cache-from',
  'build-cache-to',
  'build-outputs',
  'build-contexts',
  'build-ssh',
  'build-secret-envs',
  'build-secret-files',
  'build-network',
  'build-add-hosts',
] as const;

/** Export types whose result stays on this machine, where the guard can read it. */
const LOCAL_EXPORTS = new Set(['local', 'tar', 'oci', 'docker']);

export function readBuild(): BuildConfig | undefined {
  const context = text('build-context');
  if (context === undefined) {
    const stray = BUILD_INPUTS.find((n) => text(n) !== undefined);
    if (stray)
      throw new InputError(
        `${stray} is set but build-context is empty: give build-context (the folder to build) to build an image.`,
      );
    return undefined;
  }
  refuseRemoteContext(context);
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
    sbom: text('build-sbom'),
    check: choice('dockerfile-check', ['default', 'error', 'warn', 'off'] as const, 'default'),
    labels: pairs('build-labels'),
    annotations: list('build-annotations'),
    cacheFrom: list('build-cache-from'),
    cacheTo: list('build-cache-to').map((spec) => exportTarget('build-cache-to', spec)),
    cacheToUnscanned: bool('build-cache-to-unscanned', false),
    outputs: list('build-outputs').map((spec) => exportTarget('build-outputs', spec)),
    load: bool('build-load', false),
    noCache: bool('build-no-cache', false),
    noCacheFilters: list('build-no-cache-filters', true),
    pull: bool('build-pull', false),
    network: text('build-network'),
    addHosts: list('build-add-hosts', true),
    contexts: pairs('build-contexts'),
    ssh: list('build-ssh'),
    outerSecrets: [
      ...pairs('build-secret-envs').map((l) => outerSecret('build-secret-envs', l, 'env')),
      ...pairs('build-secret-files').map((l) => outerSecret('build-secret-files', l, 'file')),
    ],
    builderName: text('build-builder'),
    shmSize: text('build-shm-size'),
    ulimits: list('build-ulimit'),
    cgroupParent: text('build-cgroup-parent'),
  };
}

/**
 * A git or HTTP context is fetched by BuildKit itself, past the Dockerfile check and
 * with whatever credentials the URL holds: only a folder on this machine is built.
 */
function refuseRemoteContext(context: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || context === '-')
    throw new InputError(
      'build-context: give a folder on this machine; a git, HTTP or stdin context is fetched by BuildKit past the Dockerfile check (check out the repository first).',
    );
}

/** `NAME=VALUE` lines (build-push takes them one per line). */
function pairs(name: string): string[] {
  return list(name).map((line, i) => {
    if (line.indexOf('=') <= 0) throw new InputError(`${name} line ${i + 1}: write NAME=VALUE.`);
    return line;
  });
}

/** buildx's CSV form (`type=local,dest=out`, quotes allowed): the fields as a map. */
export function csvFields(spec: string): Map<string, string> {
  const fields = new Map<string, string>();
  let field = '';
  let quoted = false;
  const flush = (): void => {
    const eq = field.indexOf('=');
    if (eq > 0) fields.set(field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim());
    else if (field.trim() !== '') fields.set('type', field.trim());
    field = '';
  };
  for (const ch of spec) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) flush();
    else field += ch;
  }
  flush();
  return fields;
}

function exportTarget(input: string, spec: string): ExportTarget {
  const fields = csvFields(spec);
  const type = fields.get('type') ?? (input === 'build-outputs' ? 'local' : '');
  if (type === '') throw new InputError(`${input}: "${spec}" has no type= (e.g. type=local,dest=out).`);
  if (input === 'build-outputs' && (type === 'image' || type === 'registry') && /push=true/i.test(spec))
    throw new InputError(
      `build-outputs: "${type}" with push=true would push before the leak guard reads the image: use build-push, which scans first.`,
    );
  if (input === 'build-outputs' && type === 'registry')
    throw new InputError(
      'build-outputs: type=registry pushes before the leak guard reads the image: use build-push, which scans first.',
    );
  const dest = LOCAL_EXPORTS.has(type) ? fields.get('dest') : undefined;
  if ((type === 'local' || type === 'tar') && dest === undefined)
    throw new InputError(`${input}: type=${type} needs dest= (the folder or file to write).`);
  return { spec, type, dest };
}

function outerSecret(input: string, line: string, kind: 'env' | 'file'): OuterSecret {
  const eq = line.indexOf('=');
  const id = line.slice(0, eq).trim();
  const source = line.slice(eq + 1).trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError(`${input}: the id "${id}" may hold letters, digits, "_", "-" and "." only.`);
  if (kind === 'env' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(source))
    throw new InputError(`${input}: "${source}" is not an environment variable name; write ID=VARIABLE.`);
  if (source === '') throw new InputError(`${input}: write ID=${kind === 'env' ? 'VARIABLE' : 'PATH'}.`);
  return { id, from: kind === 'env' ? { env: source } : { file: source } };
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
