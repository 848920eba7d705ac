// The layered encodings real leaks used (issue 15 §7): the tj-actions/changed-files and
// reviewdog/action-setup payloads printed the runner's memory as `base64 -w0 | base64 -w0`
// to get past masking. A value inside a larger blob, encoded twice, printed at several offsets: the runner model must hide every character
// the value decides, and the guard step must find it in a file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { maskLog } from '../runner/masker.js';
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

type Encode = (blob: Buffer) => string;
const b64: Encode = (b) => b.toString('base64');
// base64 of hex and hex of base64 were measured and left out (src/mask/forms.ts)
const LAYERS: readonly (readonly [string, Encode])[] = [['double base64', (b) => b64(Buffer.from(b64(b)))]];

/** Five offsets: every alignment of the inner and of the outer encoding is met. */
const OFFSETS = [0, 1, 2, 4, 8];

/**
 * The value at `offset` in random bytes, encoded; and which characters of the encoding the
 * value decides (they change when the value does), found without src/mask's arithmetic.
 */
function blob(value: string, offset: number, encode: Encode): { text: string; decided: number[] } {
  const before = randomBytes(offset + 12);
  const after = randomBytes(13);
  const bytes = Buffer.from(value);
  const text = encode(Buffer.concat([before, bytes, after]));
  const other = encode(Buffer.concat([before, Buffer.from(bytes.map((c) => c ^ 0x5a)), after]));
  const decided = Array.from({ length: text.length }, (_, i) => i).filter((i) => text[i] !== other[i]);
  return { text, decided };
}

/** Runs of 6 or more value-decided characters still in the masked line (its edges mix in neighbours). */
function survivors(masked: string, text: string, decided: readonly number[]): number {
  const first = decided[0] ?? 0;
  const last = decided.at(-1) ?? 0;
  let found = 0;
  for (let i = first; i + 6 <= last + 1; i++) if (masked.includes(text.slice(i, i + 6))) found++;
  return found;
}

describe('layered encodings', () => {
  it.each(LAYERS)('%s of a value inside a larger blob is masked at every offset (runner model)', async (_, encode) => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const leaked: number[] = [];
    for (const offset of OFFSETS) {
      const { text, decided } = blob(fx.values.password, offset, encode);
      expect(decided.length).toBeGreaterThan(20);
      const masked = maskLog(`memory: ${text}`, main.masks);
      if (survivors(masked, text, decided) > 0) leaked.push(offset);
    }
    expect(leaked, 'offsets at which the value shows through').toEqual([]);
    await job.post();
  });

  it('the guard step finds a double-base64 copy in a file at every offset, naming the form', async () => {
    const main = await job.main({
      'vault-addr': fx.server.url,
      'vault-token': fx.server.rootToken,
      secrets: 'secret/ci/app password | PW',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const pw = readFileSync(job.env['PW_FILE'] ?? '', 'utf8');
    const files = OFFSETS.map((offset) => {
      const path = join(job.workspace, `dump-${offset}.txt`);
      writeFileSync(path, `${blob(pw, offset, LAYERS[0]?.[1] ?? b64).text}\n`);
      return path;
    });
    const guard = await job.guard({ paths: job.workspace });
    expect(guard.exitCode, guard.stdout).toBe(1);
    for (const path of files) expect(guard.stdout).toContain(`secret PW (as base64-base64) found in ${path}`);
    expect(job.summary).toContain(`leak guard hit: PW as base64-base64: ${OFFSETS.length}`);
    for (const step of job.steps) expect(findIn(step.stdout + step.stderr, pw)).toEqual([]);
    expect(findIn(job.summary, pw)).toEqual([]);
  });
});
