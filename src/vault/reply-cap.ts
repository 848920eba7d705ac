// A reply body read up to a size cap (vault-max-reply-size): past it, reading stops and the
// stream is destroyed, so memory stays bounded whatever a server sends. Without it a body is
// buffered whole, with copies (a 200 MB reply took main past 600 MiB).
import type { Readable } from 'node:stream';

export interface CapOptions {
  readonly maxBytes: number;
  /** The Content-Length the server declared, if any: a larger one fails before a byte is read. */
  readonly declared?: number | undefined;
  readonly tooLarge: () => Error;
  /** The error for a stream that fails on its own (a reset mid-body). */
  readonly failed: (err: Error) => Error;
}

export function readCapped(body: Readable, opts: CapOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (opts.declared !== undefined && opts.declared > opts.maxBytes) {
      body.destroy();
      reject(opts.tooLarge());
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > opts.maxBytes) {
        chunks = [];
        reject(opts.tooLarge());
        body.destroy();
        return;
      }
      chunks.push(chunk);
    });
    body.once('error', (err) => reject(opts.failed(err)));
    body.once('end', () => resolve(Buffer.concat(chunks, size)));
  });
}

/** A size for messages: "8 MiB", "512 KiB", "100 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
