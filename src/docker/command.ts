// The build command line, from the build config. Pure. Secrets appear in it only as
// ids and file paths (or the name of an environment variable, when asked).
import type { BuildConfig } from '../inputs/index.js';
import type { Builder } from './builder.js';

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

export function buildCommand(
  builder: Builder,
  build: BuildConfig,
  secrets: readonly SecretSource[],
  iidFile: string,
  metadataFile: string,
): BuildCommand {
  if (builder === 'buildkit' && build.platforms.length > 1) {
    throw new Error(
      `build-platforms lists ${build.platforms.length} platforms, and docker build without buildx builds one: install the buildx plugin for multi-platform builds.`,
    );
  }
  const args = builder === 'buildx' ? ['buildx', 'build'] : ['build'];
  if (build.file !== undefined) args.push('--file', build.file);
  for (const tag of build.tags) args.push('--tag', tag);
  for (const arg of build.args) args.push('--build-arg', `${arg.name}=${arg.value}`);
  if (build.target !== undefined) args.push('--target', build.target);
  if (build.platforms.length > 0) args.push('--platform', build.platforms.join(','));
  for (const s of secrets)
    args.push('--secret', 'file' in s.source ? `id=${s.id},src=${s.source.file}` : `id=${s.id},env=${s.source.env}`);
  args.push('--iidfile', iidFile);
  if (builder === 'buildx') {
    // mode=max provenance records every build arg; keep it minimal unless asked.
    args.push(`--provenance=${build.provenance ?? 'mode=min'}`);
    args.push('--metadata-file', metadataFile);
    args.push(build.push ? '--push' : '--load');
  }
  args.push(build.context);
  return { args, env: builder === 'buildkit' ? { DOCKER_BUILDKIT: '1' } : {} };
}
