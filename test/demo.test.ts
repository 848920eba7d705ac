// The README's quick start must stay true: `npm run demo` runs the bundled action end
// to end and its own checks pass.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './runner/job.js';

describe('npm run demo', () => {
  it('runs main, a careless step and post, and every check passes', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('== Checks');
    expect(run.stdout).not.toContain('✗');
    expect((run.stdout.match(/✓/g) ?? []).length).toBe(8);
  });
});
