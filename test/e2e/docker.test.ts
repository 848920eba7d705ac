// Registry login and BuildKit builds on a real Docker engine and a real registry,
// through the bundled action, with the values in hand.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Job } from '../runner/job.js';
import { errorLine } from './fixture.js';
import { ArgvWatcher } from '../runner/argv.js';
import { findIn, leakNeedles, listTree, scanTree } from '../runner/leaks.js';
import { startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import {
  BASE_IMAGE,
  DOCKER_PATH,
  dockerCli,
  missingDockerPrerequisites,
  ensureBaseImage,
  startRegistry,
  type Registry,
} from '../docker/setup.js';

// Without their prerequisites these tests skip, saying in one line what is missing;
// under CI they must run, so there a missing piece fails the suite instead.
const missing = missingDockerPrerequisites();
const underCi = Boolean(process.env['CI']);
if (missing.length > 0 && !underCi) console.warn(`docker tests skipped: missing ${missing.join(', ')}`);

describe.runIf(missing.length === 0 || underCi)('docker login and BuildKit builds', () => {
  let vault: VaultDevServer;
  let registry: Registry;
  let job: Job;
  let home: string;
  const apiKey = `bk-${randomBytes(20).toString('base64url')}`;
  const npmToken = `npm_${randomBytes(24).toString('hex')}`;

  beforeAll(async () => {
    if (missing.length > 0)
      throw new Error(`CI is set but the docker tests lack ${missing.join(', ')}: .ci/run installs them`);
    ensureBaseImage();
    registry = await startRegistry();
    vault = await startVaultDevServer();
    vault.mountKv('', 'secret', 2);
    vault.putKv('', 'secret', 'ci/registry', { username: registry.username, password: registry.password });
    vault.putKv('', 'secret', 'ci/build', { api_key: apiKey, npm_token: npmToken });
  });
  afterAll(async () => {
    await vault.close();
    await registry.stop();
  });
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'home-'));
    job = new Job({ PATH: DOCKER_PATH, HOME: home });
  });
  afterEach(() => job.dispose());

  const spec =
    'secret/ci/registry username | REG_USER\nsecret/ci/registry password | REG_PASSWORD\nsecret/ci/build * | BUILD_';
  const inputs = (extra: Record<string, string>): Record<string, string> => ({
    'vault-addr': vault.url,
    'vault-token': vault.rootToken,
    secrets: spec,
    ...extra,
  });

  function context(dockerfile: string): string {
    const dir = join(job.workspace, `ctx-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    return dir;
  }

  const secretDockerfile = [
    `FROM ${BASE_IMAGE}`,
    '# the secret is read during this RUN only, and only its size lands in the image',
    'RUN --mount=type=secret,id=api_key,required=true wc -c < /run/secrets/api_key > /api_key.bytes',
    'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /npm.bytes',
    '',
  ].join('\n');

  it('logs in with a fetched password on stdin, builds with secret mounts, pushes, and leaves nothing', async () => {
    const image = `${registry.host}/app/secret-build:${randomBytes(3).toString('hex')}`;
    const watcher = new ArgvWatcher();
    watcher.start();
    const main = await job.main(
      inputs({
        'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
        'build-context': context(secretDockerfile),
        'build-tags': image,
        'build-secrets': 'api_key=BUILD_API_KEY\nnpm=BUILD_NPM_TOKEN',
        'build-push': 'true',
        // secret mounts are not in BuildKit's cache keys: a cached RUN would hold another test's byte count
        'build-no-cache': 'true',
      }),
      { timeoutMs: 120_000 },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.outputs['builder']).toBe('docker build (BuildKit)');
    expect(main.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(main.outputs['digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(main.log).toMatch(/Logged in to 127\.0\.0\.1:\d+/);
    // the registry's access log shows the login (what the build-arg test relies on seeing none of)
    expect(registry.log()).toMatch(/"GET \/v2\/ HTTP\/1\.1" 200/);
    // docker's auth string for this login was masked before docker could write it
    expect(main.masks).toContain(Buffer.from(`${registry.username}:${registry.password}`).toString('base64'));

    // the build saw the secrets: their byte counts are in the image, the values are not
    expect(dockerCli(['run', '--rm', image, 'cat', '/api_key.bytes']).trim()).toBe(String(apiKey.length));
    expect(dockerCli(['run', '--rm', image, 'cat', '/npm.bytes']).trim()).toBe(String(npmToken.length));

    // a later step uses the exported DOCKER_CONFIG: pull and push with the action's login
    const dockerConfig = job.env['DOCKER_CONFIG'] ?? '';
    expect(dockerConfig.startsWith(main.state['session-root'] ?? '-')).toBe(true);
    const later = { ...process.env, PATH: DOCKER_PATH, DOCKER_CONFIG: dockerConfig };
    dockerCli(['rmi', image]);
    expect(spawnSync('docker', ['pull', image], { env: later }).status).toBe(0);
    dockerCli(['tag', image, `${image}-again`]);
    expect(spawnSync('docker', ['push', `${image}-again`], { env: later }).status).toBe(0);

    const post = await job.post();
    watcher.stop();
    expect(post.exitCode, post.stdout + post.stderr).toBe(0);
    expect(post.log).toMatch(/logged out of 127\.0\.0\.1:\d+/);

    // the credentials are gone: the config folder is removed and the same pull now fails
    expect(existsSync(dockerConfig)).toBe(false);
    dockerCli(['rmi', image, `${image}-again`]);
    const after = spawnSync('docker', ['pull', image], { env: later, encoding: 'utf8' });
    expect(after.status).not.toBe(0);
    expect(existsSync(join(home, '.docker'))).toBe(false);

    const values = [registry.password, apiKey, npmToken];
    // the watcher did see the action's docker processes, so what it did not see is meaningful
    expect(
      [...watcher.seen].some((c) => /docker login 127\.0\.0\.1:\d+ --username ci-pusher --password-stdin/.test(c)),
    ).toBe(true);
    expect(
      [...watcher.seen].some((c) => /docker build .*--secret id=api_key,src=\S+\/files\/BUILD_API_KEY/.test(c)),
    ).toBe(true);
    for (const v of values) expect(watcher.holding(v), 'a process had a secret in its argv').toEqual([]);
    for (const v of values) for (const s of job.steps) expect(findIn(s.stdout + s.stderr, v)).toEqual([]);
    for (const v of values) expect(findIn(job.summary, v)).toEqual([]);
    expect(scanTree(job.dir, values), 'a file left in the job folder holds a secret').toEqual([]);
    expect(listTree(main.state['session-root'] ?? '')).toEqual([]);
  });

  it("docker-config default: logs in to the runner's ~/.docker, and post logs out of it", async () => {
    const main = await job.main(
      inputs({ 'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`, 'docker-config': 'default' }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const config = join(home, '.docker', 'config.json');
    expect(readFileSync(config, 'utf8')).toContain(registry.host);
    expect(job.env['DOCKER_CONFIG']).toBeUndefined();
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(readFileSync(config, 'utf8')).not.toContain(registry.host);
    expect(scanTree(home, [registry.password])).toEqual([]);
  });

  it('keeps the secrets out of docker history and docker save of the built image', async () => {
    const tag = `local/secret-build:${randomBytes(3).toString('hex')}`;
    const main = await job.main(
      inputs({
        'build-context': context(secretDockerfile),
        'build-tags': tag,
        'build-secrets': 'api_key=BUILD_API_KEY,npm=BUILD_NPM_TOKEN',
      }),
      { timeoutMs: 120_000 },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const history = dockerCli(['history', '--no-trunc', tag]);
    const saved = dockerCli(['save', tag]);
    for (const v of [apiKey, npmToken]) {
      for (const n of leakNeedles(v)) {
        expect(history.includes(n), 'docker history holds a secret').toBe(false);
        expect(saved.includes(n), 'docker save holds a secret').toBe(false);
      }
    }
    await job.post();
  });

  it("registry-password input: docker's auth string is masked before docker login writes it", async () => {
    const main = await job.main({
      registry: registry.host,
      'registry-username': registry.username,
      'registry-password': registry.password,
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
    expect(readFileSync(join(job.env['DOCKER_CONFIG'] ?? '', 'config.json'), 'utf8')).toContain(auth);
    const lines = main.stdout.split('\n');
    const mask = lines.indexOf(`::add-mask::${auth}`);
    expect(mask).toBeGreaterThan(-1);
    expect(mask).toBeLessThan(lines.findIndex((l) => l.includes('docker login')));
    const post = await job.post();
    expect(post.exitCode).toBe(0);
  });

  it('a wrong password fails with the registry and its 401, never the password', async () => {
    vault.putKv('', 'secret', 'ci/wrong', { password: 'definitely-the-wrong-password' });
    const main = await job.main(
      inputs({
        secrets: `${spec}\nsecret/ci/wrong password | WRONG`,
        'registry-logins': `${registry.host} ci-pusher WRONG`,
      }),
    );
    expect(main.exitCode).toBe(1);
    const error = errorLine(main.stdout);
    expect(error).toMatch(
      new RegExp(`docker login to ${registry.host.replace(/\./g, '\\.')} failed: .*401 Unauthorized`),
    );
    expect(findIn(main.stdout + main.stderr, 'definitely-the-wrong-password')).toEqual([]);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log).not.toMatch(/logged out/);
  });

  it('refuses a build arg that holds a fetched secret, in any form, before logging in or building', async () => {
    const before = registry.log().length;
    for (const [arg, form] of [
      [`TOKEN=${apiKey}`, ''],
      [`BLOB=${Buffer.from(`x:${apiKey}`).toString('base64')}`, ' \\(as base64\\)'],
    ] as const) {
      const j = new Job({ PATH: DOCKER_PATH, HOME: home });
      try {
        const main = await j.main(
          inputs({
            'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
            'build-context': context(secretDockerfile),
            'build-args': arg,
          }),
        );
        expect(main.exitCode).toBe(1);
        expect(main.stdout).toMatch(
          new RegExp(
            `::error::vault-secrets-action: build-args: ${arg.split('=')[0]} holds secret BUILD_API_KEY${form}\\..*build-secrets and RUN --mount=type=secret`,
          ),
        );
        expect(main.log).not.toMatch(/Logged in/);
        await j.post();
      } finally {
        j.dispose();
      }
    }
    // no request reached the registry: its access log logs every one
    expect(registry.log().slice(before)).not.toMatch(/"(GET|HEAD|POST|PUT|PATCH) \/v2\//);
  });

  it('checks the Dockerfile: value hits fail with annotations at file and line, names warn', async () => {
    const bad = context(
      [
        `FROM ${BASE_IMAGE}`,
        'ARG GITHUB_TOKEN',
        `ENV API_KEY=${apiKey}`,
        'RUN --mount=type=secret,id=missing echo hi',
        '',
      ].join('\n'),
    );
    const main = await job.main(
      inputs({ 'build-context': bad, 'build-tags': 'local/never-built:1', 'build-secrets': 'api_key=BUILD_API_KEY' }),
    );
    expect(main.exitCode).toBe(1);
    const file = `${bad.slice(job.workspace.length + 1)}/Dockerfile`;
    expect(main.stdout).toMatch(
      new RegExp(`::warning title=Dockerfile secret-name,file=${file},line=2::ARG GITHUB_TOKEN looks like a secret`),
    );
    expect(main.stdout).toMatch(
      new RegExp(
        `::error title=Dockerfile secret-value,file=${file},line=3::ENV API_KEY holds the value of secret BUILD_API_KEY`,
      ),
    );
    expect(main.stdout).toMatch(/line=4::RUN mounts secret "missing"/);
    expect(main.stdout).toMatch(/unused-secret.*api_key/);
    expect(main.stdout).toMatch(/::error::vault-secrets-action: the Dockerfile check found 1 problem/);
    expect(
      spawnSync('docker', ['image', 'inspect', 'local/never-built:1'], { env: { ...process.env, PATH: DOCKER_PATH } })
        .status,
    ).not.toBe(0);
    expect(findIn(main.stdout, apiKey)).toEqual([]);
    await job.post();

    // names only: a warning, and the build goes on
    const j = new Job({ PATH: DOCKER_PATH, HOME: home });
    try {
      const warnOnly = context([`FROM ${BASE_IMAGE}`, 'ARG DB_PASSWORD=', 'RUN echo built > /built', ''].join('\n'));
      const ok = await j.main(inputs({ 'build-context': warnOnly, 'build-tags': 'local/warned:1' }), {
        timeoutMs: 120_000,
      });
      expect(ok.exitCode, ok.stdout).toBe(0);
      expect(ok.stdout).toMatch(/::warning title=Dockerfile secret-name,.*line=2::ARG DB_PASSWORD looks like a secret/);
      await j.post();
    } finally {
      j.dispose();
    }
  });

  it('scan-image: a secret written into a layer fails the step and stops the push', async () => {
    const image = `${registry.host}/app/baked:${randomBytes(3).toString('hex')}`;
    // a fresh layer: BuildKit does not rebuild a RUN when only its secret changed
    const fresh = `RUN echo ${randomBytes(6).toString('hex')} > /run-id`;
    const baked = context(
      [
        `FROM ${BASE_IMAGE}`,
        fresh,
        'RUN --mount=type=secret,id=api_key,required=true cp /run/secrets/api_key /baked',
        '',
      ].join('\n'),
    );
    const main = await job.main(
      inputs({
        'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
        'build-context': baked,
        'build-tags': image,
        'build-secrets': 'api_key=BUILD_API_KEY',
        'build-push': 'true',
        'scan-image': 'true',
      }),
      { timeoutMs: 120_000 },
    );
    expect(
      main.exitCode,
      main.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask'))
        .join('\n'),
    ).toBe(1);
    expect(main.stdout).toMatch(
      /::error title=Leaked secret::secret BUILD_API_KEY \(as value\) is in image .* at [0-9a-f]{64}\/layer\.tar!baked/,
    );
    expect(main.stdout).toMatch(
      /::error::vault-secrets-action: the image holds secrets \(BUILD_API_KEY as value: 1\): it was not pushed/,
    );
    const tags = await fetch(`http://${registry.host}/v2/app/baked/tags/list`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`,
      },
    });
    expect(tags.status).toBe(404);
    expect(findIn(main.stdout + main.stderr, apiKey)).toEqual([]);
    await job.post();
    dockerCli(['rmi', image]);
  });

  it('the image scanner catches a build-arg secret in the history, and finds a secret-mount build clean', async () => {
    const { Scanner } = await import('../../src/guard/scanner.js');
    const { scanImage } = await import('../../src/guard/image.js');
    const { formsOf } = await import('../../src/mask/forms.js');
    const forms = formsOf(apiKey).map((f) => ({ ...f, name: 'BUILD_API_KEY' }));
    const env = { PATH: DOCKER_PATH };
    const viaArg = context(
      [`FROM ${BASE_IMAGE}`, 'ARG TOKEN', 'RUN echo "token is $TOKEN" > /dev/null', ''].join('\n'),
    );
    const argTag = `local/build-arg-leak:${randomBytes(3).toString('hex')}`;
    dockerCli(['build', '-q', '--build-arg', `TOKEN=${apiKey}`, '-t', argTag, viaArg]);
    const leaky = new Scanner(forms);
    await scanImage(leaky, argTag, env);
    expect(leaky.hits.length).toBeGreaterThan(0);
    expect(leaky.hits.every((h) => h.name === 'BUILD_API_KEY')).toBe(true);
    expect(leaky.hits.some((h) => h.inner.endsWith('.json'))).toBe(true); // the image config, where history keeps the RUN line

    const clean = new Scanner(forms);
    const main = await job.main(
      inputs({
        'build-context': context(secretDockerfile),
        'build-tags': 'local/mounted:1',
        'build-secrets': 'api_key=BUILD_API_KEY,npm=BUILD_NPM_TOKEN',
      }),
      { timeoutMs: 120_000 },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    await scanImage(clean, 'local/mounted:1', env);
    expect(clean.hits).toEqual([]);
    expect(clean.stats.bytes).toBeGreaterThan(100_000);
    await job.post();
    dockerCli(['rmi', argTag]);
  });

  it('without docker, or with a docker that cannot build with BuildKit, fails first and clearly', async () => {
    const before = vault.requests.length;
    const noDocker = await job.main(inputs({ 'build-context': context(secretDockerfile) }), {
      env: { PATH: '/nonexistent' },
    });
    expect(noDocker.exitCode).toBe(1);
    expect(noDocker.stdout).toMatch(/::error::vault-secrets-action: docker is not installed or not on PATH/);
    expect(vault.requests.length, 'Vault was asked before docker was checked').toBe(before);
    await job.post();

    // a docker 23+ without the buildx plugin (as the docker 28 CLI on these machines is)
    const bin = mkdtempSync(join(tmpdir(), 'fake-docker-'));
    writeFileSync(
      join(bin, 'docker'),
      [
        '#!/bin/sh',
        'case "$1" in',
        '  version) echo "28.2.2|20.10.24"; exit 0;;',
        '  buildx) echo "docker: unknown command: docker buildx" >&2; exit 1;;',
        'esac',
        'echo "unexpected docker $*" >&2; exit 99',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const j = new Job({ PATH: `${bin}:${DOCKER_PATH}`, HOME: home });
    try {
      const main = await j.main(
        inputs({
          'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
          'build-context': context(secretDockerfile),
        }),
      );
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toMatch(
        /::error::vault-secrets-action: docker 28\.2\.2 has no buildx plugin, and Docker 23 and later build with BuildKit only through buildx/,
      );
      expect(main.stdout + main.stderr).not.toMatch(/unexpected docker/);
      await j.post();
    } finally {
      j.dispose();
    }
  });
});
