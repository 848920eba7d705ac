// The guard sub-action (guard/action.yml -> dist/guard.js) in the middle of a job: main
// fetches, a build step writes an artifact folder, the guard step scans it before the
// upload step would run. SARIF checked against the 2.1.0 schema and searched for every
// form of every value; 1 and N worker threads must report the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { validateSarif } from './sarif-schema.js';
import { DOCKER_PATH, dockerCli } from '../docker/setup.js';
import { ACTION_NODE, Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { allSecretValues, startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let job: Job;
beforeEach(async () => {
  fx = await startFixture();
  job = new Job();
});
afterEach(async () => {
  // as at the end of a real job: post runs after the guard steps, so no session (with
  // its secret files) outlives a test on this machine
  if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
  job.dispose();
  await fx.server.close();
});

/** main fetches two secrets; returns the password as delivered. */
async function mainStep(): Promise<string> {
  const main = await job.main({
    'vault-addr': fx.server.url,
    'vault-token': fx.server.rootToken,
    secrets: 'secret/ci/app password | PW\nsecret/ci/app api_key | KEY',
  });
  expect(main.exitCode, main.stdout).toBe(0);
  return readFileSync(job.env['PW_FILE'] ?? '', 'utf8');
}

/** An artifact folder as a build leaves it: a leak in a JS bundle (base64, line 3) and one in a .tar.gz. */
function artifacts(pw: string): { dir: string; bundle: string; archive: string; clean: string } {
  const dir = join(job.workspace, 'out');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const bundle = join(dir, 'assets', 'app.js');
  writeFileSync(bundle, `// built\nconst a = 1;\nconst auth = "${Buffer.from(`ci:${pw}`).toString('base64')}";\n`);
  const staging = join(job.dir, 'staging');
  mkdirSync(staging);
  writeFileSync(join(staging, 'settings.json'), JSON.stringify({ apiKey: fx.values.apiKey }));
  const archive = join(dir, 'config.tar.gz');
  execFileSync('tar', ['-C', staging, '-czf', archive, 'settings.json']);
  const clean = join(dir, 'index.html');
  writeFileSync(clean, '<html>nothing to see</html>\n');
  return { dir, bundle, archive, clean };
}

function sarifAt(path: string): { text: string; log: SarifLog } {
  const text = readFileSync(path, 'utf8');
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], 'SARIF 2.1.0 schema').toEqual([]);
  expect(valid).toBe(true);
  return { text, log };
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

/** No form of any value in any step's output, the summary, or `extra` texts. */
function expectNothingPrinted(extra: readonly string[] = []): void {
  const values = allSecretValues(fx, job);
  for (const [i, v] of values.entries()) {
    for (const step of job.steps) {
      expect(findIn(step.stdout + step.stderr, v), `${step.step} output holds secret #${i}`).toEqual([]);
      expect(findIn(JSON.stringify(step.env) + JSON.stringify(step.outputs), v), `${step.step} env`).toEqual([]);
    }
    expect(findIn(job.summary, v), `summary holds secret #${i}`).toEqual([]);
    for (const text of extra) expect(findIn(text, v), `SARIF holds secret #${i}`).toEqual([]);
  }
}

describe('guard step after main', () => {
  it('on-leak fail: catches leaks in an artifact folder (file and archive) before the upload, SARIF valid and value-free', async () => {
    const pw = await mainStep();
    const { dir, bundle, archive, clean } = artifacts(pw);
    const sarifFile = join(job.dir, 'guard.sarif');
    const guard = await job.guard({ paths: dir, 'sarif-file': sarifFile });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(guard.stdout).toContain(
      `::error title=Leaked secret,file=${bundle},line=3::secret PW (as base64) found in ${bundle} at byte`,
    );
    expect(guard.stdout).toContain(
      `::error title=Leaked secret,file=${archive}::secret KEY (as value) found in ${archive}!(gzip)!settings.json`,
    );
    expect(guard.stdout).toMatch(/::error::vault-secrets-action: leak guard: 2 secret hit\(s\) in 2 file\(s\)/);
    expect(existsSync(bundle) && existsSync(archive) && existsSync(clean)).toBe(true);
    expect(job.summary).toContain('<h3>Leak guard</h3>');
    expect(job.summary).toContain('leak guard hit: PW as base64: 1');
    expect(job.summary).toContain('leak guard hit: KEY as value: 1');

    const { text, log } = sarifAt(sarifFile);
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['leaked-secret-base64', 'leaked-secret-value']);
    expect(
      run?.results.map((r) => [
        r.ruleId,
        r.locations[0]?.physicalLocation?.artifactLocation.uri,
        r.locations[0]?.physicalLocation?.region?.startLine,
      ]),
    ).toEqual([
      ['leaked-secret-base64', 'out/assets/app.js', 3],
      ['leaked-secret-value', 'out/config.tar.gz', undefined],
    ]);
    expectNothingPrinted([text]);
    // post still cleans up, and its own guard (no scan-paths) stays out of it
    const post = await job.post();
    expect(post.exitCode).toBe(0);
  });

  it('passes a clean folder and says so; SARIF has no results', async () => {
    await mainStep();
    const dir = join(job.workspace, 'site');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<p>hello</p>\n');
    const sarifFile = join(job.dir, 'clean.sarif');
    const guard = await job.guard({ paths: `${dir}\n${join(job.workspace, 'missing-*')}`, 'sarif-file': sarifFile });
    expect(guard.exitCode, guard.stdout).toBe(0);
    expect(guard.stdout).toMatch(
      /leak guard: scanned 1 file\(s\), \d+ byte\(s\) in \d+ ms on \d+ thread\(s\) under .*: clean/,
    );
    expect(sarifAt(sarifFile).log.runs[0]?.results).toEqual([]);
    expectNothingPrinted();
  });

  it('on-leak delete removes the leaking files only, and passes', async () => {
    const pw = await mainStep();
    const { dir, bundle, archive, clean } = artifacts(pw);
    const guard = await job.guard({ paths: dir, 'on-leak': 'delete' });
    expect(guard.exitCode, guard.stdout).toBe(0);
    expect(existsSync(bundle) || existsSync(archive)).toBe(false);
    expect(existsSync(clean)).toBe(true);
    expect(guard.stdout).toContain(`::warning::leak guard deleted ${bundle}: it held a secret (on-leak: delete)`);
    expectNothingPrinted();
  });

  it('on-leak warn: warnings, files kept, passes; SARIF level warning', async () => {
    const pw = await mainStep();
    const { dir, bundle } = artifacts(pw);
    const sarifFile = join(job.dir, 'warn.sarif');
    const guard = await job.guard({ paths: dir, 'on-leak': 'warn', 'sarif-file': sarifFile });
    expect(guard.exitCode, guard.stdout).toBe(0);
    expect(guard.stdout).toContain(`::warning title=Leaked secret,file=${bundle},line=3::secret PW (as base64)`);
    expect(guard.stdout).not.toContain('::error');
    expect(existsSync(bundle)).toBe(true);
    const { text, log } = sarifAt(sarifFile);
    expect(log.runs[0]?.results).toHaveLength(2);
    expect(text).not.toContain('"level": "error"');
    expectNothingPrinted([text]);
  });

  it('finds the same hits with 1 and 4 worker threads, across range boundaries of a large file and a tree', async () => {
    const pw = await mainStep();
    const { dir } = artifacts(pw);
    // 40 MiB of filler (split into 16 MiB ranges with 2+ workers), a value planted at
    // and around each range boundary so that some straddle it
    const big = join(dir, 'big.log');
    const MiB = 1 << 20;
    const fd = openSync(big, 'w');
    const filler = Buffer.alloc(MiB, 'lorem ipsum dolor sit amet\n');
    for (let i = 0; i < 40; i++) writeSync(fd, filler);
    const key = Buffer.from(fx.values.apiKey);
    // before and across the 16 MiB boundary, just after it (inside the overlap the range
    // before reads on into), from the last byte before 32 MiB, at the end
    const plants = [0, 16 * MiB - 80, 16 * MiB - 10, 16 * MiB + 30, 32 * MiB - 1, 40 * MiB - key.length];
    for (const at of plants) writeSync(fd, key, 0, key.length, at);
    closeSync(fd);
    for (let i = 0; i < 300; i++)
      writeFileSync(
        join(dir, `f${i}.txt`),
        i % 97 === 0 ? `k=${fx.values.apiKey}\n` : `${randomBytes(64).toString('hex')}\n`,
      );
    const runs: string[] = [];
    for (const workers of ['1', '4']) {
      const sarifFile = join(job.dir, `w${workers}.sarif`);
      const guard = await job.guard({ paths: dir, 'on-leak': 'warn', workers, 'sarif-file': sarifFile });
      expect(guard.exitCode, guard.stdout).toBe(0);
      expect(guard.stdout).toContain(`on ${workers} thread(s)`);
      const results = sarifAt(sarifFile).log.runs[0]?.results ?? [];
      runs.push(JSON.stringify(results));
      const inBig = results.filter((r) => r.locations[0]?.physicalLocation?.artifactLocation.uri === 'out/big.log');
      const texts = inBig.map((r) => r.message.text);
      expect(texts).toHaveLength(plants.length);
      plants.forEach((at, i) => expect(texts[i]).toContain(`at byte ${at} `));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(JSON.parse(runs[0] ?? '[]')).toHaveLength(6 + 4 + 2);
  }, 60_000);
});

describe('guard step without a main step', () => {
  it('takes values from environment variables and files, masks them first, and finds them', async () => {
    const token = `tok+${randomBytes(12).toString('base64url')}/&x`;
    const keyFile = join(job.dir, 'deploy.key');
    const key = `-----BEGIN KEY-----\n${randomBytes(48).toString('base64')}\n-----END KEY-----\n`;
    writeFileSync(keyFile, key);
    const dir = join(job.workspace, 'pkg');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), `x ${encodeURIComponent(token)} y\n`);
    writeFileSync(join(dir, 'b.pem'), key.split('\n')[1] ?? '');
    // a secret in file names too: in a folder and inside an archive (SARIF is not masked by the runner)
    const named = `nm-${randomBytes(10).toString('hex')}`;
    writeFileSync(join(dir, `${named}.txt`), named);
    const staging = join(job.dir, 'stage');
    mkdirSync(staging);
    writeFileSync(join(staging, `${named}.cfg`), named);
    execFileSync('tar', ['-C', staging, '-cf', join(dir, 'c.tar'), `${named}.cfg`]);
    const sarifFile = join(job.dir, 'named.sarif');
    const guard = await job.guard(
      {
        paths: dir,
        'values-from-env': 'DEPLOY_TOKEN\nNAMED',
        'values-from-files': keyFile,
        'sarif-file': sarifFile,
      },
      { env: { DEPLOY_TOKEN: token, NAMED: named } },
    );
    const { text, log } = sarifAt(sarifFile);
    expect(log.runs[0]?.results.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('***');
    for (const v of [token, key, named]) expect(findIn(text, v)).toEqual([]);
    expect(guard.exitCode, guard.stdout).toBe(1);
    // masks come before any other line
    expect(guard.stdout.split('\n')[0]).toMatch(/^::add-mask::/);
    expect(guard.masks).toContain(token);
    expect(job.summary).toContain('leak guard hit: DEPLOY_TOKEN as url: 1');
    expect(job.summary).toContain(`leak guard hit: ${keyFile} as line: 1`);
    for (const v of [token, key, named]) expect(findIn(guard.log + job.summary, v)).toEqual([]);
  });

  it('fails with a clear error when there is nothing to look for, or a named variable is unset', async () => {
    const dir = join(job.workspace, 'pkg');
    mkdirSync(dir);
    let guard = await job.guard({ paths: dir });
    expect(guard.exitCode).toBe(1);
    expect(guard.stdout).toContain(
      '::error::vault-secrets-action: no secrets to look for: run the main step earlier in this job',
    );
    guard = await job.guard({ paths: dir, 'values-from-env': 'NOPE' });
    expect(guard.stdout).toContain('::error::vault-secrets-action: values-from-env: NOPE is not set or empty');
    guard = await job.guard({ 'values-from-env': 'HOME' });
    expect(guard.stdout).toContain('::error::vault-secrets-action: nothing to scan: give paths');
  });
});

