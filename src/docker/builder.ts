// Which BuildKit front door this machine has: `docker buildx build` when the buildx
// plugin is installed, else `docker build` with DOCKER_BUILDKIT=1, which Docker 20.10
// to 22 support and 23+ refuse without buildx. For buildx, also which driver the chosen
// builder has: the `docker` driver (the engine's own BuildKit) records no attestations
// and exports no cache but inline, so those inputs are refused there before any login.
import { docker, reason } from './cli.js';

export type Builder = 'buildx' | 'buildkit';

export interface BuildPlatform {
  readonly builder: Builder;
  /** buildx's driver for the selected builder (docker, docker-container, kubernetes, remote); undefined without buildx. */
  readonly driver: string | undefined;
}

export function builderName(builder: Builder): string {
  return builder === 'buildx' ? 'docker buildx build' : 'docker build (BuildKit)';
}

/** Run first: a docker that is missing or cannot build fails the step before Vault is asked. */
export async function detectBuilder(env: Record<string, string>, builderInstance?: string): Promise<BuildPlatform> {
  const version = await docker(['version', '--format', '{{.Client.Version}}|{{.Server.Version}}'], { env });
  const [client = '', server = ''] = version.stdout.trim().split('|');
  if (version.exitCode !== 0 || server === '') {
    throw new Error(
      `cannot reach the Docker engine: ${reason(version)}. Start dockerd (or check DOCKER_HOST) before building.`,
    );
  }
  if ((await docker(['buildx', 'version'], { env })).exitCode === 0)
    return { builder: 'buildx', driver: await buildxDriver(env, builderInstance) };
  if (builderInstance !== undefined)
    throw new Error(`build-builder names a buildx builder, and docker ${client} has no buildx plugin: install it.`);
  const major = Number(client.split('.')[0]);
  if (Number.isFinite(major) && major < 23) return { builder: 'buildkit', driver: undefined };
  throw new Error(
    `docker ${client} has no buildx plugin, and Docker 23 and later build with BuildKit only through buildx: install the docker-buildx-plugin, or put a docker that has it first on PATH.`,
  );
}

async function buildxDriver(env: Record<string, string>, instance: string | undefined): Promise<string> {
  const run = await docker(['buildx', 'inspect', ...(instance !== undefined ? [instance] : [])], { env });
  if (run.exitCode !== 0)
    throw new Error(
      `docker buildx inspect${instance !== undefined ? ` ${instance}` : ''} failed: ${reason(run)}. Check build-builder, or create the builder first (docker buildx create).`,
    );
  return parseDriver(run.stdout);
}

/** The `Driver:` line of `docker buildx inspect` (its text form: older buildx has no --format). */
export function parseDriver(inspect: string): string {
  return /^Driver:\s*(\S+)/m.exec(inspect)?.[1] ?? 'unknown';
}

/** The engine's own BuildKit: no attestations, no cache export but inline. */
export function isDockerDriver(platform: BuildPlatform): boolean {
  return platform.builder === 'buildx' && platform.driver === 'docker';
}
