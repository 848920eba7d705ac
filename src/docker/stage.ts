// The docker stage of main: a per-job DOCKER_CONFIG, registry logins, one build.
// Every check that can refuse the build runs before the first login.
import * as core from '@actions/core';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DockerConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import type { Secret } from '../secret.js';
import { saveDockerConfig, type SessionPaths } from '../state.js';
import { builderName, detectBuilder, type BuildPlatform } from './builder.js';
import { docker, reason } from './cli.js';
import { prepareBuild, runBuild, type BuildDeps, type BuildResult } from './build.js';
import { loginAll } from './login.js';

export interface DockerFacts {
  readonly configDir: string;
  readonly registries: readonly string[];
  readonly build: BuildResult | undefined;
}

/**
 * Runs before the Vault stage: a missing docker, or one that cannot build with
 * BuildKit, fails the step before any secret is fetched.
 */
export async function dockerPreflight(config: DockerConfig): Promise<BuildPlatform | undefined> {
  if (config.build) return detectBuilder({}, config.build.builderName);
  if (config.logins.length > 0) {
    const run = await docker(['version', '--format', '{{.Client.Version}}']);
    if (run.exitCode !== 0) throw new Error(`docker does not run: ${reason(run)}`);
  }
  return undefined;
}

/** What the docker stage works with: main's config and what the earlier stages produced. */
export interface DockerStageInput {
  readonly config: DockerConfig;
  /** From dockerPreflight(); undefined when nothing is built. */
  readonly builder: BuildPlatform | undefined;
  readonly secrets: readonly Secret[];
  /** NAME -> delivered file. */
  readonly files: ReadonlyMap<string, string>;
  readonly masks: MaskRegistry;
  readonly session: SessionPaths;
  readonly scanImage: BuildDeps['scanImage'];
}

export async function dockerStage({
  config,
  builder,
  secrets,
  files,
  masks,
  session,
  scanImage,
}: DockerStageInput): Promise<DockerFacts | undefined> {
  if (config.logins.length === 0 && config.build === undefined) return undefined;
  const { dir: configDir, env } = dockerConfigDir(config, session);
  const deps: BuildDeps = {
    secrets: new Map(secrets.map((s) => [s.name, s])),
    files,
    masks,
    privateDir: session.private,
    env,
    scanImage,
  };
  const prepared = config.build && builder ? prepareBuild(config.build, builder, deps) : undefined;
  const registries = await loginAll(config.logins, deps.secrets, masks, env);
  const build = prepared ? await runBuild(prepared, deps) : undefined;
  if (build) {
    if (build.imageId !== undefined) core.setOutput('image-id', build.imageId);
    core.setOutput('builder', builderName(build.builder));
    if (build.digest) core.setOutput('digest', build.digest);
    if (build.metadata !== undefined) core.setOutput('metadata', build.metadata);
    core.info(
      `Built ${build.imageId ?? 'the exports'} with ${builderName(build.builder)}${build.digest ? `, pushed as ${build.digest}` : ''}.`,
    );
  }
  return { configDir, registries, build };
}

/**
 * job (default): a fresh 0700 folder in the session, exported as DOCKER_CONFIG, so
 * nothing lands in the runner's ~/.docker, concurrent jobs cannot log each other out,
 * and no credential store configured on the machine is written to.
 */
function dockerConfigDir(config: DockerConfig, session: SessionPaths): { dir: string; env: Record<string, string> } {
  const userDir = process.env['DOCKER_CONFIG'] || join(homedir(), '.docker');
  if (config.configMode !== 'job') {
    saveDockerConfig(userDir);
    return { dir: userDir, env: { DOCKER_CONFIG: userDir } };
  }
  const dir = session.docker;
  mkdirSync(dir, { mode: 0o700 });
  const env: Record<string, string> = { DOCKER_CONFIG: dir, ...carryOver(userDir, dir) };
  for (const [name, value] of Object.entries(env)) core.exportVariable(name, value);
  core.setOutput('docker-config', dir);
  saveDockerConfig(dir);
  return { dir, env };
}

/**
 * What the per-job folder must not hide of the runner's own docker config: its CLI
 * plugins (setup-buildx-action and users install buildx into ~/.docker/cli-plugins), as
 * links the shredder removes without following, and its buildx builders (the one
 * `docker buildx use` selected), through BUILDX_CONFIG. Credentials stay behind.
 */
function carryOver(userDir: string, jobDir: string): Record<string, string> {
  const plugins = join(userDir, 'cli-plugins');
  if (existsSync(plugins)) {
    mkdirSync(join(jobDir, 'cli-plugins'), { mode: 0o700 });
    for (const entry of readdirSync(plugins)) linkPlugin(join(plugins, entry), join(jobDir, 'cli-plugins', entry));
  }
  const buildx = process.env['BUILDX_CONFIG'] || join(userDir, 'buildx');
  return existsSync(buildx) ? { BUILDX_CONFIG: buildx } : {};
}

/** A link to a CLI plugin; Windows lets only administrators and Developer Mode make one, so that failure says what to do. */
function linkPlugin(target: string, link: string): void {
  try {
    symlinkSync(target, link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
    throw new Error(
      `could not link the docker CLI plugin ${target} into the job's DOCKER_CONFIG (EPERM: on Windows making a link needs administrator rights or Developer Mode): enable one, or set docker-config: default.`,
      { cause: err },
    );
  }
}
