// The matcher's hot loops (see matcher.ts for the algorithm): typed-array tables in
// locals, no call per sample, int32 arithmetic only.
import type { Tables } from './matcher-tables.js';

/** Called once per occurrence: the caller's pattern index and the absolute start offset. */
export type MatchSink = (patternIndex: number, offset: number) => void;

/**
 * Reports every occurrence that starts at p in [from, to) and ends by `limit`
 * (p + length <= limit <= d.length), at offset base + p.
 */
export function scanRange(
  t: Tables,
  d: Uint8Array,
  from: number,
  to: number,
  limit: number,
  base: number,
  sink: MatchSink,
): void {
  if (t.window > 0) scanLong(t, d, from, to, limit, base, sink);
  if (t.hasShort) scanShort(t, d, from, to, limit, base, sink);
}

/** Samples per segment: the sampling loop records its hits, then they are checked. */
const SEGMENT = 8192;
/** The hit list, shared by all matchers (a module constant: V8 folds its address in). */
const HITS = new Int32Array(SEGMENT);
/** Scans running: a sink that scans again must not clobber HITS. */
let depth = 0;

function scanLong(
  t: Tables,
  d: Uint8Array,
  from: number,
  to: number,
  limit: number,
  base: number,
  sink: MatchSink,
): void {
  const window = t.window;
  const stride = t.stride;
  const last = Math.min(to - 1, limit - window); // the last start whose window is all here
  if (last < from) return;
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const nested = depth > 0;
  const hits = nested ? new Int32Array(SEGMENT) : HITS;
  depth++;
  try {
    // Every window [p, p + window) holds exactly one sampled block [q, q + BLOCK), at
    // offset j = q - p in 0 .. stride-1. The filter says which offsets some pattern has
    // that block at, so a zero byte (the common case) rules out `stride` starts at once.
    const qEnd = last + stride - 1; // = last + window - BLOCK <= limit - BLOCK: every sampled block is all here
    let q = from + stride - 1;
    while (q <= qEnd) {
      const segEnd = Math.min(qEnd, q + (SEGMENT - 1) * stride);
      const n = nested
        ? sampleInto(hits, t.filter, t.multiplier, t.filterShift, dv, q, segEnd, stride)
        : sample(t.filter, t.multiplier, t.filterShift, dv, q, segEnd, stride);
      if (n > 0) candidates(t, dv, d, hits, n, from, last, limit, base, sink);
      q = segEnd + stride;
    }
  } finally {
    depth--;
  }
}

// In the loops below, `| 0` tells V8 these are int32 (no checks or conversions in the
// loop), and one DataView.getInt32 (one bounds check) reads a whole block, little-endian
// whatever the platform.

/**
 * The hot loop: one block hash and one filter load per `stride` bytes, no calls. The
 * loads of successive samples do not depend on each other (unlike Wu-Manber's shifts),
 * so the CPU overlaps them. Records the samples whose filter byte is set.
 */
function sample(
  filter: Uint8Array,
  mul_: number,
  fs_: number,
  dv: DataView,
  q_: number,
  qEnd_: number,
  stride_: number,
): number {
  const mul = mul_ | 0;
  const fs = fs_ | 0;
  const qEnd = qEnd_ | 0;
  const stride = stride_ | 0;
  let n = 0;
  for (let q = q_ | 0; q <= qEnd; q = (q + stride) | 0) {
    if (filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] !== 0) HITS[n++] = q;
  }
  return n;
}

/** sample() into another list, for a scan started from inside a sink. */
function sampleInto(
  hits: Int32Array,
  filter: Uint8Array,
  mul_: number,
  fs_: number,
  dv: DataView,
  q_: number,
  qEnd_: number,
  stride_: number,
): number {
  const mul = mul_ | 0;
  const fs = fs_ | 0;
  const qEnd = qEnd_ | 0;
  const stride = stride_ | 0;
  let n = 0;
  for (let q = q_ | 0; q <= qEnd; q = (q + stride) | 0) {
    if (filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] !== 0) hits[n++] = q;
  }
  return n;
}

/** Each recorded sample: the starts its filter bits point to, by window hash, then byte by byte. */
function candidates(
  t: Tables,
  dv: DataView,
  d: Uint8Array,
  hits: Int32Array,
  n: number,
  from: number,
  last: number,
  limit: number,
  base: number,
  sink: MatchSink,
): void {
  const window = t.window | 0;
  const filter = t.filter;
  const mul = t.multiplier | 0;
  const fs = t.filterShift | 0;
  const bs = t.bucketShift | 0;
  const bucketStart = t.bucketStart;
  const bucketList = t.bucketList;
  const start = t.start;
  const length = t.length;
  const pool = t.pool;
  for (let h = 0; h < n; h++) {
    const q = hits[h] as number;
    let v = filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] as number;
    while (v !== 0) {
      const j = 31 - Math.clz32(v & -v);
      v &= v - 1;
      const p = q - j;
      if (p < from || p > last) continue;
      // the window's first and last 4 bytes (p + window <= limit: both are here)
      const w =
        Math.imul(dv.getInt32(p, true) ^ Math.imul(dv.getInt32(p + window - 4, true), 0x85ebca6b), 0x9e3779b1) >>> bs;
      const be = bucketStart[w + 1] as number;
      for (let b = bucketStart[w] as number; b < be; b++) {
        const k = bucketList[b] as number;
        const len = length[k] as number;
        if (p + len > limit) continue;
        const s = start[k] as number;
        // last byte first: a near miss at the end fails at once
        if (pool[s + len - 1] !== d[p + len - 1]) continue;
        let i = 0;
        while (i < len && pool[s + i] === d[p + i]) i++;
        if (i === len) report(t, k, base + p, sink);
      }
    }
  }
}

/**
 * Short patterns (not expected: forms are at least 8 long). A few are each found with
 * Buffer#indexOf (native); more (all under 4 bytes) by their first byte at every byte.
 */
function scanShort(
  t: Tables,
  d: Uint8Array,
  from: number,
  to: number,
  limit: number,
  base: number,
  sink: MatchSink,
): void {
  const start = t.start;
  const length = t.length;
  const pool = t.pool;
  const few = t.fewShort;
  if (few !== undefined) {
    for (const k of few) {
      const len = length[k] as number;
      const s = start[k] as number;
      const end = Math.min(limit, to - 1 + len); // starts before `to`, ends by `limit`
      if (end - from < len) continue;
      const hay = Buffer.from(d.buffer, d.byteOffset + from, end - from);
      const needle = pool.subarray(s, s + len);
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) report(t, k, base + from + i, sink);
    }
    return;
  }
  const shortStart = t.shortStart;
  const shortList = t.shortList;
  const end = Math.min(to, limit);
  for (let p = from; p < end; p++) {
    const c = d[p] as number;
    const xe = shortStart[c + 1] as number;
    for (let x = shortStart[c] as number; x < xe; x++) {
      const k = shortList[x] as number;
      const len = length[k] as number;
      if (p + len > limit) continue;
      const s = start[k] as number;
      let i = 1;
      while (i < len && pool[s + i] === d[p + i]) i++;
      if (i === len) report(t, k, base + p, sink);
    }
  }
}

function report(t: Tables, k: number, offset: number, sink: MatchSink): void {
  const end = t.dupStart[k + 1] as number;
  for (let i = t.dupStart[k] as number; i < end; i++) sink(t.dupList[i] as number, offset);
}
