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
  const end = new TarEnd();
  await scanner.scanStream(`image ${image}`, end.watch(child.stdout));
  const code = await closed;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`);
  // docker exiting 0 does not prove the stream whole (a CLI or daemon that drops the
  // connection): a tar ends with zero blocks on a 512-byte boundary, or part went unscanned
  if (!end.complete())
    throw new Error(
      `docker save ${image} failed: the stream was cut short after ${end.bytes} byte(s), before the end of the archive, so part of the image was not scanned.`,
    );
}

/** Whether a tar stream reached its end: a whole number of blocks, the last two all zeros. */
class TarEnd {
  bytes = 0;
  #tail = Buffer.alloc(0);

  async *watch(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.bytes += chunk.length;
      this.#tail = Buffer.concat([this.#tail, chunk]).subarray(-1024);
      yield chunk;
    }
  }

  complete(): boolean {
    return this.bytes >= 1024 && this.bytes % 512 === 0 && this.#tail.every((b) => b === 0);
  }
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
