// The reply size cap (src/vault/reply-cap.ts), alone: under the cap a body is read whole; past it
// reading stops at once (the stream is destroyed, nothing more is buffered), with or without a
// Content-Length.
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { formatBytes, readCapped } from '../../src/vault/reply-cap.js';

const opts = (maxBytes: number, declared?: number) => ({
  maxBytes,
  declared,
  tooLarge: () => new Error('too large'),
  failed: (e: Error) => new Error(`failed: ${e.message}`),
});

/** An endless stream of 64 KiB chunks that counts what was pulled from it. */
function endless(): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const stream = new Readable({
    read() {
      pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readCapped', () => {
  it('reads a body up to the cap whole, the cap itself included', async () => {
    const body = Buffer.from('{"data":{"a":"b"}}');
    expect(
      (await readCapped(Readable.from([body.subarray(0, 5), body.subarray(5)]), opts(body.length))).toString(),
    ).toBe(body.toString());
  });

  it('stops an endless body just past the cap and destroys it', async () => {
    const { stream, pulled } = endless();
    await expect(readCapped(stream, opts(1024 * 1024))).rejects.toThrow('too large');
    expect(stream.destroyed).toBe(true);
    // Node reads ahead a little (its highWaterMark), never the stream's whole
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
  });

  it('fails before reading when the declared length is over the cap', async () => {
    const { stream, pulled } = endless();
    await expect(readCapped(stream, opts(1000, 1001))).rejects.toThrow('too large');
    expect(stream.destroyed).toBe(true);
    expect(pulled()).toBe(0);
  });

  it("a stream's own error is mapped", async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('reset'));
      },
    });
    await expect(readCapped(broken, opts(1000))).rejects.toThrow('failed: reset');
  });
});

describe('formatBytes', () => {
  it.each([
    [8 * 1024 * 1024, '8 MiB'],
    [512 * 1024, '512 KiB'],
    [1000, '1000 bytes'],
  ])('%d is %s', (n, text) => expect(formatBytes(n)).toBe(text));
});
