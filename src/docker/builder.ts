// Which BuildKit front door this machine has: `docker buildx build` when the buildx
// plugin is installed, else `docker build` with DOCKER_BUILDKIT=1, which Docker 20.10
// to 22 support and 23+ refuse without buildx.
import { docker, reason } from './cli.js';

export type Builder = 'buildx' | 'buildkit';

export function builderName(builder: Builder): string {
  return builder === 'buildx' ? 'docker buildx build' : 'docker build (BuildKit)';
}

/** Run first: a docker that is missing or cannot build fails the step before Vault is asked. */
export async function detectBuilder(): Promise<Builder> {
  const version = await docker(['version', '--format', '{{.Client.Version}}|{{.Server.Version}}']);
  const [client = '', server = ''] = version.stdout.trim().split('|');
  if (version.exitCode !== 0 || server === '') {
    throw new Error(
      `cannot reach the Docker engine: ${reason(version)}. Start dockerd (or check DOCKER_HOST) before building.`,
    );
  }
  if ((await docker(['buildx', 'version'])).exitCode === 0) return 'buildx';
  const major = Number(client.split('.')[0]);
  if (Number.isFinite(major) && major < 23) return 'buildkit';
  throw new Error(
    `docker ${client} has no buildx plugin, and Docker 23 and later build with BuildKit only through buildx: install the docker-buildx-plugin, or put a docker that has it first on PATH.`,
  );
}
