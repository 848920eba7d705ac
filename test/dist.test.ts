// dist/ is what the runner executes: it must be exactly what the sources build to.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './runner/job.js';

describe('dist/', () => {
  it('matches a fresh build of src/ byte for byte (run `npm run build` and commit dist/ if not)', () => {
    // a sibling of dist/: the source maps name src/ relative to where the bundle is
    const out = mkdtempSync(join(ROOT, '.dist-check-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--out', out], { stdio: 'pipe' });
      const fresh = readdirSync(out).sort();
      expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(fresh);
      for (const file of fresh) {
        const same = readFileSync(join(out, file)).equals(readFileSync(join(ROOT, 'dist', file)));
        expect(same, `dist/${file} differs from a fresh build`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('declares node24 with an always-run post step', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: node24/);
    expect(action).toMatch(/post: dist\/post\.js/);
    expect(action).toMatch(/post-if: always\(\)/);
  });
});
