// Runs `npm run demo` (scripts/demo.ts) and keeps what the README's pictures show:
// the step log, masked as the runner masks it, and the job summary the action wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stepLog } from './screenshot-pages.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface DemoCapture {
  readonly log: string;
  readonly summary: string;
}

export function captureDemo(): DemoCapture {
  const dir = mkdtempSync(join(tmpdir(), 'demo-capture-'));
  try {
    const summaryFile = join(dir, 'summary.md');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DEMO_SUMMARY_FILE: summaryFile },
      timeout: 60_000,
    });
    if (run.status !== 0)
      throw new Error(`npm run demo failed (exit ${String(run.status)}):\n${run.stdout}${run.stderr}`);
    return { log: stepLog(run.stdout), summary: readFileSync(summaryFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
