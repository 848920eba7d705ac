// The egress list (src/egress/): which host:port each part of the config needs, the
// images a Dockerfile pulls, and that only plain host names reach the list.
import { describe, expect, it } from 'vitest';
import { allowedEndpoints, egressOf, parseHostPort, type EgressInput } from '../../src/egress/endpoints.js';
import { pulledImages, registryCacheRef, registryOf } from '../../src/egress/images.js';
import { proxyEnv } from '../../src/vault/proxy-env.js';

const none: EgressInput = {
  vaultAddr: undefined,
  githubOidc: false,
  proxy: proxyEnv({}),
  logins: [],
  images: [],
  cacheService: [],
  env: {},
};
const list = (input: Partial<EgressInput>): string => allowedEndpoints(egressOf({ ...none, ...input }).endpoints);

describe('egress endpoints', () => {
  it('names Vault with the port its scheme implies, and never its userinfo or path', () => {
    expect(list({ vaultAddr: 'https://vault.example.com' })).toBe('vault.example.com:443');
    expect(list({ vaultAddr: 'http://ci:pw@Vault.Example.com/base/' })).toBe('vault.example.com:80');
    expect(list({ vaultAddr: 'https://10.0.0.5:8200' })).toBe('10.0.0.5:8200');
    expect(list({ vaultAddr: 'https://[fd00::1]:8200' })).toBe('[fd00::1]:8200');
  });

  it('names the proxy instead of Vault when HTTPS_PROXY applies, and Vault when NO_PROXY bypasses it', () => {
    const proxy = proxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128' });
    const e = egressOf({ ...none, vaultAddr: 'https://vault.example.com', proxy });
    expect(e.endpoints).toEqual([{ host: 'proxy.corp', port: 3128, why: 'proxy (HTTPS_PROXY) for Vault' }]);
    const bypass = proxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.example.com' });
    expect(list({ vaultAddr: 'https://vault.example.com', proxy: bypass })).toBe('vault.example.com:443');
  });

  it("names GitHub's OIDC token endpoint for the jwt method, and says when it is not there", () => {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelinesghubeus2.actions.githubusercontent.com/abc/idtoken' };
    expect(list({ githubOidc: true, env })).toBe('pipelinesghubeus2.actions.githubusercontent.com:443');
    const missing = egressOf({ ...none, githubOidc: true });
    expect(missing.endpoints).toEqual([]);
    expect(missing.unknown.join()).toMatch(/ACTIONS_ID_TOKEN_REQUEST_URL is not set/);
  });

  it("names Docker Hub's, GHCR's and MCR's blob hosts, and other registries as they are", () => {
    expect(list({ logins: ['docker.io'] }).split('\n')).toEqual([
      'auth.docker.io:443',
      'production.cloudflare.docker.com:443',
      'registry-1.docker.io:443',
    ]);
    expect(list({ logins: ['https://index.docker.io/v1/'] })).toBe(list({ logins: ['docker.io'] }));
    expect(list({ logins: ['ghcr.io'] })).toBe('ghcr.io:443\npkg-containers.githubusercontent.com:443');
    expect(list({ images: [{ ref: 'mcr.microsoft.com/dotnet/sdk:8.0', why: 'pull' }] })).toBe(
      '*.data.mcr.microsoft.com:443\nmcr.microsoft.com:443',
    );
    expect(list({ logins: ['registry.corp:5000'], images: [{ ref: 'registry.corp:5000/app:1', why: 'push' }] })).toBe(
      'registry.corp:5000',
    );
  });

  it('lists each endpoint once, with every reason for it', () => {
    const e = egressOf({ ...none, logins: ['ghcr.io'], images: [{ ref: 'ghcr.io/o/app:1', why: 'push' }] });
    expect(e.endpoints.find((x) => x.host === 'ghcr.io')?.why).toBe('docker login ghcr.io; push ghcr.io/o/app:1');
  });

  it('names the cache service: v2 and Azure blob storage on github.com, v1 elsewhere, nothing without one', () => {
    const v2 = {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/',
    };
    expect(list({ cacheService: ['cache-paths'], env: v2 })).toBe(
      '*.blob.core.windows.net:443\nresults-receiver.actions.githubusercontent.com:443',
    );
    const ghes = {
      ...v2,
      GITHUB_SERVER_URL: 'https://ghes.corp',
      ACTIONS_CACHE_URL: 'https://ghes.corp/_services/cache/',
    };
    expect(list({ cacheService: ['cache-paths'], env: ghes })).toBe('ghes.corp:443');
    const ghe = { ...v2, GITHUB_SERVER_URL: 'https://octo.ghe.com' };
    const gheList = egressOf({ ...none, cacheService: ['cache-paths'], env: ghe });
    expect(allowedEndpoints(gheList.endpoints)).toBe('results-receiver.actions.githubusercontent.com:443');
    expect(gheList.unknown.join()).toMatch(/blob storage host the cache service hands out/);
    expect(egressOf({ ...none, cacheService: ['cache-paths'] }).unknown.join()).toMatch(/no cache service/);
    expect(list({ env: v2 })).toBe('');
  });

  it('keeps hostile names out of the list: only plain host names and addresses pass', () => {
    for (const bad of [
      '::error::x',
      'a b',
      'evil.com/x',
      '##[group]x',
      'x\n::warning::y',
      'ex_ample.com',
      'a..b',
      '-a.com',
      'a.com:0',
      'a.com:65536',
    ]) {
      expect(parseHostPort(bad, 443), bad).toBeUndefined();
    }
    const e = egressOf({ ...none, logins: ['::error::pwned'], images: [{ ref: 'EVIL.com:99/x', why: 'pull' }] });
    expect(allowedEndpoints(e.endpoints)).toBe('evil.com:99');
    expect(e.unknown).toEqual(['docker login ::error::pwned: not a host name']);
  });
});

