// The planted bugs of `npm run mutation` stay plantable: each `find` text occurs exactly
// once in its file, so a refactor that moves a guard fails here, in `npm test`, instead
// of turning into an error only when the (long) mutation run is next made.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../scripts/mutants.js';
import { ROOT } from '../runner/job.js';

describe('scripts/mutants.ts', () => {
  it('has unique ids', () => {
    const ids = MUTANTS.map((m) => m.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  it.each(MUTANTS.map((m) => [m.id, m] as const))('%s: every find text occurs once in its file', (_, m) => {
    const text = readFileSync(join(ROOT, m.file), 'utf8');
    for (const find of [m.find, ...(m.also ?? []).map((a) => a.find)]) expect(text.split(find).length - 1).toBe(1);
  });
});
