// The verify sub-action (verify/action.yml -> dist/verify.js) against real containers on
// the real engine: main delivers files, a container mounts them (and holds other files:
// different, empty, a link, a FIFO, world-readable), verify tells each apart, warns about
// the environment and the image history, and nothing it reads is printed or left behind.
// files-owner: a container running as a non-root uid reads exactly its bind-mounted files.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { BASE_IMAGE, DOCKER_PATH, dockerCli, ensureBaseImage, missingDockerPrerequisites } from '../docker/setup.js';
import { allSecretValues, errorLine, expectNoLeaks, startFixture, type Fixture } from './fixture.js';

const missing = missingDockerPrerequisites();
const underCi = process.env['CI'] !== undefined && process.env['CI'] !== '';
if (missing.length > 0 && !underCi) console.warn(`verify tests skipped: missing ${missing.join(', ')}`);

const docker = (args: string[], input?: string): string =>
  dockerCli(args, input === undefined ? undefined : Buffer.from(input));
const tag = randomBytes(4).toString('hex');
const compose = spawnSync('/bin/sh', ['-c', 'command -v docker-compose'], { stdio: 'ignore' }).status === 0;

describe.runIf(missing.length === 0 || underCi)('verify inside a container', () => {
  let fx: Fixture;
  let job: Job;
  const containers: string[] = [];
  const images: string[] = [];
  /** Same length as the password, other bytes: only a real compare tells them apart. */
  let sameLength: string;

  beforeAll(() => {
    if (missing.length > 0) throw new Error(`CI is set but the verify tests lack ${missing.join(', ')}`);
    ensureBaseImage();
  });
  beforeEach(async () => {
    fx = await startFixture();
    job = new Job({ PATH: DOCKER_PATH });
    sameLength = fx.values.password.replace(/^./, (c) => (c === 'x' ? 'y' : 'x'));
  });
  afterEach(async () => {
    if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
    for (const c of containers.splice(0))
      spawnSync('docker', ['rm', '-f', c], { env: { ...process.env, PATH: DOCKER_PATH } });
    job.dispose();
    await fx.server.close();
  });
  afterAll(() => {
    for (const i of images) spawnSync('docker', ['rmi', '-f', i], { env: { ...process.env, PATH: DOCKER_PATH } });
  });

  async function mainStep(extra: Record<string, string> = {}): Promise<string> {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW\nsecret/ci/app api_key | KEY',
      ...extra,
    });
    expect(main.exitCode, main.stdout).toBe(0);
    return main.outputs['files-dir'] ?? '';
  }

  /** A container with main's files at /run/secrets and hand-made files in /data. */
  function container(filesDir: string, opts: { env?: string[]; image?: string; user?: string } = {}): string {
    const name = `vs-verify-${tag}-${containers.length}`;
    containers.push(name);
    const args = ['run', '-d', '--name', name, '-v', `${filesDir}:/run/secrets:ro`];
    for (const e of opts.env ?? []) args.push('-e', e);
    if (opts.user) args.push('--user', opts.user);
    docker([...args, opts.image ?? BASE_IMAGE, '/bin/busybox', 'sleep', '600']);
    return name;
  }

  const sh = (c: string, script: string, input?: string): string =>
    docker(['exec', ...(input === undefined ? [] : ['-i']), c, '/bin/busybox', 'sh', '-c', script], input);

  it('tells equal, different, empty, missing, a link and a FIFO apart, with mode and owner; fails on a mismatch', async () => {
    const dir = await mainStep();
    const c = container(dir);
    sh(
      c,
      'mkdir /data && cat > /data/different && : > /data/empty && busybox mkfifo /data/fifo' +
        ' && busybox ln -s /run/secrets/PW /data/link && busybox ln -s /nowhere /data/dangling' +
        ` && busybox ln -s "$(printf '/x\\n::error::pwned ##[warning]y')" /data/hostile` +
        ' && cat /run/secrets/PW > /data/world && busybox chmod 0644 /data/world && busybox chown 7:8 /data/world',
      sameLength,
    );
    const files = [
      `${c}:/run/secrets/PW = PW`,
      `${c}:/data/different = PW`,
      `${c}:/data/empty = PW`,
      `${c}:/data/nothing = PW`,
      `${c}:/data/fifo = PW`,
      `${c}:/data/link = PW`,
      `${c}:/data/dangling = PW`,
      `${c}:/data/world = PW`,
      `${c}:/data/hostile = PW`,
      `${c}:/bin/busybox = PW`,
    ].join('\n');
    const started = Date.now();
    const verify = await job.verify({ files });
    expect(Date.now() - started, 'a FIFO must not hang the step').toBeLessThan(25_000);
    expect(verify.exitCode, verify.stdout).toBe(1);
    const n = Buffer.byteLength(fx.values.password);
    const lines = verify.stdout.split('\n');
    const lineOf = (path: string): string => lines.find((l) => l.includes(`${c}:${path} = PW: `)) ?? '';
    expect(lineOf('/run/secrets/PW')).toBe(
      `${c}:/run/secrets/PW = PW: present, ${n} bytes, equal (mode 0600, owner 0:0)`,
    );
    expect(lineOf('/data/different')).toBe(
      `::error::${c}:/data/different = PW: present but different (${n} bytes, the secret has ${n}; mode 0644, owner 0:0)`,
    );
    expect(lineOf('/data/empty')).toBe(`::error::${c}:/data/empty = PW: empty (mode 0644, owner 0:0)`);
    expect(lineOf('/data/nothing')).toBe(`::error::${c}:/data/nothing = PW: missing`);
    expect(lineOf('/data/fifo')).toBe(
      `::error::${c}:/data/fifo = PW: not a regular file but a fifo (mode 0644, owner 0:0)`,
    );
    expect(lineOf('/data/link')).toBe(
      `${c}:/data/link = PW: a link to /run/secrets/PW, followed inside the container: present, ${n} bytes, equal (mode 0600, owner 0:0)`,
    );
    expect(lineOf('/data/dangling')).toBe(
      `::error::${c}:/data/dangling = PW: a link to /nowhere, followed inside the container: missing`,
    );
    expect(lineOf('/data/world')).toBe(`${c}:/data/world = PW: present, ${n} bytes, equal (mode 0644, owner 7:8)`);
    // read no further than the value's length and 64 KiB: a large file is different without reading it all
    expect(lineOf('/bin/busybox')).toBe(
      `::error::${c}:/bin/busybox = PW: present but different (over ${n + 65536} bytes; mode 0755, owner 0:0)`,
    );
    // the link's target is the container's text: inert, on its own line
    expect(lineOf('/data/hostile')).toBe(
      `::error::${c}:/data/hostile = PW: a link to /x\\n::error::pwned #\\#[warning]y, followed inside the container: missing`,
    );
    expect(lines.filter((l) => /^\s*::error::pwned|##\[/.test(l))).toEqual([]);
    expect(verify.stdout).toContain(`::warning::${c}:/data/world is readable by every user in the container`);
    expect(
      errorLine(
        verify.stdout
          .split('\n')
          .filter((l) => l.startsWith('::error::vault'))
          .join('\n'),
      ),
    ).toBe(
      '::error::vault-secrets-action: verify: 7 of 10 file(s) do not hold their secret (see above), or set on-mismatch: warn.',
    );
    expect(job.summary).toContain('<h3>Verify</h3>');
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job, [sameLength]));
  });

  it('on-mismatch warn passes; the secret in the environment and in the image history are warned about, unprinted', async () => {
    const dir = await mainStep();
    const build = join(job.dir, 'build');
    mkdirSync(build);
    writeFileSync(
      join(build, 'Dockerfile'),
      `FROM ${BASE_IMAGE}\nRUN /bin/busybox echo ${fx.values.apiKey} > /dev/null\n`,
    );
    const image = `local/vs-verify-history:${tag}`;
    images.push(image);
    dockerCli(['build', '-q', '-t', image, build]);
    rmSync(build, { recursive: true }); // the test's own Dockerfile holds the value on purpose
    const c = container(dir, { env: [`API_KEY_PLAIN=${fx.values.apiKey}`], image });
    const verify = await job.verify({ files: `${c}:/run/secrets/KEY = KEY\n${c}:/nope = KEY`, 'on-mismatch': 'warn' });
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(verify.stdout).toContain(`::warning::${c}:/nope = KEY: missing`);
    expect(verify.stdout).toContain(
      `::warning::${c}: KEY is in the container's environment (API_KEY_PLAIN): docker inspect shows it`,
    );
    expect(verify.stdout).toContain(
      `::warning::${c}: KEY is in its image's history (docker history --no-trunc shows it)`,
    );
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('a rendered template is verified like a secret; a name main never delivered is a clear error', async () => {
    const dir = await mainStep({ templates: '<<T | DSN\npostgres://app:{{ PW | url }}@db/app\nT' });
    const c = container(dir);
    let verify = await job.verify({ files: `${c}:/run/secrets/DSN = DSN` });
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`${c}:/run/secrets/DSN = DSN: present, \\d+ bytes, equal`));
    verify = await job.verify({ files: `${c}:/run/secrets/PW = NOPE` });
    expect(errorLine(verify.stdout)).toBe(
      '::error::vault-secrets-action: files line 1: the main step has no file for NOPE (ENOENT): name a secret or template it delivered with deliver: files.',
    );
    // the time bound: docker cp stopped, the line unreadable, the step not hung
    verify = await job.verify({ files: `${c}:/run/secrets/DSN = DSN`, timeout: '0.001' });
    expect(verify.exitCode).toBe(1);
    expect(verify.stdout).toContain(`::error::${c}:/run/secrets/DSN = DSN: cannot read it: no answer within 0.001 s`);
    verify = await job.verify({ files: 'no-such-container-xyz:/x = PW' });
    expect(verify.exitCode).toBe(1);
    expect(verify.stdout).toContain('::error::no-such-container-xyz:/x = PW: cannot read it: ');
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('files-owner: a container running as that uid reads exactly its bind-mounted files, another uid reads none', async () => {
    const dir = await mainStep({ 'files-owner': '4242:4343' });
    expect(statSync(dir).uid).toBe(4242);
    expect(statSync(join(dir, 'PW')).mode & 0o777).toBe(0o600);
    const reader = container(dir, { user: '4242:4343' });
    expect(sh(reader, 'cat /run/secrets/PW')).toBe(fx.values.password);
    const other = container(dir, { user: '4243:4343' });
    const denied = spawnSync('docker', ['exec', other, '/bin/busybox', 'cat', '/run/secrets/PW'], {
      env: { ...process.env, PATH: DOCKER_PATH },
    });
    expect(denied.status).not.toBe(0);
    expect(denied.stderr.toString()).toContain('Permission denied');
    const verify = await job.verify({ files: `${reader}:/run/secrets/PW = PW` });
    expect(verify.stdout).toContain(
      `present, ${Buffer.byteLength(fx.values.password)} bytes, equal (mode 0600, owner 4242:4343)`,
    );
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  // Debian's docker-compose 1.29 (apt-get install docker-compose): `secrets: file:` is a
  // bind mount at /run/secrets/NAME, the pattern the README shows, then verify.
  it.runIf(compose || underCi)('docker compose file secrets from main, then verify says equal', async () => {
    if (!compose) throw new Error('CI is set but docker-compose is missing: apt-get install docker-compose');
    await mainStep();
    const project = join(job.dir, 'compose');
    mkdirSync(project);
    const name = `vs-compose-${tag}`;
    writeFileSync(
      join(project, 'docker-compose.yml'),
      [
        "version: '3.8'",
        'services:',
        '  app:',
        `    image: ${BASE_IMAGE}`,
        `    container_name: ${name}`,
        '    command: [/bin/busybox, sleep, "600"]',
        '    secrets: [db_password]',
        'secrets:',
        '  db_password:',
        '    file: ${PW_FILE}',
        '',
      ].join('\n'),
    );
    const env = { ...process.env, ...job.env, PATH: DOCKER_PATH };
    const up = spawnSync('docker-compose', ['-p', `vs${tag}`, 'up', '-d'], { cwd: project, env });
    try {
      expect(up.status, up.stderr.toString()).toBe(0);
      const verify = await job.verify({ files: `${name}:/run/secrets/db_password = PW` });
      expect(verify.exitCode, verify.stdout).toBe(0);
      expect(verify.stdout).toContain(
        `${name}:/run/secrets/db_password = PW: present, ${Buffer.byteLength(fx.values.password)} bytes, equal (mode 0600`,
      );
    } finally {
      spawnSync('docker-compose', ['-p', `vs${tag}`, 'down', '-t', '0'], { cwd: project, env });
    }
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});

describe('verify inputs', () => {
  it('a bad line is an input error naming the line as written; no session is a clear error', async () => {
    const job = new Job();
    try {
      let verify = await job.verify({ files: '# a comment\n\napi/run/secrets/x = X' });
      expect(errorLine(verify.stdout)).toBe(
        '::error::vault-secrets-action: files line 3: write CONTAINER:/ABSOLUTE/PATH = NAME, e.g. api:/run/secrets/db_password = DB_PASSWORD.',
      );
      verify = await job.verify({ files: 'api:/run/secrets/x = X', 'on-mismatch': 'maybe' });
      expect(errorLine(verify.stdout)).toBe(
        '::error::vault-secrets-action: on-mismatch: "maybe" is not one of fail, warn.',
      );
      verify = await job.verify({ files: 'api:/run/secrets/x = X' });
      expect(errorLine(verify.stdout)).toBe(
        '::error::vault-secrets-action: no session of the main step in this job: run the main step (with deliver: files) earlier.',
      );
    } finally {
      job.dispose();
    }
  });
});
