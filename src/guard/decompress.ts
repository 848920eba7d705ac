// Decompressing a byte stream as it flows: gzip with node's zlib; zstd with node's zlib
// where the runtime has it (Node 22.15+, so node24 runners) and else the zstd CLI
// (runners have it; @actions/cache needs it too).
import { spawn } from 'node:child_process';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import type { Chunks } from './bytes.js';
import { childEnv } from '../child-env.js';

/** Node 20's types and runtime lack it; Node 24 has it. */
const createZstdDecompress = (zlib as { createZstdDecompress?: () => Transform }).createZstdDecompress;

/** Which zstd decoder this runtime uses, for the summary. */
export const zstdDecoder: 'node:zlib' | 'zstd CLI' = createZstdDecompress ? 'node:zlib' : 'zstd CLI';

export function gunzip(source: Chunks): AsyncGenerator<Uint8Array> {
  return through(source, zlib.createGunzip());
}

export function unzstd(source: Chunks): AsyncGenerator<Uint8Array> {
  return createZstdDecompress ? through(source, createZstdDecompress()) : unzstdCli(source);
}

/** Ends the source when decoding stops early, so its remaining bytes can be read by someone else. */
async function* through(source: Chunks, transform: Transform): AsyncGenerator<Uint8Array> {
  const input = Readable.from(source);
  input.once('error', (err) => transform.destroy(err));
  input.pipe(transform);
  try {
    for await (const chunk of transform) yield chunk as Buffer;
  } finally {
    input.destroy();
  }
}

export async function* unzstdCli(source: Chunks): AsyncGenerator<Uint8Array> {
  const child = spawn('zstd', ['-dcq'], { stdio: ['pipe', 'pipe', 'ignore'], env: childEnv() });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error('zstd is not installed') : err),
    );
  });
  await spawned;
  const input = Readable.from(source);
  const feeding = pipeline(input, child.stdin).catch(() => undefined);
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
  } finally {
    input.destroy();
  }
  await feeding;
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('close', resolve),
  );
  if (code !== 0) throw new Error(`zstd could not decompress it (exit ${code})`);
}