describe('guard blind spots, through dist/', () => {
  it('scans a file with gzip or zstd magic that is not an archive as raw bytes', async () => {
    const token = `tok-${randomBytes(12).toString('base64url')}`;
    const dir = join(job.workspace, 'fake');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(`junk ${token}\n`)]));
    writeFileSync(
      join(dir, 'b.zst'),
      Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.from(`junk ${token}\n`)]),
    );
    const guard = await job.guard({ paths: dir, 'values-from-env': 'T' }, { env: { T: token } });
    expect(guard.exitCode).toBe(1);
    expect(job.summary).toContain('leak guard hit: T as value: 2');
    expect(guard.stdout).toContain('not a valid gzip stream');
    expect(guard.stdout).toContain('not a valid zstd stream');
  });

  it('does not look for values under the masking floor (a dev token "root" in tar headers), and says how many', async () => {
    const dir = join(job.workspace, 'img');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    execFileSync('tar', ['--owner=root', '--group=root', '-C', dir, '-cf', join(dir, 'layer.tar'), 'a.txt']);
    const long = `tok-${randomBytes(12).toString('base64url')}`;
    const guard = await job.guard({ paths: dir, 'values-from-env': 'DEV\nLONG' }, { env: { DEV: 'root', LONG: long } });
    expect(guard.exitCode, guard.stdout).toBe(0);
    expect(job.summary).toContain('leak guard: 1 value(s) shorter than 6 characters not looked for');
    expect(job.summary).toMatch(/: clean/);
  });

  it('opens zstd archives with node:zlib where the runtime has it, else the zstd CLI', async () => {
    const hasZlibZstd =
      execFileSync(ACTION_NODE, ['-p', "typeof require('node:zlib').createZstdDecompress"], {
        encoding: 'utf8',
      }).trim() === 'function';
    const token = `tok-${randomBytes(12).toString('base64url')}`;
    const dir = join(job.workspace, 'z');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data.txt'), `k=${token}\n`);
    execFileSync('zstd', ['-q', join(dir, 'data.txt'), '-o', join(dir, 'data.txt.zst')]);
    writeFileSync(join(dir, 'data.txt'), 'gone\n');
    // without the CLI on PATH: only node:zlib can open it
    const noCli = join(job.dir, 'bin');
    mkdirSync(noCli);
    const guard = await job.guard(
      { paths: dir, 'values-from-env': 'T', 'on-leak': 'warn' },
      { env: { T: token, PATH: noCli } },
    );
    expect(guard.exitCode, guard.stdout).toBe(0);
    if (hasZlibZstd) {
      expect(job.summary).toContain('leak guard hit: T as value: 1');
      expect(guard.stdout).toContain(`data.txt.zst!(zstd) at byte 2`);
    } else {
      expect(guard.stdout).toContain('zstd is not installed');
      expect(job.summary).toContain('leak guard: zstd decoded with zstd CLI');
    }
    // with the CLI on PATH, every runtime opens it
    const withCli = await job.guard({ paths: dir, 'values-from-env': 'T', 'on-leak': 'warn' }, { env: { T: token } });
    expect(withCli.stdout).toContain(`data.txt.zst!(zstd) at byte 2`);
  });
});

