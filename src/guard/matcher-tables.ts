// The matcher's tables, built once per pattern set (see matcher.ts for the algorithm).
// Only typed arrays: the pattern bytes live in one pool, nothing else keeps them.

/** Bytes per sampled block. */
export const BLOCK = 4;
/** Patterns shorter than this are looked for apart (see scanShort). */
export const SHORT_BELOW = BLOCK + 1;
/** The window the leak guard's forms allow (they are at least 8 bytes long). */
export const GOOD_WINDOW = 8;
/** Up to this many short patterns are each found with Buffer#indexOf; more, by a per-byte loop. */
export const FEW_SHORT = 4;
/** The sample stride is at most this, so a block's offsets fit in one byte of the filter. */
export const MAX_STRIDE = 8;

export interface Tables {
  /** The bytes of every distinct pattern, back to back. */
  readonly pool: Uint8Array;
  /** Per distinct pattern: where it starts in `pool`, and its length. */
  readonly start: Int32Array;
  readonly length: Int32Array;
  /** Per distinct pattern u: the caller's indexes are dupList[dupStart[u] .. dupStart[u+1]). */
  readonly dupStart: Int32Array;
  readonly dupList: Int32Array;

  /** Window length: the shortest long pattern, capped at BLOCK + MAX_STRIDE - 1. 0: no long patterns. */
  readonly window: number;
  /** window - BLOCK + 1: one block is sampled every `stride` bytes. */
  readonly stride: number;
  /** The block hash's multiplier and 32 - log2(filter size). */
  readonly multiplier: number;
  readonly filterShift: number;
  /** Per block hash: bit j set when some long pattern has that block at offset j of its window. */
  readonly filter: Uint8Array;
  /** 32 - log2(bucket count). */
  readonly bucketShift: number;
  /** Long patterns by the hash of their window: bucketList[bucketStart[h] .. bucketStart[h+1]). */
  readonly bucketStart: Int32Array;
  readonly bucketList: Int32Array;

  /** Short patterns (under SHORT_BELOW bytes, or up to FEW_SHORT under GOOD_WINDOW) by first byte: shortList[shortStart[b] .. shortStart[b+1]). */
  readonly shortStart: Int32Array;
  readonly shortList: Int32Array;
  readonly hasShort: boolean;
  /** The short patterns when there are FEW_SHORT or fewer: each is found with Buffer#indexOf. */
  readonly fewShort: readonly number[] | undefined;
}

/** Odd multipliers for the block hash, tried in turn (see RUNS). */
const MULTIPLIERS = [
  0x9e3779b1,
  0x85ebca6b,
  0xc2b2ae35,
  0x27d4eb2f,
  0x165667b1,
  0xd6e8feb7,
  0x94d049bb,
  0xbf58476d | 1,
];
/** Bytes whose long runs are common in files: NUL, 0xff, space, newline, tab, '0', 'A' (base64 of zeros), '-', '=', '.', 'f'. */
export const RUNS = [0x00, 0xff, 0x20, 0x0a, 0x09, 0x30, 0x41, 0x2d, 0x3d, 0x2e, 0x66];

/** The block hash: 4 bytes read little-endian, multiplicative. Must match the scan loop (DataView.getInt32) exactly. */
export function blockHash(a: number, b: number, c: number, e: number, multiplier: number, shift: number): number {
  return Math.imul(a | (b << 8) | (c << 16) | (e << 24), multiplier) >>> shift;
}

/** The window hash: its first 4 and last 4 bytes (window >= 5). Must match the scan loop exactly. */
export function windowHash(d: Uint8Array, p: number, window: number, shift: number): number {
  const e = p + window - 4;
  const x =
    (d[p] as number) | ((d[p + 1] as number) << 8) | ((d[p + 2] as number) << 16) | ((d[p + 3] as number) << 24);
  const y =
    (d[e] as number) | ((d[e + 1] as number) << 8) | ((d[e + 2] as number) << 16) | ((d[e + 3] as number) << 24);
  return Math.imul(x ^ Math.imul(y, 0x85ebca6b), 0x9e3779b1) >>> shift;
}

