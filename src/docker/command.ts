// The build command line, from the build config. Pure. Secrets appear in it only as
// ids and file paths (or the name of an environment variable, when asked).
import type { BuildConfig } from '../inputs/index.js';
import { isDockerDriver, type BuildPlatform } from './builder.js';

export interface SecretSource {
  readonly id: string;
  /** A 0600 file holding the value, or the environment variable docker reads it from. */
  readonly source: { readonly file: string } | { readonly env: string };
}

export interface BuildCommand {
  readonly args: string[];
  /** Added to docker's environment: DOCKER_BUILDKIT for the plain builder. */
  readonly env: Record<string, string>;
}

export interface BuildCommandInput {
  readonly platform: BuildPlatform;
  readonly build: BuildConfig;
  readonly secrets: readonly SecretSource[];
  /** undefined when the build exports only files (buildx refuses --iidfile then). */
  readonly iidFile: string | undefined;
  readonly metadataFile: string;
}

/** Inputs only buildx has: the plain `docker build` of Docker 20.10–22 would reject or ignore them. */
function buildxOnly(build: BuildConfig): string | undefined {
  const set: [string, boolean][] = [
    ['build-annotations', build.annotations.length > 0],
    ['build-cache-to', build.cacheTo.length > 0],
    ['build-outputs', build.outputs.length > 0],
    ['build-contexts', build.contexts.length > 0],
    ['build-sbom', build.sbom !== undefined],
    ['build-no-cache-filters', build.noCacheFilters.length > 0],
    ['build-builder', build.builderName !== undefined],
  ];
  return set.find(([, on]) => on)?.[0];
}

export function buildCommand({ platform, build, secrets, iidFile, metadataFile }: BuildCommandInput): BuildCommand {
  const buildx = platform.builder === 'buildx';
  if (!buildx && build.platforms.length > 1) {
    throw new Error(
      `build-platforms lists ${build.platforms.length} platforms, and docker build without buildx builds one: install the buildx plugin for multi-platform builds.`,
    );
  }
  const only = buildx ? undefined : buildxOnly(build);
  if (only !== undefined)
    throw new Error(`${only} needs buildx, and this docker builds without it: install the buildx plugin.`);
  const args = buildx ? ['buildx', 'build'] : ['build'];
  if (build.builderName !== undefined) args.push('--builder', build.builderName);
  if (build.file !== undefined) args.push('--file', build.file);
  for (const tag of build.tags) args.push('--tag', tag);
  for (const arg of build.args) args.push('--build-arg', `${arg.name}=${arg.value}`);
  for (const label of build.labels) args.push('--label', label);
  for (const annotation of build.annotations) args.push('--annotation', annotation);
  if (build.target !== undefined) args.push('--target', build.target);
  if (build.platforms.length > 0) args.push('--platform', build.platforms.join(','));
  for (const s of secrets)
    args.push('--secret', 'file' in s.source ? `id=${s.id},src=${s.source.file}` : `id=${s.id},env=${s.source.env}`);
  for (const ssh of build.ssh) args.push('--ssh', ssh);
  for (const context of build.contexts) args.push('--build-context', context);
  for (const from of build.cacheFrom) args.push('--cache-from', from);
  for (const to of build.cacheTo) args.push('--cache-to', to.spec);
  if (build.noCache) args.push('--no-cache');
  if (build.noCacheFilters.length > 0) args.push('--no-cache-filter', build.noCacheFilters.join(','));
  if (build.pull) args.push('--pull');
  if (build.network !== undefined) args.push('--network', build.network);
  for (const host of build.addHosts) args.push('--add-host', host);
  if (build.shmSize !== undefined) args.push('--shm-size', build.shmSize);
  for (const ulimit of build.ulimits) args.push('--ulimit', ulimit);
  if (build.cgroupParent !== undefined) args.push('--cgroup-parent', build.cgroupParent);
  if (iidFile !== undefined) args.push('--iidfile', iidFile);
  if (buildx) {
    // mode=max provenance records every build arg: keep it minimal unless asked. It is off by
    // default where it cannot land: the docker driver records none (prepareBuild refuses asking
    // for it there), and a --load into the engine's classic image store refuses the manifest
    // list an attestation makes ("docker exporter does not currently support exporting manifest lists").
    const loads = !build.push && (build.outputs.length === 0 || build.load);
    const provenance = isDockerDriver(platform) ? 'false' : (build.provenance ?? (loads ? 'false' : 'mode=min'));
    args.push(`--provenance=${provenance}`);
    if (build.sbom !== undefined) args.push(`--sbom=${build.sbom}`);
    args.push('--metadata-file', metadataFile);
    for (const output of build.outputs) args.push('--output', output.spec);
    if (build.push) args.push('--push');
    else if (build.outputs.length === 0 || build.load) args.push('--load');
  }
  args.push(build.context);
  return { args, env: buildx ? {} : { DOCKER_BUILDKIT: '1' } };
}
