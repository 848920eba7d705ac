// on-leak delete and links (issue 15 §4): a scanned path that reaches outside the trees the
// user named through a linked folder is never deleted; the step says so (log and summary)
// and fails, since the secret is still where the job would ship it. Files inside go as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let job: Job;
beforeEach(async () => {
  fx = await startFixture();
  job = new Job();
});
afterEach(async () => {
  if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
  job.dispose();
  await fx.server.close();
});

/** A workspace whose dist/linkdir points outside it, a leaked file behind the link and one inside. */
function hostileTree(pw: string): { dist: string; outsideFile: string; insideFile: string; through: string } {
  const outside = join(job.dir, 'outside');
  mkdirSync(outside);
  const outsideFile = join(outside, 'inner.txt');
  writeFileSync(outsideFile, `keep me: ${pw}\n`);
  const dist = join(job.workspace, 'dist');
  mkdirSync(dist);
  symlinkSync(outside, join(dist, 'linkdir'));
  const insideFile = join(dist, 'bundle.js');
  writeFileSync(insideFile, `const pw = "${pw}";\n`);
  return { dist, outsideFile, insideFile, through: join(dist, 'linkdir', 'inner.txt') };
}

describe('on-leak delete never follows a link out of the scanned trees', () => {
  it('post: the file inside goes, the one behind the link stays, the summary names the path, post fails', async () => {
    const pw = fx.values.password;
    const tree = hostileTree(pw);
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
      'scan-paths': `${tree.through}\n${tree.insideFile}`,
      'on-leak': 'delete',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const post = await job.post();
    expect(existsSync(tree.insideFile)).toBe(false);
    expect(readFileSync(tree.outsideFile, 'utf8')).toBe(`keep me: ${pw}\n`);
    expect(post.exitCode, post.stdout).toBe(1);
    const refused = `leak guard did not delete ${tree.through}: it leads outside ${job.workspace} through a link (to ${tree.outsideFile})`;
    expect(post.stdout).toContain(`::error title=Leaked secret not deleted,file=${tree.through}::${refused}`);
    expect(job.summary).toContain(refused.replace(/[&<>"'|`*[\]\\~]/g, (c) => `&#${c.charCodeAt(0)};`));
    expect(post.stdout).toContain(`::warning::leak guard deleted ${tree.insideFile}`);
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, pw)).toEqual([]);
    expect(findIn(job.summary, pw)).toEqual([]);
  });

  it('the guard step: the same; files in a real folder inside are deleted as before', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const pw = readFileSync(job.env['PW_FILE'] ?? '', 'utf8');
    const tree = hostileTree(pw);
    const real = join(job.workspace, 'real');
    mkdirSync(real);
    writeFileSync(join(real, 'x.txt'), `x=${pw}\n`);
    const guard = await job.guard({ paths: `${tree.through}\n${tree.insideFile}\n${real}`, 'on-leak': 'delete' });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(existsSync(tree.insideFile)).toBe(false);
    expect(existsSync(join(real, 'x.txt'))).toBe(false);
    expect(readFileSync(tree.outsideFile, 'utf8')).toBe(`keep me: ${pw}\n`);
    expect(guard.stdout).toContain(`leak guard did not delete ${tree.through}: it leads outside ${job.workspace}`);
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, pw)).toEqual([]);
    expect(findIn(job.summary, pw)).toEqual([]);
  });

  it('a path named through a link inside a named folder is scanned too (the walk of the folder does not follow it)', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const tree = hostileTree(fx.values.password);
    const guard = await job.guard({ paths: `${tree.dist}\n${tree.through}` });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(guard.stdout).toContain(`::error title=Leaked secret,file=${tree.through},line=1::secret PW`);
    expect(guard.stdout).toContain(`::error title=Leaked secret,file=${tree.insideFile},line=1::secret PW`);
    for (const s of job.steps) expect(findIn(s.stdout + s.stderr, fx.values.password)).toEqual([]);
  });
});
