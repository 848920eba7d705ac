// The README's pictures cannot drift: their sources (the summary and the step log of a
// demo run, committed beside the PNGs) must match what `npm run demo` produces now, up to
// what changes from run to run, and each PNG must have been rendered from those sources.
// Regenerate with `npm run screenshots` (needs Debian's chromium).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureDemo } from '../scripts/demo-capture.js';
import { logPage, normalise, sha256, summaryPage } from '../scripts/screenshot-pages.js';
import { ROOT } from './runner/job.js';

const DIR = join(ROOT, 'docs/screenshots');
const committed = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const FIX = 'the README pictures are stale: run `npm run screenshots` and commit docs/screenshots/';

describe('README screenshots', () => {
  it('each PNG was rendered from the committed sources', () => {
    const recorded = committed('sources.sha256');
    expect(recorded, FIX).toBe(
      `${sha256(summaryPage(committed('summary.md')))}  summary.png\n${sha256(logPage(committed('log.txt')))}  log.png\n`,
    );
    for (const png of ['summary.png', 'log.png'])
      expect(readFileSync(join(DIR, png)).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/screenshots/summary.png)');
    expect(readme).toContain('](docs/screenshots/log.png)');
  });

  it('the sources match a fresh demo run', () => {
    const now = captureDemo();
    expect(normalise(now.summary), FIX).toBe(normalise(committed('summary.md')));
    expect(normalise(now.log), FIX).toBe(normalise(committed('log.txt')));
  });

  it('normalising keeps what the pictures are about', () => {
    const line =
      'at http://127.0.0.1:44507 in 51 ms, 12 file(s), 59129 byte(s), /dev/shm/vault-secrets-qTgoRe -> ey***SJ9';
    expect(normalise(line)).toBe(
      'at http://127.0.0.1:PORT in N ms, 12 file(s), N byte(s), /dev/shm/vault-secrets-XXXXXX -> ey***~',
    );
  });
});
