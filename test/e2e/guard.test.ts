// The leak guard in the post step: what a hit does under each on-leak, and the scan of
// a built image before it is pushed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { startFixture, type Fixture } from './fixture.js';
import { validateSarif } from './sarif-schema.js';

let fx: Fixture;
let job: Job;
beforeEach(async () => {
  fx = await startFixture();
  const home = mkdtempSync(join(tmpdir(), 'home-'));
  writeFileSync(join(home, '.npmrc'), 'registry=https://registry.example/\n');
  job = new Job({ HOME: home });
});
afterEach(async () => {
  job.dispose();
  await fx.server.close();
});

/** main, then a careless `run:` step that writes secrets into the build output, then post. */
async function leakyJob(
  onLeak: string,
): Promise<{ out: string; leaked: string; clean: string; post: Awaited<ReturnType<Job['post']>> }> {
  const out = join(job.workspace, 'dist');
  const main = await job.main({
    'vault-addr': fx.server.url,
    'vault-token': fx.server.rootToken,
    secrets: 'secret/ci/app password | PW\nsecret/ci/app api_key | KEY',
    'scan-paths': `${out}\n~/.npmrc`,
    'on-leak': onLeak,
  });
  expect(main.exitCode, main.stdout).toBe(0);
  mkdirSync(join(out, 'assets'), { recursive: true });
  const pw = readFileSync(job.env['PW_FILE'] ?? '', 'utf8');
  const leaked = join(out, 'assets', 'config.js');
  writeFileSync(
    leaked,
    `// generated\nexport const url = "https://x";\nexport const auth = "${Buffer.from(`u:${pw}`).toString('base64')}";\n`,
  );
  const clean = join(out, 'index.html');
  writeFileSync(clean, '<html>nothing to see</html>\n');
  const post = await job.post();
  // the hit is reported by name, form and place: no form of the value in any output
  for (const value of [pw, fx.values.apiKey]) {
    for (const step of job.steps) expect(findIn(step.stdout + step.stderr, value)).toEqual([]);
    expect(findIn(job.summary, value)).toEqual([]);
  }
  return { out, leaked, clean, post };
}

describe('leak guard in post', () => {
  it('on-leak fail: an error annotation with file and line, and the step fails', async () => {
    const { leaked, clean, post } = await leakyJob('fail');
    expect(post.exitCode).toBe(1);
    expect(post.stdout).toContain(
      `::error title=Leaked secret,file=${leaked},line=3::secret PW (as base64) found in ${leaked} at byte`,
    );
    expect(post.stdout).toMatch(/::error::vault-secrets-action: leak guard: 1 secret hit\(s\) in 1 file\(s\)/);
    expect(existsSync(leaked)).toBe(true);
    expect(existsSync(clean)).toBe(true);
    expect(job.summary).toMatch(
      /leak guard: scanned 3 file\(s\), \d+ byte\(s\) in \d+ ms on \d+ thread\(s\) under .*: 1 hit\(s\)/,
    );
    expect(job.summary).toContain('leak guard hit: PW as base64: 1');
  });

  it('on-leak delete: removes the file, says so, and passes', async () => {
    const { leaked, clean, post } = await leakyJob('delete');
    expect(post.exitCode).toBe(0);
    expect(existsSync(leaked)).toBe(false);
    expect(existsSync(clean)).toBe(true);
    expect(post.stdout).toContain(`::warning::leak guard deleted ${leaked}: it held a secret`);
  });

  it('on-leak delete: also removes a compressed file whose contents hold a secret', async () => {
    const out = join(job.workspace, 'dist');
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
      'scan-paths': out,
      'on-leak': 'delete',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    mkdirSync(out, { recursive: true });
    const archive = join(out, 'bundle.gz');
    writeFileSync(archive, gzipSync(`PASSWORD=${readFileSync(job.env['PW_FILE'] ?? '', 'utf8')}\n`));
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain(`::warning::leak guard deleted ${archive}: it held a secret`);
    expect(existsSync(archive)).toBe(false);
  });

  it('an input credential (the vault-token input) written to a scanned path is found too', async () => {
    const out = join(job.workspace, 'dist');
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
      'scan-paths': out,
    });
    expect(main.exitCode, main.stdout).toBe(0);
    mkdirSync(out, { recursive: true });
    const leaked = join(out, 'debug.log');
    writeFileSync(leaked, `token=${fx.server.rootToken}\n`);
    const post = await job.post();
    expect(post.exitCode).toBe(1);
    expect(post.stdout).toContain(`::error title=Leaked secret,file=${leaked},line=1::secret `);
    expect(findIn(post.stdout + post.stderr + job.summary, fx.server.rootToken)).toEqual([]);
  });

  it('on-leak warn: a warning, the file stays, and passes', async () => {
    const { leaked, post } = await leakyJob('warn');
    expect(post.exitCode).toBe(0);
    expect(existsSync(leaked)).toBe(true);
    expect(post.stdout).toContain(`::warning title=Leaked secret,file=${leaked},line=3::secret PW (as base64)`);
  });
});

describe('leak guard in post: SARIF', () => {
  it('writes the findings as SARIF 2.1.0 (schema-valid) with no form of any value', async () => {
    const sarifFile = join(job.dir, 'post.sarif');
    const out = join(job.workspace, 'dist');
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
      'scan-paths': out,
      'sarif-file': sarifFile,
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const pw = readFileSync(job.env['PW_FILE'] ?? '', 'utf8');
    mkdirSync(out);
    writeFileSync(join(out, 'leak.txt'), `one\ntwo ${encodeURIComponent(pw)}\n`);
    const post = await job.post();
    expect(post.exitCode).toBe(1);
    const text = readFileSync(sarifFile, 'utf8');
    const log = JSON.parse(text) as { runs: { results: { ruleId: string; locations: unknown }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0]?.results.map((r) => [r.ruleId, r.locations])).toEqual([
      [
        'leaked-secret-url',
        [{ physicalLocation: { artifactLocation: { uri: 'dist/leak.txt' }, region: { startLine: 2, byteOffset: 8 } } }],
      ],
    ]);
    expect(findIn(text, pw)).toEqual([]);
  });
});
