// The egress list through the bundled action: the `egress` output and the summary name
// every endpoint, and (with strace watching every connect(2) of main, post and their
// children) every connection the steps really made is on the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { startCacheService, type CacheService } from '../cache-server/server.js';
import { allSecretValues, expectNoLeaks, startFixture, type Fixture } from './fixture.js';
import { parseCommands } from '../runner/commands.js';
import {
  BASE_IMAGE,
  DOCKER_PATH,
  ensureBaseImage,
  missingDockerPrerequisites,
  startRegistry,
  type Registry,
} from '../docker/setup.js';

const hasStrace = spawnSync('strace', ['-V']).status === 0;
const underCi = Boolean(process.env['CI']);
if (!hasStrace && !underCi) console.warn('egress connection tests skipped: missing strace (apt-get install strace)');

let fx: Fixture;
let svc: CacheService;
beforeAll(async () => {
  fx = await startFixture();
  svc = await startCacheService();
});
afterAll(async () => {
  await svc.close();
  await fx.server.close();
});

/** Every IPv4/IPv6 address and port the traced processes connected to (unix sockets left out). */
function connections(traceFile: string): Set<string> {
  const seen = new Set<string>();
  for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
    const v4 = /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line);
    const v6 = /sin6_port=htons\((\d+)\).*inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    const m = v4 ?? v6;
    if (m) seen.add(`${m[2]}:${m[1]}`);
  }
  return seen;
}

/** host:port lines of the list, as the addresses they resolve to. */
async function resolved(list: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const entry of list) {
    const at = entry.lastIndexOf(':');
    const host = entry.slice(0, at).replace(/^\[|\]$/g, '');
    if (host.startsWith('*.')) continue;
    for (const a of await lookup(host, { all: true })) out.add(`${a.address}:${entry.slice(at + 1)}`);
  }
  return out;
}

const strace = (file: string): string[] => ['strace', '-f', '-qq', '-e', 'trace=connect', '-o', file];

