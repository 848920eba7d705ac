// Reading byte streams a chunk at a time, with a look at the first bytes to tell what
// they are. No stream is read twice and no whole file is held in memory.

export type Chunks = AsyncIterable<Uint8Array>;

/** Reads a stream to its end, dropping what it yields: the bytes after it come only then. */
export async function drain(source: Chunks): Promise<void> {
  const it = source[Symbol.asyncIterator]();
  while ((await it.next()).done !== true) {
    // dropped
  }
}

/** Pulls from an async iterator with a putback: a peek never loses bytes. */
export class Reader {
  readonly #it: AsyncIterator<Uint8Array>;
  #pending: Uint8Array[] = [];
  #done = false;

  constructor(source: Chunks) {
    this.#it = source[Symbol.asyncIterator]();
  }

  /** The next chunk (possibly a put-back one), or undefined at the end. */
  async next(): Promise<Uint8Array | undefined> {
    const back = this.#pending.shift();
    if (back) return back;
    if (this.#done) return undefined;
    const r = await this.#it.next();
    if (r.done) {
      this.#done = true;
      return undefined;
    }
    return r.value;
  }

  unshift(chunk: Uint8Array): void {
    if (chunk.length > 0) this.#pending.unshift(chunk);
  }

  /** Up to `n` bytes from the front, put back so they are read again. */
  async peek(n: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let have = 0;
    while (have < n) {
      const c = await this.next();
      if (!c) break;
      parts.push(c);
      have += c.length;
    }
    const joined = Buffer.concat(parts);
    this.unshift(joined);
    return joined.subarray(0, Math.min(n, joined.length));
  }

  /** Exactly `n` bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let have = 0;
    while (have < n) {
      const c = await this.next();
      if (!c) break;
      const take = Math.min(c.length, n - have);
      parts.push(c.subarray(0, take));
      if (take < c.length) this.unshift(c.subarray(take));
      have += take;
    }
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }

  /** The next `n` bytes as chunks, without joining them. */
  async *take(n: number): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      const c = await this.next();
      if (!c) return;
      if (c.length > left) {
        this.unshift(c.subarray(left));
        yield c.subarray(0, left);
        return;
      }
      left -= c.length;
      yield c;
    }
  }

  async *rest(): AsyncGenerator<Uint8Array> {
    for (let c = await this.next(); c; c = await this.next()) yield c;
  }
}

export type Format = 'gzip' | 'zstd' | 'tar' | 'plain';

/** What the first bytes say: gzip and zstd by their magic, tar by "ustar" at offset 257. */
export function sniff(head: Uint8Array): Format {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar') return 'tar';
  return 'plain';
}