function log2ceil(n: number): number {
  let k = 0;
  while (1 << k < n) k++;
  return k;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

export function buildTables(patterns: readonly Uint8Array[]): Tables {
  // Distinct non-empty patterns; each remembers every caller index it stands for.
  const order: number[] = [];
  for (let i = 0; i < patterns.length; i++) if ((patterns[i] as Uint8Array).length > 0) order.push(i);
  order.sort((a, b) => compareBytes(patterns[a] as Uint8Array, patterns[b] as Uint8Array) || a - b);
  const groups: number[][] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last && compareBytes(patterns[last[0] as number] as Uint8Array, patterns[i] as Uint8Array) === 0) last.push(i);
    else groups.push([i]);
  }
  const u = groups.length;
  const start = new Int32Array(u);
  const length = new Int32Array(u);
  const dupStart = new Int32Array(u + 1);
  const dupList = new Int32Array(order.length);
  let poolSize = 0;
  for (const g of groups) poolSize += (patterns[g[0] as number] as Uint8Array).length;
  const pool = new Uint8Array(poolSize);
  let at = 0;
  let d = 0;
  for (let k = 0; k < u; k++) {
    const g = groups[k] as number[];
    const p = patterns[g[0] as number] as Uint8Array;
    pool.set(p, at);
    start[k] = at;
    length[k] = p.length;
    at += p.length;
    dupStart[k] = d;
    for (const i of g) dupList[d++] = i;
  }
  dupStart[u] = d;

  // Short patterns are looked for apart: those under SHORT_BELOW bytes, or, when there
  // are only a few under GOOD_WINDOW, those (so that one 5-byte value does not shrink the
  // stride for all).
  let shortBelow = SHORT_BELOW;
  let under = 0;
  for (let k = 0; k < u; k++) if ((length[k] as number) < GOOD_WINDOW) under++;
  if (under <= FEW_SHORT) shortBelow = GOOD_WINDOW;
  const long: number[] = [];
  const short: number[] = [];
  for (let k = 0; k < u; k++) ((length[k] as number) >= shortBelow ? long : short).push(k);

  // Long patterns: the sampled-block filter and the window buckets.
  let window = 0;
  if (long.length > 0) {
    window = BLOCK + MAX_STRIDE - 1;
    for (const k of long) window = Math.min(window, length[k] as number);
  }
  const stride = window > 0 ? window - BLOCK + 1 : 1;
  const filterBits = long.length > 0 ? Math.min(18, Math.max(10, log2ceil(long.length * stride * 32))) : 1;
  const filterShift = 32 - filterBits;
  const filter = new Uint8Array(long.length > 0 ? 1 << filterBits : 1);
  let multiplier = (MULTIPLIERS[0] as number) | 0;
  const bucketBits = long.length > 0 ? Math.min(17, Math.max(8, log2ceil(long.length * 4))) : 1;
  const bucketShift = 32 - bucketBits;
  const bucketStart = new Int32Array((1 << bucketBits) + 1);
  const bucketList = new Int32Array(long.length);
  if (long.length > 0) {
    // Long runs of one byte (zeroed space, padding, indentation, base64 of zeros) must not
    // hit the filter by a hash collision, or every sample there becomes a candidate: try
    // another multiplier when one does (each run hits by chance ~1%).
    const realRuns = new Set<number>();
    for (const k of long) {
      const s = start[k] as number;
      for (let j = 0; j + BLOCK <= window; j++) {
        const c = pool[s + j] as number;
        if (pool[s + j + 1] === c && pool[s + j + 2] === c && pool[s + j + 3] === c) realRuns.add(c);
      }
    }
    for (const m of MULTIPLIERS) {
      const mul = m | 0;
      multiplier = mul;
      filter.fill(0);
      for (const k of long) {
        const s = start[k] as number;
        for (let j = 0; j + BLOCK <= window; j++) {
          const h = blockHash(
            pool[s + j] as number,
            pool[s + j + 1] as number,
            pool[s + j + 2] as number,
            pool[s + j + 3] as number,
            mul,
            filterShift,
          );
          filter[h] = (filter[h] as number) | (1 << j);
        }
      }
      if (RUNS.every((c) => realRuns.has(c) || filter[blockHash(c, c, c, c, mul, filterShift)] === 0)) break;
    }
    const hashes = new Int32Array(long.length);
    for (let n = 0; n < long.length; n++) {
      const w = windowHash(pool, start[long[n] as number] as number, window, bucketShift);
      hashes[n] = w;
      bucketStart[w + 1] = (bucketStart[w + 1] as number) + 1;
    }
    for (let h = 0; h < 1 << bucketBits; h++)
      bucketStart[h + 1] = (bucketStart[h + 1] as number) + (bucketStart[h] as number);
    const fillAt = bucketStart.slice(0, 1 << bucketBits);
    for (let n = 0; n < long.length; n++) {
      const w = hashes[n] as number;
      bucketList[fillAt[w] as number] = long[n] as number;
      fillAt[w] = (fillAt[w] as number) + 1;
    }
  }

  // Short patterns by first byte.
  const shortStart = new Int32Array(257);
  const shortList = new Int32Array(short.length);
  for (const k of short) {
    const b = pool[start[k] as number] as number;
    shortStart[b + 1] = (shortStart[b + 1] as number) + 1;
  }
  for (let b = 0; b < 256; b++) shortStart[b + 1] = (shortStart[b + 1] as number) + (shortStart[b] as number);
  const shortAt = shortStart.slice(0, 256);
  for (const k of short) {
    const b = pool[start[k] as number] as number;
    shortList[shortAt[b] as number] = k;
    shortAt[b] = (shortAt[b] as number) + 1;
  }

  return {
    pool,
    start,
    length,
    dupStart,
    dupList,
    window,
    stride,
    multiplier,
    filterShift,
    filter,
    bucketShift,
    bucketStart,
    bucketList,
    shortStart,
    shortList,
    hasShort: short.length > 0,
    fewShort: short.length > 0 && short.length <= FEW_SHORT ? short : undefined,
  };
}
