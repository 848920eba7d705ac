// npm run screenshots: the README's pictures from a real demo run. Renders the job
// summary and the masked step log as HTML and photographs them with headless Chromium
// (Debian's `chromium` package). Writes into docs/screenshots/: the PNGs, their sources
// (log.txt, summary.md, as this run produced them) and sources.sha256 (the HTML each
// PNG shows), which test/screenshots.test.ts holds against a fresh demo run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureDemo, ROOT } from './demo-capture.js';
import { logPage, sha256, summaryPage } from './screenshot-pages.js';

const OUT = join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env['CHROMIUM'] ?? 'chromium';

function photograph(html: string, png: string, size: { width: number; height: number }): void {
  const dir = mkdtempSync(join(tmpdir(), 'screenshot-'));
  try {
    const file = join(dir, 'page.html');
    writeFileSync(file, html);
    const run = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--hide-scrollbars',
        `--window-size=${size.width},${size.height}`,
        `--screenshot=${png}`,
        `file://${file}`,
      ],
      { encoding: 'utf8', timeout: 90_000 },
    );
    if (run.status !== 0) throw new Error(`${CHROMIUM} failed (apt-get install chromium):\n${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const demo = captureDemo();
const pages = { summary: summaryPage(demo.summary), log: logPage(demo.log) };
writeFileSync(join(OUT, 'summary.md'), demo.summary);
writeFileSync(join(OUT, 'log.txt'), demo.log);
const logLines = demo.log.split('\n').length;
photograph(pages.summary, join(OUT, 'summary.png'), { width: 1000, height: 760 });
photograph(pages.log, join(OUT, 'log.png'), { width: 1200, height: 32 + logLines * 20 });
writeFileSync(join(OUT, 'sources.sha256'), `${sha256(pages.summary)}  summary.png\n${sha256(pages.log)}  log.png\n`);
console.log(`wrote ${OUT}/summary.png and log.png, their sources and sources.sha256`);
