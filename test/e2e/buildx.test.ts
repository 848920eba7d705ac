// The buildx path on real buildx (the plugin scripts/install-peers.sh builds from the Go
// module proxy), its docker driver on the real engine, a real registry, through the
// bundled action with the values in hand. The plugin sits where users and
// setup-buildx-action put it, in ~/.docker/cli-plugins, so these tests also prove that the
// action's per-job DOCKER_CONFIG still finds it.
// The docker-container driver is not tested (it needs a privileged container and the
// moby/buildkit image, which these machines lack); a current BuildKit is, through buildx's
// remote driver (the second suite below): cache export, provenance, several outputs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
import { BUILDX_PLUGIN, peersReady } from '../peers/available.js';
import { startBuildkitd, type BuildkitDaemon } from '../peers/buildkitd.js';
import { startCacheService } from '../cache-server/server.js';

const dockerMissing = missingDockerPrerequisites();
const underCi = Boolean(process.env['CI']);
if (dockerMissing.length > 0 && !underCi) console.warn(`buildx tests skipped: missing ${dockerMissing.join(', ')}`);
const ready = dockerMissing.length === 0 ? peersReady('buildx tests', ['buildx']) : underCi;

describe.runIf(ready)('buildx builds (real buildx, docker driver, real registry)', () => {
  let vault: VaultDevServer;
  let registry: Registry;
  let job: Job;
  let home: string;
  const apiKey = `bx-${randomBytes(20).toString('base64url')}`;
  const npmToken = `npm_${randomBytes(24).toString('hex')}`;
  const outerToken = `outer-${randomBytes(18).toString('base64url')}`;
  const values = [apiKey, npmToken, outerToken];

  beforeAll(async () => {
    if (dockerMissing.length > 0) throw new Error(`CI is set but the buildx tests lack ${dockerMissing.join(', ')}`);
    if (!existsSync(BUILDX_PLUGIN)) throw new Error(`CI is set but buildx is missing at ${BUILDX_PLUGIN}`);
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
    // where users and setup-buildx-action install the plugin
    mkdirSync(join(home, '.docker', 'cli-plugins'), { recursive: true });
    symlinkSync(BUILDX_PLUGIN, join(home, '.docker', 'cli-plugins', 'docker-buildx'));
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

  function context(dockerfile: string, files: Record<string, string> = {}): string {
    const dir = join(job.workspace, `ctx-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), unique(dockerfile));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  const secretDockerfile = [
    `FROM ${BASE_IMAGE}`,
    'RUN --mount=type=secret,id=api_key,required=true wc -c < /run/secrets/api_key > /api_key.bytes',
    'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /npm.bytes',
    '',
  ].join('\n');

  /** Every output, the summary and every file left in the job folder, for every form of every value. */
  function expectNoValueAnywhere(): void {
    for (const v of values) for (const s of job.steps) expect(findIn(s.stdout + s.stderr, v)).toEqual([]);
    for (const v of values) expect(findIn(job.summary, v)).toEqual([]);
    for (const v of values) for (const s of job.steps) expect(findIn(JSON.stringify(s.outputs), v)).toEqual([]);
    expect(scanTree(job.dir, values), 'a file left in the job folder holds a secret').toEqual([]);
  }

  it('builds with secret mounts on buildx, scans the image, pushes, and leaves nothing anywhere', async () => {
    const image = `${registry.host}/app/buildx:${randomBytes(3).toString('hex')}`;
    const watcher = new ArgvWatcher();
    watcher.start();
    const main = await job.main(
      inputs({
        'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
        'build-context': context(secretDockerfile),
        'build-tags': image,
        'build-secrets': 'api_key=BUILD_API_KEY\nnpm=BUILD_NPM_TOKEN',
        'build-labels': 'org.opencontainers.image.title=buildx-test',
        'build-push': 'true',
        'scan-image': 'true',
      }),
      { timeoutMs: 180_000 },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.outputs['builder']).toBe('docker buildx build');
    expect(main.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(main.outputs['digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    // build-push's metadata output: buildx's own file
    const metadata = JSON.parse(main.outputs['metadata'] ?? '{}') as Record<string, unknown>;
    expect(metadata['containerimage.digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(metadata['buildx.build.ref']).toEqual(expect.any(String));
    // scanned before the push
    const scan = main.log.indexOf('leak guard: image');
    expect(scan).toBeGreaterThan(-1);
    expect(scan).toBeLessThan(main.log.indexOf(`docker push ${image}`));

    // the exact byte counts reached the build; the values did not
    expect(dockerCli(['run', '--rm', image, 'cat', '/api_key.bytes']).trim()).toBe(String(apiKey.length));
    expect(dockerCli(['run', '--rm', image, 'cat', '/npm.bytes']).trim()).toBe(String(npmToken.length));
    expect(dockerCli(['inspect', '--format', '{{json .Config.Labels}}', image])).toContain('buildx-test');
    const history = dockerCli(['history', '--no-trunc', image]);
    const saved = dockerCli(['save', image]);
    const inspect = dockerCli(['inspect', image]);
    for (const v of values)
      for (const n of leakNeedles(v)) {
        expect(history.includes(n), 'docker history holds a secret').toBe(false);
        expect(saved.includes(n), 'docker save holds a secret').toBe(false);
        expect(inspect.includes(n), 'the image config holds a secret').toBe(false);
      }

    // a later step's docker still finds buildx through the exported per-job DOCKER_CONFIG
    const dockerConfig = job.env['DOCKER_CONFIG'] ?? '';
    expect(dockerConfig.startsWith(main.state['session-root'] ?? '-')).toBe(true);
    const later = spawnSync('docker', ['buildx', 'version'], {
      env: { ...process.env, PATH: DOCKER_PATH, DOCKER_CONFIG: dockerConfig },
      encoding: 'utf8',
    });
    expect(later.stdout).toMatch(/buildx v\d/);

    const post = await job.post();
    watcher.stop();
    expect(post.exitCode, post.stdout + post.stderr).toBe(0);
    expect(existsSync(dockerConfig)).toBe(false);
    // the shredder removed the plugin link, not the plugin
    expect(existsSync(BUILDX_PLUGIN)).toBe(true);
    expect(existsSync(join(home, '.docker', 'cli-plugins', 'docker-buildx'))).toBe(true);
    expect([...watcher.seen].some((c) => /docker buildx build .*--secret id=api_key,src=\S+/.test(c))).toBe(true);
    for (const v of values) expect(watcher.holding(v), 'a process had a secret in its argv').toEqual([]);
    expectNoValueAnywhere();
    expect(listTree(main.state['session-root'] ?? '')).toEqual([]);
    dockerCli(['rmi', image]);
  });

  it('an image that holds a secret is not pushed: the scan stops it, naming the secret, never the value', async () => {
    const image = `${registry.host}/app/leaky:${randomBytes(3).toString('hex')}`;
    const main = await job.main(
      inputs({
        'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
        'build-context': context(
          [`FROM ${BASE_IMAGE}`, 'RUN --mount=type=secret,id=api_key cat /run/secrets/api_key > /baked', ''].join('\n'),
        ),
        'build-tags': image,
        'build-secrets': 'api_key=BUILD_API_KEY',
        'build-push': 'true',
        'scan-image': 'true',
        'dockerfile-check': 'warn',
        // a secret mount is not part of the cache key: a cached layer would hold an earlier run's value
        'build-no-cache': 'true',
      }),
      { timeoutMs: 180_000 },
    );
    expect(main.exitCode, main.stdout).not.toBe(0);
    expect(errorLine(main.stdout)).toMatch(/the image holds secrets \(BUILD_API_KEY/);
    expect(main.log).not.toContain(`docker push ${image}`);
    expect(registry.log()).not.toMatch(/PUT \/v2\/app\/leaky\/manifests/);
    await job.post();
    expectNoValueAnywhere();
  });

  it('a local output is scanned after the build: a clean one passes', async () => {
    const out = join(job.workspace, 'out');
    const clean = await job.main(
      inputs({
        'build-context': context(secretDockerfile),
        'build-secrets': 'api_key=BUILD_API_KEY\nnpm=BUILD_NPM_TOKEN',
        // one output: Debian's dockerd 20.10 has BuildKit 0.8, which takes a single exporter
        'build-outputs': `type=local,dest=${out}`,
      }),
      { timeoutMs: 180_000 },
    );
    expect(clean.exitCode, clean.stdout + clean.stderr).toBe(0);
    expect(readFileSync(join(out, 'api_key.bytes'), 'utf8').trim()).toBe(String(apiKey.length));
    expect(clean.log).toMatch(/leak guard: build exports \S+out: \d+ byte\(s\) in \d+ file\(s\), 0 hit\(s\)/);
    await job.post();
    expectNoValueAnywhere();
  });

  it('a local output holding a secret fails the step, naming the secret and the file, never the value', async () => {
    const leaky = join(job.workspace, 'leaky');
    const main = await job.main(
      inputs({
        'build-context': context(
          [`FROM ${BASE_IMAGE}`, 'RUN --mount=type=secret,id=npm cat /run/secrets/npm | base64 > /npm.b64', ''].join(
            '\n',
          ),
        ),
        'build-secrets': 'npm=BUILD_NPM_TOKEN',
        'build-outputs': `type=local,dest=${leaky}`,
        'dockerfile-check': 'warn',
        'build-no-cache': 'true',
      }),
      { timeoutMs: 180_000 },
    );
    expect(main.exitCode).not.toBe(0);
    expect(errorLine(main.stdout)).toMatch(/the build's exports hold secrets \(BUILD_NPM_TOKEN/);
    expect(main.log).toMatch(/secret BUILD_NPM_TOKEN \(as base64[^)]*\) is in .*npm\.b64/);
    await job.post();
    // the file is there for the user to look at, but no output or log holds the value
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, npmToken)).toEqual([]);
  });

  it.each([
    [
      'build-provenance',
      { 'build-provenance': 'mode=max' },
      /build-provenance: the docker driver records no attestations/,
    ],
    ['build-sbom', { 'build-sbom': 'true' }, /build-sbom: the docker driver records no attestations/],
    [
      'build-cache-to local',
      { 'build-cache-to': 'type=local,dest=/tmp/never' },
      /build-cache-to: the docker driver exports no local cache \(only inline\)/,
    ],
    [
      'build-outputs registry',
      { 'build-outputs': 'type=registry,ref=127.0.0.1:1/x' },
      /build-outputs: type=registry pushes before the leak guard reads the image: use build-push/,
    ],
  ] as const)('refuses %s on the docker driver before any login or fetch', async (_, extra, message) => {
    const main = await job.main(
      inputs({
        'build-context': context(secretDockerfile),
        'build-secrets': 'api_key=BUILD_API_KEY',
        ...extra,
      }),
    );
    expect(main.exitCode).not.toBe(0);
    expect(errorLine(main.stdout)).toMatch(message);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expectNoValueAnywhere();
  });

  it.each([
    ['build-labels', { 'build-labels': 'leak=$V' }],
    ['build-annotations', { 'build-annotations': 'manifest:leak=$V' }],
    ['build-add-hosts', { 'build-add-hosts': '$V:127.0.0.1' }],
    ['build-contexts', { 'build-contexts': 'x=docker-image://local/$V' }],
  ] as const)('refuses a fetched secret in %s, naming the input and secret, never the value', async (input, extra) => {
    const main = await job.main(
      inputs({
        'build-context': context(secretDockerfile),
        ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v.replace('$V', apiKey)])),
      }),
    );
    expect(main.exitCode).not.toBe(0);
    expect(errorLine(main.stdout)).toMatch(new RegExp(`${input}: an entry holds secret BUILD_API_KEY`));
    await job.post();
    // the value was in the workflow's own input here, so only the action's output is searched
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, apiKey)).toEqual([]);
  });

  it("build-push's secret-envs and secret-files: masked in every form, mounted by id, refused as a build arg", async () => {
    const file = join(job.workspace, 'outer.txt');
    writeFileSync(file, `${outerToken}-file`);
    const dockerfile = [
      `FROM ${BASE_IMAGE}`,
      'RUN --mount=type=secret,id=outer_env,required=true wc -c < /run/secrets/outer_env > /env.bytes',
      'RUN --mount=type=secret,id=outer_file,required=true wc -c < /run/secrets/outer_file > /file.bytes',
      '',
    ].join('\n');
    const tag = `local/outer:${randomBytes(3).toString('hex')}`;
    const main = await job.main(
      inputs({
        'build-context': context(dockerfile),
        'build-tags': tag,
        'build-secret-envs': 'outer_env=OUTER_TOKEN',
        'build-secret-files': `outer_file=${file}`,
      }),
      { env: { OUTER_TOKEN: outerToken }, timeoutMs: 180_000 },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.masks).toContain(outerToken);
    expect(main.masks).toContain(Buffer.from(outerToken).toString('base64'));
    expect(dockerCli(['run', '--rm', tag, 'cat', '/env.bytes']).trim()).toBe(String(outerToken.length));
    expect(dockerCli(['run', '--rm', tag, 'cat', '/file.bytes']).trim()).toBe(String(outerToken.length + 5));
    await job.post();
    dockerCli(['rmi', tag]);

    const refused = await job.main(
      inputs({
        'build-context': context(dockerfile),
        'build-secret-envs': 'outer_env=OUTER_TOKEN',
        'build-args': `TOKEN=${outerToken}`,
      }),
      { env: { OUTER_TOKEN: outerToken } },
    );
    expect(refused.exitCode).not.toBe(0);
    expect(errorLine(refused.stdout)).toMatch(/build-args: TOKEN holds secret build-secret-envs outer_env/);
    await job.post();
    rmSync(file); // the workflow's own file, not one the action made
    expectNoValueAnywhere();
  });

  // build-contexts is an argv row only: the engine's built-in Dockerfile frontend (BuildKit 0.8 in
  // Debian's dockerd 20.10) lacks named contexts, and a newer frontend image cannot be pulled here.
  it('no-cache, pull from the registry, network, add-hosts and ssh forwarding reach the build', async () => {
    // a base image in the local registry, so --pull has somewhere to pull from
    const base = `${registry.host}/base/busybox:1`;
    dockerCli(['tag', BASE_IMAGE, base]);
    const pushed = spawnSync('docker', ['push', base], {
      env: { ...process.env, PATH: DOCKER_PATH, DOCKER_CONFIG: loginConfig(registry) },
      encoding: 'utf8',
    });
    expect(pushed.status, pushed.stderr).toBe(0);
    const agent = await startSshAgent();
    try {
      const dockerfile = [
        `FROM ${base}`,
        'RUN grep -q "db.internal" /etc/hosts && echo hosts-ok > /hosts.txt',
        'RUN --mount=type=ssh test -S "$SSH_AUTH_SOCK" && echo ssh-ok > /ssh.txt',
        '',
      ].join('\n');
      const tag = `local/options:${randomBytes(3).toString('hex')}`;
      const before = registry.log().length;
      const main = await job.main(
        inputs({
          'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
          'build-context': context(dockerfile),
          'build-tags': tag,
          'build-add-hosts': 'db.internal:127.0.0.1',
          'build-no-cache': 'true',
          'build-pull': 'true',
          'build-network': 'host',
          'build-ssh': 'default',
        }),
        { env: { SSH_AUTH_SOCK: agent.socket }, timeoutMs: 180_000 },
      );
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      expect(dockerCli(['run', '--rm', tag, 'cat', '/hosts.txt']).trim()).toBe('hosts-ok');
      expect(dockerCli(['run', '--rm', tag, 'cat', '/ssh.txt']).trim()).toBe('ssh-ok');
      // --pull and --no-cache: the base was fetched from the registry during this build
      expect(registry.log().slice(before)).toMatch(/"(GET|HEAD) \/v2\/base\/busybox\/manifests\/1 /);
      await job.post();
      dockerCli(['rmi', tag]);
    } finally {
      agent.stop();
      dockerCli(['rmi', base]);
    }
    expectNoValueAnywhere();
  });
});

/**
 * The Dockerfile with a RUN of its own after the first FROM. BuildKit leaves secret mounts
 * out of its cache keys, so without it a RUN that reads a secret is served from the layer
 * another test (or an earlier run, with another value) built on the same engine.
 */
function unique(dockerfile: string): string {
  const lines = dockerfile.split('\n');
  lines.splice(1, 0, `RUN echo ${randomBytes(8).toString('hex')} > /.build-id`);
  return lines.join('\n');
}

/** A docker config logged in to the test registry (for the test's own push of a base image). */
function loginConfig(registry: Registry): string {
  const dir = mkdtempSync(join(tmpdir(), 'login-'));
  const r = spawnSync('docker', ['login', registry.host, '-u', registry.username, '--password-stdin'], {
    input: registry.password,
    env: { ...process.env, PATH: DOCKER_PATH, DOCKER_CONFIG: dir },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`docker login for the test failed: ${r.stderr}`);
  return dir;
}

async function startSshAgent(): Promise<{ socket: string; stop: () => void }> {
  const socket = join(mkdtempSync(join(tmpdir(), 'agent-')), 'agent.sock');
  const child: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(socket)) throw new Error('ssh-agent did not start');
  return { socket, stop: () => child.kill() };
}

// buildx's remote driver on a current BuildKit (test/peers/buildkitd.ts): what the engine's own
// BuildKit 0.8 lacks. The builder is created and selected in the runner's own ~/.docker, as a
// user or setup-buildx-action would, so these tests also prove the selection survives the
// per-job DOCKER_CONFIG (BUILDX_CONFIG).
const remoteReady =
  dockerMissing.length === 0 ? peersReady('buildx remote-driver tests', ['buildx', 'buildkitd']) : underCi;

describe.runIf(remoteReady)('buildx builds on a current BuildKit (remote driver)', () => {
  let vault: VaultDevServer;
  let registry: Registry;
  let buildkitd: BuildkitDaemon;
  let job: Job;
  let home: string;
  let base: string;
  const npmToken = `npm_${randomBytes(24).toString('hex')}`;

  beforeAll(async () => {
    ensureBaseImage();
    registry = await startRegistry();
    base = `${registry.host}/base/busybox:1`;
    dockerCli(['tag', BASE_IMAGE, base]);
    const pushed = spawnSync('docker', ['push', base], {
      env: { ...process.env, PATH: DOCKER_PATH, DOCKER_CONFIG: loginConfig(registry) },
      encoding: 'utf8',
    });
    if (pushed.status !== 0) throw new Error(`push of the base image failed: ${pushed.stderr}`);
    buildkitd = await startBuildkitd([registry.host]);
    vault = await startVaultDevServer();
    vault.mountKv('', 'secret', 2);
    vault.putKv('', 'secret', 'ci/build', { npm_token: npmToken });
    vault.putKv('', 'secret', 'ci/registry', { username: registry.username, password: registry.password });
  }, 120_000);
  afterAll(async () => {
    await vault.close();
    await buildkitd.stop();
    await registry.stop();
  });
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'home-'));
    const userConfig = join(home, '.docker');
    mkdirSync(join(userConfig, 'cli-plugins'), { recursive: true });
    symlinkSync(BUILDX_PLUGIN, join(userConfig, 'cli-plugins', 'docker-buildx'));
    const env = { ...process.env, PATH: DOCKER_PATH, DOCKER_CONFIG: userConfig };
    for (const args of [
      ['buildx', 'create', '--name', 'ci', '--driver', 'remote', buildkitd.address],
      ['buildx', 'use', 'ci'],
    ]) {
      const r = spawnSync('docker', args, { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
    }
    job = new Job({ PATH: DOCKER_PATH, HOME: home });
  });
  afterEach(() => job.dispose());

  const inputs = (extra: Record<string, string>): Record<string, string> => ({
    'vault-addr': vault.url,
    'vault-token': vault.rootToken,
    secrets:
      'secret/ci/build * | BUILD_\nsecret/ci/registry username | REG_USER\nsecret/ci/registry password | REG_PASSWORD',
    // the remote builder pulls the base image with the job's login, handed over by buildx
    'registry-logins': `${registry.host} $REG_USER REG_PASSWORD`,
    ...extra,
  });

  function context(dockerfile: string): string {
    const dir = join(job.workspace, `ctx-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), unique(dockerfile));
    return dir;
  }

  it('cache-to local, provenance, several outputs, a named context and an annotation: all real, all scanned', async () => {
    const extra = join(job.workspace, 'extra');
    mkdirSync(extra);
    writeFileSync(join(extra, 'from-extra.txt'), 'named context\n');
    const cache = join(job.workspace, 'cache');
    const out = join(job.workspace, 'out');
    const main = await job.main(
      inputs({
        'build-context': context(
          [
            `FROM ${base}`,
            'COPY --from=extra from-extra.txt /from-extra.txt',
            'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /npm.bytes',
            '',
          ].join('\n'),
        ),
        'build-secrets': 'npm=BUILD_NPM_TOKEN',
        'build-contexts': `extra=${extra}`,
        'build-annotations': 'org.opencontainers.image.description=remote',
        'build-cache-to': `type=local,dest=${cache},mode=max`,
        'build-outputs': `type=local,dest=${out}\ntype=tar,dest=${join(job.workspace, 'out.tar')}`,
        'build-provenance': 'mode=min',
        'build-no-cache': 'true',
      }),
      { timeoutMs: 240_000 },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.outputs['builder']).toBe('docker buildx build');
    expect(main.log).toMatch(/building with "ci" instance using remote driver/);
    expect(readFileSync(join(out, 'npm.bytes'), 'utf8').trim()).toBe(String(npmToken.length));
    expect(readFileSync(join(out, 'from-extra.txt'), 'utf8')).toBe('named context\n');
    expect(existsSync(join(job.workspace, 'out.tar'))).toBe(true);
    expect(existsSync(join(cache, 'index.json'))).toBe(true);
    // provenance was recorded (min: no build args), and is in the metadata output
    const metadata = JSON.parse(main.outputs['metadata'] ?? '{}') as Record<string, unknown>;
    expect(metadata['buildx.build.provenance']).toBeDefined();
    // all three exports were read by the guard
    expect(main.log).toMatch(
      /leak guard: build exports \S+out, \S+out\.tar, \S+cache: \d+ byte\(s\) in \d+ file\(s\), 0 hit\(s\)/,
    );
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr + JSON.stringify(s.outputs), npmToken)).toEqual([]);
    expect(scanTree(job.dir, [npmToken])).toEqual([]);
    expect(listTree(main.state['session-root'] ?? '')).toEqual([]);
  });

  it('a secret a RUN wrote into an intermediate stage is not in the image but is in the mode=max cache: found, step fails', async () => {
    const cache = join(job.workspace, 'cache');
    const tag = `local/intermediate:${randomBytes(3).toString('hex')}`;
    const main = await job.main(
      inputs({
        'build-context': context(
          [
            `FROM ${base} AS deps`,
            'RUN --mount=type=secret,id=npm,required=true cat /run/secrets/npm | base64 > /npmrc.b64 && echo ok > /ok',
            `FROM ${base}`,
            'COPY --from=deps /ok /ok',
            '',
          ].join('\n'),
        ),
        'build-tags': tag,
        'build-secrets': 'npm=BUILD_NPM_TOKEN',
        'build-cache-to': `type=local,dest=${cache},mode=max`,
        'build-no-cache': 'true',
        'scan-image': 'true',
        'dockerfile-check': 'warn',
      }),
      { timeoutMs: 240_000 },
    );
    expect(main.exitCode).not.toBe(0);
    expect(errorLine(main.stdout)).toMatch(/the build's exports hold secrets \(BUILD_NPM_TOKEN/);
    expect(main.log).toMatch(
      /secret BUILD_NPM_TOKEN \(as base64[^)]*\) is in \S+cache\/blobs\/sha256\/[0-9a-f]+ at \S*npmrc\.b64/,
    );
    // the final image itself is clean: only the cache export held it
    const saved = dockerCli(['save', tag]);
    for (const n of leakNeedles(npmToken)) expect(saved.includes(n)).toBe(false);
    await job.post();
    dockerCli(['rmi', tag]);
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, npmToken)).toEqual([]);
  });
  it('a cache sent to a registry is refused unless build-cache-to-unscanned says so', async () => {
    const ref = `${registry.host}/cache/app:buildcache`;
    const dockerfile = [
      `FROM ${base}`,
      'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /n',
      '',
    ];
    const refused = await job.main(
      inputs({
        'build-context': context(dockerfile.join('\n')),
        'build-secrets': 'npm=BUILD_NPM_TOKEN',
        'build-cache-to': `type=registry,ref=${ref}`,
      }),
    );
    expect(refused.exitCode).not.toBe(0);
    expect(errorLine(refused.stdout)).toMatch(
      /build-cache-to: a type=registry cache is sent by the builder before the leak guard can read it/,
    );
    await job.post();
    expect(registry.log()).not.toMatch(/PUT \/v2\/cache\/app\/manifests\/buildcache/);
  });

  it('build-cache-to-unscanned: true sends a registry cache, with a warning', async () => {
    const ref = `${registry.host}/cache/app:buildcache`;
    const dockerfile = [
      `FROM ${base}`,
      'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /n',
      '',
    ];
    const sent = await job.main(
      inputs({
        'build-context': context(dockerfile.join('\n')),
        'build-secrets': 'npm=BUILD_NPM_TOKEN',
        'build-cache-to': `type=registry,ref=${ref}`,
        'build-cache-to-unscanned': 'true',
      }),
      { timeoutMs: 240_000 },
    );
    expect(sent.exitCode, sent.stdout + sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/::warning::build-cache-to: the type=registry cache export is not scanned/);
    expect(registry.log()).toMatch(/PUT \/v2\/cache\/app\/manifests\/buildcache/);
    await job.post();
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, npmToken)).toEqual([]);
  });
  it('type=gha cache against the cache service stand-in: written by one build, read by the next', async () => {
    const service = await startCacheService();
    try {
      const dockerfile = [
        `FROM ${base}`,
        'RUN --mount=type=secret,id=npm,required=true wc -c < /run/secrets/npm > /n',
        '',
      ];
      const ctx = context(dockerfile.join('\n'));
      const run = (extra: Record<string, string>) =>
        job.main(inputs({ 'build-context': ctx, 'build-secrets': 'npm=BUILD_NPM_TOKEN', ...extra }), {
          env: { ...service.env },
          timeoutMs: 240_000,
        });
      const first = await run({
        'build-cache-to': 'type=gha,mode=max,scope=bench',
        'build-cache-to-unscanned': 'true',
        'build-no-cache': 'true',
      });
      expect(first.exitCode, first.stdout + first.stderr).toBe(0);
      expect(service.entries().filter((e) => e.finalized).length).toBeGreaterThan(0);
      await job.post();
      const twirpBefore = service.requests.filter((r) => r.path.endsWith('GetCacheEntryDownloadURL')).length;
      const second = await job.main(
        inputs({
          'build-context': ctx,
          'build-secrets': 'npm=BUILD_NPM_TOKEN',
          'build-cache-from': 'type=gha,scope=bench',
        }),
        { env: { ...service.env, DOCKER_CONFIG: join(home, '.docker') }, timeoutMs: 240_000 },
      );
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(service.requests.filter((r) => r.path.endsWith('GetCacheEntryDownloadURL')).length).toBeGreaterThan(
        twirpBefore,
      );
      await job.post();
      // the runtime token reached buildx for this, and no output of the action
      for (const s of job.steps) expect(s.stdout.includes(service.runtimeToken)).toBe(false);
      for (const s of job.steps) expect(findIn(s.stdout + s.stderr, npmToken)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
