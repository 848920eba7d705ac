// A value the size of a file (a keystore as base64, a bundle) is masked in proportion to
// its size: the value and its lines are registered (what the runner needs to hide it
// and each line), not every encoding of the whole; the session's forms file stays
// bounded. Figures for a 5 MB value are in the bench (bench/large-value.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import { Job, type StepResult } from '../runner/job.js';
import { findIn, listTree } from '../runner/leaks.js';

const BYTES = 1 << 20;
/** A keystore as `base64` prints it: 76-column lines. */
const LARGE = (
  randomBytes((BYTES * 3) / 4)
    .toString('base64')
    .match(/.{1,76}/g) ?? []
).join('\n');
const SMALL = `small-${randomBytes(12).toString('hex')}`;

let server: VaultDevServer;
let job: Job;
let main: StepResult;
let formsFileBytes: number;

beforeAll(async () => {
  server = await startVaultDevServer();
  server.mountKv('', 'secret', 2);
  server.putKv('', 'secret', 'ci/big', { keystore: LARGE, password: SMALL });
  job = new Job();
  main = await job.main(
    { 'vault-addr': server.url, 'vault-token': server.rootToken, secrets: 'secret/ci/big *' },
    { timeoutMs: 120_000 },
  );
  const root = main.state['session-root'] ?? '';
  const forms = join(root, 'private', 'forms');
  formsFileBytes = existsSync(forms) ? statSync(forms).size : -1;
}, 180_000);

afterAll(async () => {
  job.dispose();
  await server.close();
});

describe('a 1 MiB value', () => {
  it('is delivered whole', () => {
    expect(main.exitCode, main.log).toBe(0);
    expect(readFileSync(join(main.outputs['files-dir'] ?? '', 'KEYSTORE'), 'utf8') === LARGE).toBe(true);
  });

  it('prints under 3x its size to stdout (its value and its lines, not every encoding)', () => {
    expect(Buffer.byteLength(main.stdout)).toBeLessThan(3 * BYTES);
  });

  it('registers the whole value and every line of it', () => {
    const masks = new Set(main.masks);
    expect(masks.has(LARGE)).toBe(true);
    const lines = LARGE.split('\n').filter((l) => l.length >= 6);
    expect(lines.filter((l) => !masks.has(l)).length).toBe(0);
  });

  it('keeps the forms file for the leak guard under 1 MiB for the value', () => {
    expect(formsFileBytes).toBeGreaterThan(0);
    expect(formsFileBytes).toBeLessThan(1 << 20);
  });

  it('still registers every encoding of a small value next to it', () => {
    const masks = new Set(main.masks);
    const b64 = Buffer.from(SMALL).toString('base64').replace(/=+$/, '');
    expect([...masks].some((m) => b64.startsWith(m) && m.length >= b64.length - 2)).toBe(true);
    expect(masks.has(Buffer.from(SMALL).toString('hex'))).toBe(true);
  });

  it('leaks no form of either value, and post leaves nothing behind', async () => {
    const post = await job.post({ timeoutMs: 120_000 });
    expect(post.exitCode, post.log).toBe(0);
    expect(findIn(job.allOutput, SMALL)).toEqual([]);
    expect(findIn(job.allOutput, LARGE)).toEqual([]);
    expect(listTree(main.state['session-root'] ?? '/nonexistent')).toEqual([]);
  });
});
