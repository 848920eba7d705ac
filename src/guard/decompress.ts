// Decompressing a byte stream as it flows: gzip with node's zlib, zstd with the zstd
// CLI (Node 20's zlib has none; runners have the CLI, which @actions/cache needs too).
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Chunks } from './bytes.js';
import { childEnv } from '../child-env.js';

export async function* gunzip(source: Chunks): AsyncGenerator<Uint8Array> {
  const out = Readable.from(source).pipe(createGunzip());
  for await (const chunk of out) yield chunk as Buffer;
}

export async function* unzstd(source: Chunks): AsyncGenerator<Uint8Array> {
  const child = spawn('zstd', ['-dcq'], { stdio: ['pipe', 'pipe', 'ignore'], env: childEnv() });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error('zstd is not installed') : err),
    );
  });
  await spawned;
  const feeding = pipeline(Readable.from(source), child.stdin).catch(() => undefined);
  for await (const chunk of child.stdout) yield chunk as Buffer;
  await feeding;
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('close', resolve),
  );
  if (code !== 0) throw new Error(`zstd could not decompress it (exit ${code})`);
}
