// A multi-pattern byte matcher for the leak guard: every occurrence of every pattern
// (a thousand or two forms of the job's secrets, 8 to a few thousand bytes each) in
// files, folders, archives and images, at its exact start offset.
//
// The algorithm: sampled blocks with a bit filter, then a hash of the window, then a
// byte compare.
//  - The window is the first W bytes of every pattern, W = the shortest pattern length
//    (capped at BLOCK + MAX_STRIDE - 1 = 11). Any occurrence's window [p, p+W) holds
//    exactly one of the 4-byte blocks [q, q+4) sampled every S = W - 3 bytes, at offset
//    j = q - p in 0..S-1 (W = 8, the forms' minimum, gives S = 5).
//  - The filter (256 KiB) maps a hash of a block to a byte whose bit j says "some pattern
//    has this block at offset j of its window". On text, base64, hex and binary almost
//    every sampled block maps to 0, and S starts are ruled out with one 32-bit load, one
//    multiply and one table load. Unlike Wu-Manber's data-dependent shifts the stride is
//    fixed, so successive samples do not wait for each other's loads: the CPU overlaps
//    them. A block is read with DataView.getInt32 and all arithmetic stays int32.
//  - The sampling loop only records the samples whose filter byte is set; a second loop
//    takes each set bit's start p = q - j, hashes the window's first and last 4 bytes,
//    and compares the patterns in that bucket byte by byte (last byte first).
//  - Patterns under 5 bytes, and up to 4 patterns under 8 bytes (not expected: forms are
//    at least 8), are looked for apart, so that one short value does not shrink the
//    stride for all: a few with Buffer#indexOf each, more with a short window, under
//    5 bytes by their first byte at every byte. That is slower.
//  - The hash multiplier is chosen so that runs of common bytes (NUL, spaces, 'A'...)
//    do not hit the filter by a collision.
// Identical patterns are matched once and reported for each of their indexes.
//
// Streaming keeps the undecided tail (starts whose longest pattern could still run into
// the next chunk: at most maxLength-1 bytes) in a carry buffer; big chunks are scanned
// where they lie, small ones are copied into the carry buffer first. The tables are built
// once; scan() allocates only a DataView over the data, so scanning many small files
// costs next to nothing per file.
//
// The pattern bytes are kept only in the tables (one pool); nothing here logs them.
import { buildTables, type Tables } from './matcher-tables.js';
import { scanRange, type MatchSink } from './matcher-scan.js';

export type { MatchSink } from './matcher-scan.js';

export interface MatchStream {
  write(chunk: Uint8Array): void;
  /** Reports the matches that end in the last bytes; the stream takes no more writes. */
  end(): void;
  /** Total bytes seen. */
  readonly bytes: number;
}

/** Chunks at least this long (or maxLength) are scanned in place, shorter ones are copied first. */
const IN_PLACE = 1 << 16;

export class Matcher {
  readonly patternCount: number;
  readonly maxLength: number;
  readonly #tables: Tables;
  /** A carry buffer handed back by an ended stream, for the next one. */
  #spare: Uint8Array | undefined;

  constructor(patterns: readonly Uint8Array[]) {
    this.patternCount = patterns.length;
    let max = 0;
    for (const p of patterns) max = Math.max(max, p.length);
    this.maxLength = max;
    this.#tables = buildTables(patterns);
  }

  /**
   * A streaming scan: chunks of any size, in order. A match across chunk boundaries is
   * reported once, when its last byte arrives (or at end()). Chunks are not kept: the
   * caller may reuse a chunk's memory once write() returns.
   */
  stream(onMatch: MatchSink): MatchStream {
    const spare = this.#spare;
    this.#spare = undefined;
    return new Stream(this.#tables, this.maxLength, onMatch, spare, (buf) => (this.#spare = buf));
  }

  /** One whole buffer; offsets are from its start. Order of reports: not specified. */
  scan(data: Uint8Array, onMatch: MatchSink): void {
    if (this.maxLength === 0 || data.length === 0) return;
    scanRange(this.#tables, data, 0, data.length, data.length, 0, onMatch);
  }
}

class Stream implements MatchStream {
  readonly #t: Tables;
  readonly #sink: MatchSink;
  readonly #keep: number;
  readonly #inPlace: number;
  readonly #capacity: number;
  readonly #release: (buf: Uint8Array) => void;
  readonly #empty: boolean;
  #buf: Uint8Array | undefined;
  /** Bytes held in #buf; they end where the stream so far ends. */
  #len = 0;
  /** #buf[#start] is the first start not yet decided. */
  #start = 0;
  #bytes = 0;
  #ended = false;

  constructor(
    t: Tables,
    maxLength: number,
    sink: MatchSink,
    spare: Uint8Array | undefined,
    release: (buf: Uint8Array) => void,
  ) {
    this.#t = t;
    this.#sink = sink;
    this.#keep = Math.max(0, maxLength - 1);
    this.#inPlace = Math.max(IN_PLACE, maxLength);
    this.#capacity = this.#inPlace + maxLength;
    this.#release = release;
    this.#empty = maxLength === 0;
    this.#buf = spare?.length === this.#capacity ? spare : undefined;
  }

  get bytes(): number {
    return this.#bytes;
  }

  write(chunk: Uint8Array): void {
    if (this.#ended) throw new Error('write after end');
    const n = chunk.length;
    if (n === 0) return;
    this.#bytes += n;
    if (this.#empty) return;
    const keep = this.#keep;
    const buf = (this.#buf ??= new Uint8Array(this.#capacity));
    if (n >= this.#inPlace) {
      // The carried starts are decided with the first keep bytes of the chunk after them;
      // the chunk's own starts where they lie, but for its last keep.
      if (this.#len > this.#start) {
        if (this.#len + keep > this.#capacity) this.#compact(buf);
        buf.set(chunk.subarray(0, keep), this.#len);
        scanRange(this.#t, buf, this.#start, this.#len, this.#len + keep, this.#bytes - n - this.#len, this.#sink);
      }
      scanRange(this.#t, chunk, 0, n - keep, n, this.#bytes - n, this.#sink);
      buf.set(chunk.subarray(n - keep), 0);
      this.#len = keep;
      this.#start = 0;
      return;
    }
    if (this.#len + n > this.#capacity) this.#compact(buf);
    buf.set(chunk, this.#len);
    this.#len += n;
    const to = this.#len - keep;
    if (to > this.#start) {
      scanRange(this.#t, buf, this.#start, to, this.#len, this.#bytes - this.#len, this.#sink);
      this.#start = to;
    }
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    const buf = this.#buf;
    if (buf === undefined) return;
    if (this.#len > this.#start)
      scanRange(this.#t, buf, this.#start, this.#len, this.#len, this.#bytes - this.#len, this.#sink);
    this.#buf = undefined;
    this.#len = this.#start = 0;
    this.#release(buf);
  }

  /** Moves the undecided tail (at most keep bytes) to the front. */
  #compact(buf: Uint8Array): void {
    buf.copyWithin(0, this.#start, this.#len);
    this.#len -= this.#start;
    this.#start = 0;
  }
}