describe.runIf(hasStrace || underCi)('egress list', () => {
  it('names Vault, the OIDC token endpoint and the cache service, and every connection main and post made is on it', async () => {
    const oidcUrl = fx.server.oidc.requestUrl.replace('127.0.0.1', 'localhost');
    const job = new Job({
      ...svc.env,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.server.oidc.requestToken,
    });
    const traces = mkdtempSync(join(tmpdir(), 'egress-trace-'));
    try {
      const main = await job.main(
        {
          'vault-addr': fx.server.url,
          'vault-method': 'jwt',
          'vault-role': 'ci',
          'vault-jwt-audience': 'https://github.com/octo-org',
          'vault-renew': 'false',
          secrets: 'secret/ci/app api_key | KEY',
          'cache-paths': '.cache/egress',
          'cache-key': `egress-${Date.now()}`,
        },
        { wrap: strace(join(traces, 'main')), timeoutMs: 60_000 },
      );
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const vault = new URL(fx.server.url);
      const results = new URL(svc.resultsUrl);
      const listed = (main.outputs['egress'] ?? '').split('\n');
      expect([...listed].sort()).toEqual(
        [
          `127.0.0.1:${vault.port}`,
          `*.blob.core.windows.net:443`,
          `localhost:${vault.port}`,
          `${results.hostname}:${results.port}`,
        ].sort(),
      );
      mkdirSync(join(job.workspace, '.cache/egress'), { recursive: true });
      writeFileSync(join(job.workspace, '.cache/egress/dep.js'), 'module.exports = 1;\n');
      const post = await job.post({ wrap: strace(join(traces, 'post')), timeoutMs: 60_000 });
      expect(post.exitCode, post.stdout + post.stderr).toBe(0);
      expect(job.summary).toContain('scanned clean and saved');

      // What the steps did: Vault (login, read, revoke), the OIDC endpoint, the cache service, and the
      // blob store, which stands in here for the *.blob.core.windows.net entry of github.com.
      const made = new Set([...connections(join(traces, 'main')), ...connections(join(traces, 'post'))]);
      const blob = new URL(svc.blobAccountUrl);
      const allowed = await resolved(listed);
      const offList = [...made].filter((c) => !allowed.has(c) && c !== `127.0.0.1:${blob.port}`);
      expect(offList, `connections not on the egress list: ${offList.join(', ')}`).toEqual([]);
      // and the test saw the connections it is about (strace and the parsing work)
      expect(made).toContain(`127.0.0.1:${vault.port}`);
      expect(made).toContain(`127.0.0.1:${results.port}`);
      expect(made).toContain(`127.0.0.1:${blob.port}`);

      expect(job.summary).toContain('<h4>Egress</h4>');
      expect(job.summary).toContain(`<pre>${listed.join('\n').replace('*', '&#42;')}</pre>`);
      expect(job.summary).toContain(`localhost:${vault.port}: GitHub&#39;s OIDC token (vault-method jwt)`);
      expectNoLeaks(job, allSecretValues(fx, job));
    } finally {
      job.dispose();
    }
  }, 120_000);

  it('a hostile Dockerfile never reaches the list or the log as a workflow command', async () => {
    const job = new Job({ PATH: DOCKER_PATH });
    try {
      const ctx = join(job.workspace, 'ctx');
      mkdirSync(ctx);
      writeFileSync(
        join(ctx, 'Dockerfile'),
        [
          'ARG BASE',
          'FROM ::error::pwned',
          'FROM <img src=x>/a:1',
          'FROM ${BASE}/b',
          'FROM ok.example:5000/c:1',
          '',
        ].join('\n'),
      );
      // main fails later (no such images, or no docker here): the list is made first
      const main = await job.main(
        { 'build-context': ctx, 'build-tags': 'local/never:1', 'build-check': 'off' },
        { timeoutMs: 60_000 },
      );
      expect(main.outputs['egress']).toBe(
        [
          'auth.docker.io:443',
          'ok.example:5000',
          'production.cloudflare.docker.com:443',
          'registry-1.docker.io:443',
        ].join('\n'),
      );
      // the hostile names are text in the log, never a command
      expect(parseCommands(main.stdout).filter((c) => c.command === 'error' && c.message.includes('pwned'))).toEqual(
        [],
      );
      expect(main.stdout).toMatch(
        /Egress not named: a build pulls \$\{BASE\}\/b, whose registry depends on a variable/,
      );
      expect(main.stdout).not.toMatch(/^::error::pwned/m);
    } finally {
      job.dispose();
    }
  });
});

const missingDocker = missingDockerPrerequisites();
describe.runIf(missingDocker.length === 0 || underCi)('egress list of a build', () => {
  let registry: Registry;
  beforeAll(async () => {
    ensureBaseImage();
    registry = await startRegistry();
  });
  afterAll(async () => registry.stop());

  it('names the registry logged in to and pushed to, and Docker Hub for the base image', async () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const job = new Job({ PATH: DOCKER_PATH, HOME: home });
    try {
      const ctx = join(job.workspace, 'ctx');
      mkdirSync(ctx);
      writeFileSync(join(ctx, 'Dockerfile'), `ARG BASE=${BASE_IMAGE}\nFROM $BASE AS base\nFROM base\nRUN true\n`);
      const main = await job.main(
        {
          registry: registry.host,
          'registry-username': registry.username,
          'registry-password': registry.password,
          'build-context': ctx,
          'build-tags': `${registry.host}/app/egress:1`,
          'build-push': 'true',
        },
        { timeoutMs: 120_000 },
      );
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      expect((main.outputs['egress'] ?? '').split('\n')).toEqual([
        registry.host,
        'auth.docker.io:443',
        'production.cloudflare.docker.com:443',
        'registry-1.docker.io:443',
      ]);
      expect(job.summary).toContain(
        `${registry.host}: docker login ${registry.host}; push ${registry.host}/app/egress:1`,
      );
      expect(job.summary).toContain(`registry-1.docker.io:443: pull ${BASE_IMAGE}`);
      await job.post();
      expectNoLeaks(job, [registry.password]);
    } finally {
      job.dispose();
    }
  }, 180_000);
});