describe('guard step on a docker image', () => {
  it('finds a value in a layer, reports it in SARIF by image and member, and is not fooled by "root" in tar headers', async () => {
    const token = `tok-${randomBytes(12).toString('hex')}`;
    const staging = join(job.dir, 'rootfs');
    mkdirSync(join(staging, 'etc'), { recursive: true });
    writeFileSync(join(staging, 'etc', 'app.conf'), `token=${token}\n`);
    const tag = `local/guard-test:${randomBytes(4).toString('hex')}`;
    const layer = execFileSync('tar', ['--owner=root', '--group=root', '-C', staging, '-c', 'etc']);
    dockerCli(['import', '-', tag], layer);
    try {
      const sarifFile = join(job.dir, 'image.sarif');
      const guard = await job.guard(
        { image: tag, 'values-from-env': 'T\nDEV', 'sarif-file': sarifFile },
        { env: { T: token, DEV: 'root', PATH: DOCKER_PATH } },
      );
      expect(guard.exitCode, guard.stdout).toBe(1);
      expect(job.summary).toContain('leak guard hit: T as value: 1');
      expect(job.summary).toContain('leak guard: 1 value(s) shorter than 6 characters not looked for');
      expect(guard.stdout).toMatch(
        new RegExp(`secret T \\(as value\\) found in image ${tag}!.*layer\\.tar!etc/app\\.conf`),
      );
      const { text, log } = sarifAt(sarifFile);
      expect(text).toContain(`"name": "image ${tag}"`);
      expect(log.runs[0]?.results).toHaveLength(1);
      expect(findIn(text, token)).toEqual([]);
    } finally {
      dockerCli(['image', 'rm', tag]);
    }
  });
});
