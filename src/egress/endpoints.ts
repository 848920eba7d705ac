// The egress list: every host:port the job's use of this action connects to from the
// runner (main, post, the refresh and renewal steps), in the form StepSecurity
// harden-runner's `allowed-endpoints` takes, so a team can move from audit mode to block
// mode without guessing. Pure: the config and the environment in, endpoints out.
// Vault's own calls (to the OIDC issuer's keys, to AWS STS, to GitHub for the github
// method) leave from Vault, not from the runner, and are not listed.
import { proxyFor, type ProxyEnv } from '../vault/proxy-env.js';
import { registryOf } from './images.js';

export interface Endpoint {
  /** Lower-case host name or IP address (IPv6 in brackets). */
  readonly host: string;
  readonly port: number;
  /** What needs it, in the action's own words plus names from the workflow. */
  readonly why: string;
}

export interface EgressInput {
  /** Vault's address (vault-url / VAULT_ADDR) when the step contacts Vault. */
  readonly vaultAddr: string | undefined;
  /** The jwt method with GitHub's OIDC token (no vault-jwt and no signing key given). */
  readonly githubOidc: boolean;
  readonly proxy: ProxyEnv;
  /** Registries logged in to (registry, registry-logins). */
  readonly logins: readonly string[];
  /** Image references a build pulls, pushes or caches to/from. */
  readonly images: readonly { readonly ref: string; readonly why: string }[];
  /** Caches through the Actions cache service: cache-paths, or a build cache of type gha. */
  readonly cacheService: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Egress {
  readonly endpoints: readonly Endpoint[];
  /** What could not be named (a variable in a FROM line, a GHES cache's blob store): said, never guessed. */
  readonly unknown: readonly string[];
}

/** Hosts behind Docker Hub, GHCR and MCR: pulls are redirected to their blob stores. */
const REGISTRY_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'docker.io': ['registry-1.docker.io:443', 'auth.docker.io:443', 'production.cloudflare.docker.com:443'],
  'ghcr.io': ['ghcr.io:443', 'pkg-containers.githubusercontent.com:443'],
  'mcr.microsoft.com': ['mcr.microsoft.com:443', '*.data.mcr.microsoft.com:443'],
};
const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export function egressOf(input: EgressInput): Egress {
  const found = new Map<string, Endpoint>();
  const unknown: string[] = [];
  const add = (hostPort: string, why: string): void => {
    const endpoint = parseHostPort(hostPort, 443);
    if (!endpoint) {
      unknown.push(`${why}: not a host name`);
      return;
    }
    const key = `${endpoint.host}:${endpoint.port}`;
    const had = found.get(key);
    if (!had) found.set(key, { ...endpoint, why });
    else if (!had.why.split('; ').includes(why)) found.set(key, { ...had, why: `${had.why}; ${why}` });
  };
  /** An HTTP(S) service the action calls itself: through the proxy when one applies. */
  const addUrl = (raw: string, why: string): void => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      unknown.push(`${why}: not a URL`);
      return;
    }
    const proxy = proxyFor(url, input.proxy);
    if (proxy) add(hostPortOf(proxy), `proxy (${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}) for ${why}`);
    else add(hostPortOf(url), why);
  };
  const addRegistry = (registry: string, why: string): void => {
    const host = DOCKER_HUB_NAMES.has(registry) ? 'docker.io' : registry;
    for (const hostPort of REGISTRY_HOSTS[host] ?? [host]) add(hostPort, why);
  };

  if (input.vaultAddr !== undefined) addUrl(input.vaultAddr, 'Vault');
  if (input.githubOidc) {
    const url = input.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
    if (url) addUrl(url, "GitHub's OIDC token (vault-method jwt)");
    else unknown.push("GitHub's OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (permissions: id-token: write)");
  }
  for (const login of input.logins) addRegistry(loginHost(login), `docker login ${login}`);
  for (const image of input.images) addRegistry(registryOf(image.ref), `${image.why} ${image.ref}`);
  if (input.cacheService.length > 0) addCacheService(input, addUrl, add, unknown);
  const endpoints = [...found.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
  return { endpoints, unknown };
}

function addCacheService(
  input: EgressInput,
  addUrl: (url: string, why: string) => void,
  add: (hostPort: string, why: string) => void,
  unknown: string[],
): void {
  const why = `cache service (${input.cacheService.join(', ')})`;
  const { env } = input;
  // @actions/cache's choice (actions-cache.md): v2 on github.com and GHE.com, v1 elsewhere.
  const v2 = Boolean(env['ACTIONS_CACHE_SERVICE_V2']) && !onGhes(env['GITHUB_SERVER_URL']);
  const service = v2 ? env['ACTIONS_RESULTS_URL'] : env['ACTIONS_CACHE_URL'];
  if (!service) {
    unknown.push(`${why}: no cache service on this runner`);
    return;
  }
  addUrl(service, why);
  if (!v2) return;
  // v2 hands out signed blob URLs: Azure Blob Storage on github.com; elsewhere the service names it.
  if (onGithubCom(env['GITHUB_SERVER_URL'])) add('*.blob.core.windows.net:443', `${why}: blob storage`);
  else unknown.push(`${why}: the blob storage host the cache service hands out`);
}

function onGithubCom(server: string | undefined): boolean {
  return server === undefined || server === '' || hostOf(server) === 'github.com';
}

function onGhes(server: string | undefined): boolean {
  if (onGithubCom(server)) return false;
  const host = hostOf(server ?? '');
  return !(host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function hostPortOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** A registry as docker login takes it: a host, host:port, or a URL (https://index.docker.io/v1/). */
function loginHost(registry: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry)) {
    try {
      const url = new URL(registry);
      return url.port ? `${url.hostname}:${url.port}` : url.hostname.toLowerCase();
    } catch {
      return registry;
    }
  }
  return registry.replace(/\/.*$/, '').toLowerCase();
}

const HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * `host`, `host:port`, `[v6]:port`: the endpoint, or undefined for anything else. Names
 * come from workflow inputs and Dockerfiles, and the list is pasted into a workflow: only
 * plain host names and addresses pass.
 */
export function parseHostPort(text: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(text.trim().toLowerCase());
  if (!m?.[1]) return undefined;
  const host = m[1];
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (port < 1 || port > 65535 || host.length > 253) return undefined;
  return HOST.test(host) || IPV6.test(host) ? { host, port } : undefined;
}

/** harden-runner's allowed-endpoints: one host:port per line. */
export function allowedEndpoints(endpoints: readonly Endpoint[]): string {
  return endpoints.map((e) => `${e.host}:${e.port}`).join('\n');
}
