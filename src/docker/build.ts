// A BuildKit build whose secrets come in as --secret mounts, never as build args:
// build args that hold a fetched value are refused, the Dockerfile is checked first,
// and the image can be pushed afterwards.
import * as core from '@actions/core';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import type { BuildConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import type { Secret } from '../secret.js';
import { writePrivateFile } from '../deliver/private-file.js';
import { checkDockerfile } from './dockerfile/index.js';
import { builderName, isDockerDriver, type BuildPlatform, type Builder } from './builder.js';
import { buildCommand, type SecretSource } from './command.js';
import { refuseUnsafeOptions, scanExports } from './exports.js';
import { docker, reason } from './cli.js';
import { inertMessage, inertProperties } from '../output.js';

/** BuildKit refuses secrets over 500 KB. */
const MAX_SECRET_BYTES = 500 * 1024;

export interface BuildResult {
  readonly builder: Builder;
  /** undefined when the build only exported files (local or tar outputs): there is no image. */
  readonly imageId: string | undefined;
  readonly digest: string | undefined;
  /** buildx's metadata file as it wrote it (digest, image name, build ref); undefined without buildx. */
  readonly metadata: string | undefined;
}

export interface BuildDeps {
  readonly secrets: ReadonlyMap<string, Secret>;
  /** NAME -> delivered file, when files are delivered. */
  readonly files: ReadonlyMap<string, string>;
  readonly masks: MaskRegistry;
  /** A private 0700 folder for files only this build needs. */
  readonly privateDir: string;
  readonly env: Record<string, string>;
  /** scan-image: runs on the built image before anything is pushed; throws to stop the push. */
  readonly scanImage: ((image: string, env: Record<string, string>) => Promise<void>) | undefined;
}

/** Everything that can refuse a build, done before any login or build starts. */
export interface PreparedBuild {
  readonly config: BuildConfig;
  readonly platform: BuildPlatform;
  readonly sources: { readonly list: readonly SecretSource[]; readonly env: Record<string, string> };
}

/** `platform` comes from detectBuilder(), which main runs before anything else. */
export function prepareBuild(config: BuildConfig, platform: BuildPlatform, deps: BuildDeps): PreparedBuild {
  refuseUnsupported(config, platform);
  // masked first, so the checks below know build-push's secret-envs/-files values too
  const outer = outerSecretSources(config, deps.masks);
  refuseSecretBuildArgs(config, deps.masks);
  refuseUnsafeOptions(config, deps.masks);
  checkFile(config, deps.masks);
  const sources = secretSources(config, deps);
  return {
    config,
    platform,
    sources: { list: [...sources.list, ...outer.list], env: { ...sources.env, ...outer.env, ...passedEnv(config) } },
  };
}

export async function runBuild(prepared: PreparedBuild, deps: BuildDeps): Promise<BuildResult> {
  const { config, platform, sources } = prepared;
  const { builder } = platform;
  const iidFile = join(deps.privateDir, 'image-id');
  const metadataFile = join(deps.privateDir, 'build-metadata.json');
  const pushInBuild = pushesInBuild(config.push, builder, deps.scanImage !== undefined);
  const command = buildCommand({
    platform,
    build: { ...config, push: pushInBuild },
    secrets: sources.list,
    iidFile: producesImage(config, builder) ? iidFile : undefined,
    metadataFile,
  });
  await core.group(`Build ${config.context} with ${builderName(builder)}`, async () => {
    const run = await docker(command.args, { env: { ...deps.env, ...command.env, ...sources.env }, silent: false });
    if (run.exitCode !== 0)
      throw new Error(`the build failed (${builderName(builder)}): ${deps.masks.redact(reason(run))}`);
  });
  // Exports written on this machine (outputs, a local cache) are read before anything ships them.
  await scanExports(config, deps.masks);
  const imageId = producesImage(config, builder) ? readFileSync(iidFile, 'utf8').trim() : undefined;
  const loaded = config.push || config.outputs.length === 0 || config.load || builder === 'buildkit';
  if (deps.scanImage && loaded && imageId !== undefined) await deps.scanImage(config.tags[0] ?? imageId, deps.env);
  const metadata = builder === 'buildx' ? readMetadata(metadataFile, deps.masks) : undefined;
  let digest: string | undefined;
  if (pushInBuild) digest = metadataDigest(metadata);
  else if (config.push) digest = await pushAll(config.tags, deps);
  return { builder, imageId, digest, metadata };
}

/** buildx refuses --iidfile when every export is a folder or a tar of files (no image to name). */
export function producesImage(config: Pick<BuildConfig, 'push' | 'load' | 'outputs'>, builder: Builder): boolean {
  if (builder === 'buildkit' || config.push || config.load || config.outputs.length === 0) return true;
  return config.outputs.some((o) => o.type !== 'local' && o.type !== 'tar');
}

/**
 * What the selected builder cannot do fails here, before any login, instead of in the
 * middle of the build: the docker driver (the engine's own BuildKit) records no
 * attestations and exports no cache but inline.
 */
function refuseUnsupported(config: BuildConfig, platform: BuildPlatform): void {
  if (!isDockerDriver(platform)) return;
  const fix = 'create a docker-container builder (docker buildx create --use) or drop the input';
  const asked = (v: string | undefined): boolean => v !== undefined && v.toLowerCase() !== 'false';
  if (asked(config.provenance)) throw new Error(`build-provenance: the docker driver records no attestations: ${fix}.`);
  if (asked(config.sbom)) throw new Error(`build-sbom: the docker driver records no attestations: ${fix}.`);
  const exported = config.cacheTo.find((t) => t.type !== 'inline');
  if (exported)
    throw new Error(`build-cache-to: the docker driver exports no ${exported.type} cache (only inline): ${fix}.`);
}

/**
 * build-push's secret-envs and secret-files: values that do not come from Vault are
 * masked (every form) before the build, so the build log, the image scan and post's
 * scan know them too.
 */
function outerSecretSources(
  config: BuildConfig,
  masks: MaskRegistry,
): { list: SecretSource[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const list = config.outerSecrets.map((s): SecretSource => {
    if ('env' in s.from) {
      const value = process.env[s.from.env];
      if (value === undefined || value === '')
        throw new Error(`build-secret-envs: ${s.id} reads $${s.from.env}, which is not set in this step's env.`);
      masks.addSecret(`build-secret-envs ${s.id}`, value);
      env[s.from.env] = value;
      return { id: s.id, source: { env: s.from.env } };
    }
    const path = s.from.file;
    let bytes: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a regular file');
      bytes = st.size;
    } catch (err) {
      throw new Error(`build-secret-files: ${s.id}: cannot read ${path}: give the path of a file.`, { cause: err });
    }
    if (bytes > MAX_SECRET_BYTES)
      throw new Error(`build-secret-files: ${s.id} is ${bytes} bytes; BuildKit takes at most 500 KB per secret.`);
    masks.addSecret(`build-secret-files ${s.id}`, readFileSync(path, 'utf8'));
    return { id: s.id, source: { file: path } };
  });
  return { list, env };
}

/**
 * Variables buildx reads that the child environment leaves out on purpose: the ssh
 * agent for `build-ssh: default`, the cache service for `type=gha`, only when asked.
 */
function passedEnv(config: BuildConfig): Record<string, string> {
  const names: string[] = [];
  if (config.ssh.some((s) => s === 'default' || s.startsWith('default='))) {
    if (!process.env['SSH_AUTH_SOCK'])
      throw new Error('build-ssh: default forwards the ssh agent, and SSH_AUTH_SOCK is not set: start an agent.');
    names.push('SSH_AUTH_SOCK');
  }
  if ([...config.cacheFrom, ...config.cacheTo.map((t) => t.spec)].some((spec) => /(^|,)type=gha(,|$)/.test(spec)))
    names.push('ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_SERVICE_V2');
  const env: Record<string, string> = {};
  for (const name of names) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Whether the build itself pushes (buildx --push). With an image scan, buildx loads the
 * image instead and the push waits for the scan; plain docker build never pushes.
 */
export function pushesInBuild(push: boolean, builder: Builder, scanning: boolean): boolean {
  return push && builder === 'buildx' && !scanning;
}

/** A build arg that holds a fetched value in any form would land in the image history. */
function refuseSecretBuildArgs(config: BuildConfig, masks: MaskRegistry): void {
  const hits = config.args.flatMap((arg) => {
    const form = masks.find(arg.value);
    return form ? [`${arg.name} holds secret ${form.name}${form.kind === 'value' ? '' : ` (as ${form.kind})`}`] : [];
  });
  if (hits.length > 0) {
    throw new Error(
      `build-args: ${hits.join('; ')}. Build args are stored in the image history and in provenance: pass secrets with build-secrets and RUN --mount=type=secret instead.`,
    );
  }
}

function checkFile(config: BuildConfig, masks: MaskRegistry): void {
  if (config.check === 'off') return;
  const path = config.file ?? join(config.context, 'Dockerfile');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(
      `cannot read the Dockerfile ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check build-context and build-file.`,
      { cause: err },
    );
  }
  const findings = checkDockerfile(text, {
    secretIds: [...config.secrets.map((s) => s.id), ...config.outerSecrets.map((s) => s.id)],
    findSecret: (t) => masks.find(t)?.name,
    level: config.check,
  });
  const file = workspaceRelative(path);
  for (const f of findings) {
    const props = { title: `Dockerfile ${f.rule}`, file, ...(f.line > 0 ? { startLine: f.line } : {}) };
    // messages quote Dockerfile lines: text from the workspace
    if (f.severity === 'error') core.error(inertMessage(f.message), inertProperties(props));
    else core.warning(inertMessage(f.message), inertProperties(props));
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors > 0)
    throw new Error(
      `the Dockerfile check found ${errors} problem(s) in ${file} (see the annotations); nothing was built. Set dockerfile-check: warn to build anyway.`,
    );
}

function secretSources(config: BuildConfig, deps: BuildDeps): { list: SecretSource[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const list = config.secrets.map((entry): SecretSource => {
    const secret = deps.secrets.get(entry.name);
    if (!secret)
      throw new Error(
        `build-secrets: ${entry.name} was not fetched: add it to secrets (fetched: ${[...deps.secrets.keys()].join(', ') || 'none'}).`,
      );
    if (secret.bytes > MAX_SECRET_BYTES)
      throw new Error(
        `build-secrets: ${entry.name} is ${secret.bytes} bytes; BuildKit takes at most 500 KB per secret.`,
      );
    if (entry.via === 'env') {
      const variable = `BUILD_SECRET_${entry.id.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase()}`;
      env[variable] = secret.reveal();
      return { id: entry.id, source: { env: variable } };
    }
    let file = deps.files.get(entry.name);
    if (file === undefined) {
      file = join(deps.privateDir, `build-secret-${entry.id}`);
      writePrivateFile(file, secret.reveal());
    }
    return { id: entry.id, source: { file } };
  });
  return { list, env };
}

async function pushAll(tags: readonly string[], deps: BuildDeps): Promise<string | undefined> {
  let digest: string | undefined;
  for (const tag of tags) {
    await core.group(`docker push ${tag}`, async () => {
      const run = await docker(['push', tag], { env: deps.env, silent: false });
      if (run.exitCode !== 0) throw new Error(`docker push ${tag} failed: ${deps.masks.redact(reason(run))}`);
      digest = /digest: (sha256:[0-9a-f]{64})/.exec(run.stdout)?.[1] ?? digest;
    });
  }
  return digest;
}

/** buildx's metadata file; one that holds a secret in any form is an error, never an output. */
function readMetadata(path: string, masks: MaskRegistry): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const form = masks.find(text);
  if (form) throw new Error(`buildx's metadata file holds secret ${form.name}: it is not given as an output.`);
  return text;
}

function metadataDigest(metadata: string | undefined): string | undefined {
  if (metadata === undefined) return undefined;
  try {
    const meta = JSON.parse(metadata) as Record<string, unknown>;
    const digest = meta['containerimage.digest'];
    return typeof digest === 'string' ? digest : undefined;
  } catch {
    return undefined;
  }
}

function workspaceRelative(path: string): string {
  const workspace = process.env['GITHUB_WORKSPACE'];
  if (!workspace) return path;
  const rel = relative(workspace, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
