// The guard step on an image when `docker save` fails (issue 15 §9): a typo in the name, an
// image that is not there, a stream cut short. Each must fail the step, never pass it
// unscanned. Real docker engine (test/docker/setup.ts); no registry needed.
import { afterAll, beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { DOCKER_PATH, dockerCli, missingDockerPrerequisites } from '../docker/setup.js';
import { errorLine } from './fixture.js';

const missing = missingDockerPrerequisites();
const underCi = process.env['CI'] !== undefined && process.env['CI'] !== '';
if (missing.length > 0 && !underCi) console.warn(`docker tests skipped: missing ${missing.join(', ')}`);

const token = `tok-${randomBytes(12).toString('hex')}`;
const tag = `local/guard-save:${randomBytes(4).toString('hex')}`;
let job: Job;

describe.runIf(missing.length === 0 || underCi)('guard step: docker save fails', () => {
  beforeAll(() => {
    if (missing.length > 0)
      throw new Error(`CI is set but the docker tests lack ${missing.join(', ')}: .ci/run installs them`);
    // an image with the value deep in its only layer, after 2 MiB of filler
    const staging = mkdtempSync(join(tmpdir(), 'guard-save-'));
    writeFileSync(join(staging, 'filler.bin'), randomBytes(2 * 1024 * 1024));
    writeFileSync(join(staging, 'zz.conf'), `token=${token}\n`);
    const layer = execFileSync('tar', ['-C', staging, '-c', 'filler.bin', 'zz.conf'], { maxBuffer: 64 << 20 });
    rmSync(staging, { recursive: true, force: true });
    dockerCli(['import', '-', tag], layer);
  });
  afterAll(() => {
    if (missing.length === 0) spawnSync('docker', ['image', 'rm', tag], { env: { ...process.env, PATH: DOCKER_PATH } });
  });
  beforeEach(() => {
    job = new Job();
  });
  afterEach(() => {
    job.dispose();
  });

  /** A `docker` first on PATH that runs the real one and cuts its output at `bytes`, exiting 0. */
  function cuttingDocker(bytes: number): string {
    const bin = join(job.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'docker'), `#!/bin/sh\n/usr/bin/docker "$@" | head -c ${bytes}\nexit 0\n`);
    chmodSync(join(bin, 'docker'), 0o755);
    return `${bin}:${DOCKER_PATH}`;
  }

  it('the image is found and scanned when save works (the control)', async () => {
    const guard = await job.guard({ image: tag, 'values-from-env': 'T' }, { env: { T: token, PATH: DOCKER_PATH } });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(job.summary).toContain('leak guard hit: T as value: 1');
  });

  it.each([
    ['a typo (an invalid reference)', 'local/Guard-Save:typo', 'invalid reference format'],
    ['an image that is not there', `local/no-such-image:${randomBytes(4).toString('hex')}`, 'reference does not exist'],
  ])("%s fails the step, naming the image and docker's reason", async (_, image, reason) => {
    const guard = await job.guard({ image, 'values-from-env': 'T' }, { env: { T: token, PATH: DOCKER_PATH } });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(errorLine(guard.stdout)).toContain(`docker save ${image} failed: Error response from daemon: ${reason}`);
    expect(job.summary).not.toMatch(/: clean/);
  });

  it.each([1024 * 1024, 700])('a stream cut after %i bytes (docker exits 0) fails the step', async (bytes) => {
    const guard = await job.guard(
      { image: tag, 'values-from-env': 'T' },
      { env: { T: token, PATH: cuttingDocker(bytes) } },
    );
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(errorLine(guard.stdout)).toMatch(
      new RegExp(`docker save ${tag} failed: the stream was cut short after ${bytes} byte\\(s\\)`),
    );
    expect(job.summary).not.toMatch(/: clean/);
  });
});
