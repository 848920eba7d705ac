// A docker image as the leak guard sees it: `docker save` streamed (every layer, the
// image config with its history and build args) without touching the disk.
import * as core from '@actions/core';
import { spawn } from 'node:child_process';
import type { MaskRegistry } from '../mask/registry.js';
import { Scanner } from './scanner.js';
import { tally } from './report.js';
import { say } from '../output.js';
import { childEnv } from '../child-env.js';

export async function scanImage(scanner: Scanner, image: string, env: Record<string, string>): Promise<void> {
  const child = spawn('docker', ['save', image], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(env),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  await scanner.scanStream(`image ${image}`, child.stdout);
  const code = await closed;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`);
}

/** scan-image: the built image, before any push, for every form of every secret; a hit throws and so stops the push. */
export async function guardImage(masks: MaskRegistry, image: string, env: Record<string, string>): Promise<void> {
  const scanner = new Scanner(masks.forms());
  await core.group(`Leak guard: scan image ${image}`, () => scanImage(scanner, image, env));
  core.info(
    say`leak guard: image ${image}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} stream(s), ${scanner.hits.length} hit(s)`,
  );
  if (scanner.hits.length === 0) return;
  for (const hit of scanner.hits.slice(0, 20))
    core.error(say`secret ${hit.name} (as ${hit.form}) is in image ${image} at ${hit.inner || 'its config'}`, {
      title: 'Leaked secret',
    });
  throw new Error(
    `the image holds secrets (${tally(scanner.hits).join('; ')}): it was not pushed. Read secrets with RUN --mount=type=secret and do not write them into the image.`,
  );
}