describe('images a build pulls', () => {
  const none = new Map<string, string>();
  it('reads FROM, COPY --from, RUN --mount from= and the syntax frontend; skips stages and scratch', () => {
    const file = [
      '# syntax=docker/dockerfile:1.7',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
      'FROM build AS test',
      'COPY --from=ghcr.io/o/tools:2 /bin/tool /bin/',
      'RUN --mount=type=bind,from=quay.io/o/data:1,target=/d true',
      'FROM scratch',
      'COPY --from=build /out /',
      'COPY --from=0 /x /y',
    ].join('\n');
    expect(pulledImages(file, none)).toEqual({
      images: ['docker/dockerfile:1.7', 'golang:1.22', 'ghcr.io/o/tools:2', 'quay.io/o/data:1'],
      unresolved: [],
    });
  });

  it('applies global ARG defaults and build-args; a variable left is unresolved, never guessed', () => {
    const file =
      'ARG REG=registry.corp\nARG TAG\nFROM ${REG}/base:${TAG:-1}\nFROM $UNKNOWN/x\nARG LATE=no\nFROM $LATE/y';
    expect(pulledImages(file, none)).toEqual({
      images: ['registry.corp/base:1'],
      unresolved: ['$UNKNOWN/x', '$LATE/y'],
    });
    expect(
      pulledImages(
        file,
        new Map([
          ['REG', 'mirror.corp:5000'],
          ['TAG', '2'],
        ]),
      ).images,
    ).toEqual(['mirror.corp:5000/base:2']);
  });

  it('finds the registry of a reference as docker normalizes it', () => {
    expect(registryOf('node:20')).toBe('docker.io');
    expect(registryOf('library/node')).toBe('docker.io');
    expect(registryOf('localhost/app')).toBe('localhost');
    expect(registryOf('127.0.0.1:5000/app:1')).toBe('127.0.0.1:5000');
    expect(registryOf('GHCR.io/o/app@sha256:00')).toBe('ghcr.io');
  });

  it("reads a registry cache's ref, in buildx's long and short forms", () => {
    expect(registryCacheRef('type=registry,ref=ghcr.io/o/cache:main,mode=max')).toBe('ghcr.io/o/cache:main');
    expect(registryCacheRef('ghcr.io/o/cache:main')).toBe('ghcr.io/o/cache:main');
    expect(registryCacheRef('type=gha')).toBeUndefined();
    expect(registryCacheRef('type=local,src=/tmp/c')).toBeUndefined();
  });
});
