import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  MIN_SECRET_LENGTH,
  childEnv
} from "./shared-J5QQXKHR.js";
import {
  O_NOFOLLOW,
  errorMessage
} from "./shared-73F27MEW.js";

// src/guard/scanner.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, createReadStream } from "node:fs";
import { join } from "node:path";
import { Readable as Readable2 } from "node:stream";

// src/guard/matcher-tables.ts
var BLOCK = 4;
var SHORT_BELOW = BLOCK + 1;
var GOOD_WINDOW = 8;
var FEW_SHORT = 4;
var MAX_STRIDE = 8;
var MULTIPLIERS = [
  2654435761,
  2246822507,
  3266489909,
  668265263,
  374761393,
  3605593783,
  2496678331,
  3210233709 | 1
];
var RUNS = [0, 255, 32, 10, 9, 48, 65, 45, 61, 46, 102];
function blockHash(a, b, c, e, multiplier, shift) {
  return Math.imul(a | b << 8 | c << 16 | e << 24, multiplier) >>> shift;
}
function windowHash(d, p, window, shift) {
  const e = p + window - 4;
  const x = d[p] | d[p + 1] << 8 | d[p + 2] << 16 | d[p + 3] << 24;
  const y = d[e] | d[e + 1] << 8 | d[e + 2] << 16 | d[e + 3] << 24;
  return Math.imul(x ^ Math.imul(y, 2246822507), 2654435761) >>> shift;
}
function log2ceil(n) {
  let k = 0;
  while (1 << k < n) k++;
  return k;
}
function compareBytes(a, b) {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (d !== 0) return d;
  }
  return 0;
}
function buildTables(patterns) {
  const order = [];
  for (let i = 0; i < patterns.length; i++) if (patterns[i].length > 0) order.push(i);
  order.sort((a, b) => compareBytes(patterns[a], patterns[b]) || a - b);
  const groups = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last && compareBytes(patterns[last[0]], patterns[i]) === 0) last.push(i);
    else groups.push([i]);
  }
  const u = groups.length;
  const start = new Int32Array(u);
  const length = new Int32Array(u);
  const dupStart = new Int32Array(u + 1);
  const dupList = new Int32Array(order.length);
  let poolSize = 0;
  for (const g of groups) poolSize += patterns[g[0]].length;
  const pool = new Uint8Array(poolSize);
  let at = 0;
  let d = 0;
  for (let k = 0; k < u; k++) {
    const g = groups[k];
    const p = patterns[g[0]];
    pool.set(p, at);
    start[k] = at;
    length[k] = p.length;
    at += p.length;
    dupStart[k] = d;
    for (const i of g) dupList[d++] = i;
  }
  dupStart[u] = d;
  let shortBelow = SHORT_BELOW;
  let under = 0;
  for (let k = 0; k < u; k++) if (length[k] < GOOD_WINDOW) under++;
  if (under <= FEW_SHORT) shortBelow = GOOD_WINDOW;
  const long = [];
  const short = [];
  for (let k = 0; k < u; k++) (length[k] >= shortBelow ? long : short).push(k);
  let window = 0;
  if (long.length > 0) {
    window = BLOCK + MAX_STRIDE - 1;
    for (const k of long) window = Math.min(window, length[k]);
  }
  const stride = window > 0 ? window - BLOCK + 1 : 1;
  const filterBits = long.length > 0 ? Math.min(18, Math.max(10, log2ceil(long.length * stride * 32))) : 1;
  const filterShift = 32 - filterBits;
  const filter = new Uint8Array(long.length > 0 ? 1 << filterBits : 1);
  let multiplier = MULTIPLIERS[0] | 0;
  const bucketBits = long.length > 0 ? Math.min(17, Math.max(8, log2ceil(long.length * 4))) : 1;
  const bucketShift = 32 - bucketBits;
  const bucketStart = new Int32Array((1 << bucketBits) + 1);
  const bucketList = new Int32Array(long.length);
  if (long.length > 0) {
    const realRuns = /* @__PURE__ */ new Set();
    for (const k of long) {
      const s = start[k];
      for (let j = 0; j + BLOCK <= window; j++) {
        const c = pool[s + j];
        if (pool[s + j + 1] === c && pool[s + j + 2] === c && pool[s + j + 3] === c) realRuns.add(c);
      }
    }
    for (const m of MULTIPLIERS) {
      const mul = m | 0;
      multiplier = mul;
      filter.fill(0);
      for (const k of long) {
        const s = start[k];
        for (let j = 0; j + BLOCK <= window; j++) {
          const h = blockHash(
            pool[s + j],
            pool[s + j + 1],
            pool[s + j + 2],
            pool[s + j + 3],
            mul,
            filterShift
          );
          filter[h] = filter[h] | 1 << j;
        }
      }
      if (RUNS.every((c) => realRuns.has(c) || filter[blockHash(c, c, c, c, mul, filterShift)] === 0)) break;
    }
    const hashes = new Int32Array(long.length);
    for (let n = 0; n < long.length; n++) {
      const w = windowHash(pool, start[long[n]], window, bucketShift);
      hashes[n] = w;
      bucketStart[w + 1] = bucketStart[w + 1] + 1;
    }
    for (let h = 0; h < 1 << bucketBits; h++)
      bucketStart[h + 1] = bucketStart[h + 1] + bucketStart[h];
    const fillAt = bucketStart.slice(0, 1 << bucketBits);
    for (let n = 0; n < long.length; n++) {
      const w = hashes[n];
      bucketList[fillAt[w]] = long[n];
      fillAt[w] = fillAt[w] + 1;
    }
  }
  const shortStart = new Int32Array(257);
  const shortList = new Int32Array(short.length);
  for (const k of short) {
    const b = pool[start[k]];
    shortStart[b + 1] = shortStart[b + 1] + 1;
  }
  for (let b = 0; b < 256; b++) shortStart[b + 1] = shortStart[b + 1] + shortStart[b];
  const shortAt = shortStart.slice(0, 256);
  for (const k of short) {
    const b = pool[start[k]];
    shortList[shortAt[b]] = k;
    shortAt[b] = shortAt[b] + 1;
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
    fewShort: short.length > 0 && short.length <= FEW_SHORT ? short : void 0
  };
}

// src/guard/matcher-scan.ts
function scanRange(t, d, from, to, limit, base, sink) {
  if (t.window > 0) scanLong(t, d, from, to, limit, base, sink);
  if (t.hasShort) scanShort(t, d, from, to, limit, base, sink);
}
var SEGMENT = 8192;
var HITS = new Int32Array(SEGMENT);
var depth = 0;
function scanLong(t, d, from, to, limit, base, sink) {
  const window = t.window;
  const stride = t.stride;
  const last = Math.min(to - 1, limit - window);
  if (last < from) return;
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const nested = depth > 0;
  const hits = nested ? new Int32Array(SEGMENT) : HITS;
  depth++;
  try {
    const qEnd = last + stride - 1;
    let q = from + stride - 1;
    while (q <= qEnd) {
      const segEnd = Math.min(qEnd, q + (SEGMENT - 1) * stride);
      const n = nested ? sampleInto(hits, t.filter, t.multiplier, t.filterShift, dv, q, segEnd, stride) : sample(t.filter, t.multiplier, t.filterShift, dv, q, segEnd, stride);
      if (n > 0) candidates(t, dv, d, hits, n, from, last, limit, base, sink);
      q = segEnd + stride;
    }
  } finally {
    depth--;
  }
}
function sample(filter, mul_, fs_, dv, q_, qEnd_, stride_) {
  const mul = mul_ | 0;
  const fs = fs_ | 0;
  const qEnd = qEnd_ | 0;
  const stride = stride_ | 0;
  let n = 0;
  for (let q = q_ | 0; q <= qEnd; q = q + stride | 0) {
    if (filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] !== 0) HITS[n++] = q;
  }
  return n;
}
function sampleInto(hits, filter, mul_, fs_, dv, q_, qEnd_, stride_) {
  const mul = mul_ | 0;
  const fs = fs_ | 0;
  const qEnd = qEnd_ | 0;
  const stride = stride_ | 0;
  let n = 0;
  for (let q = q_ | 0; q <= qEnd; q = q + stride | 0) {
    if (filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] !== 0) hits[n++] = q;
  }
  return n;
}
function candidates(t, dv, d, hits, n, from, last, limit, base, sink) {
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
    const q = hits[h];
    let v = filter[Math.imul(dv.getInt32(q, true), mul) >>> fs];
    while (v !== 0) {
      const j = 31 - Math.clz32(v & -v);
      v &= v - 1;
      const p = q - j;
      if (p < from || p > last) continue;
      const w = Math.imul(dv.getInt32(p, true) ^ Math.imul(dv.getInt32(p + window - 4, true), 2246822507), 2654435761) >>> bs;
      const be = bucketStart[w + 1];
      for (let b = bucketStart[w]; b < be; b++) {
        const k = bucketList[b];
        const len = length[k];
        if (p + len > limit) continue;
        const s = start[k];
        if (pool[s + len - 1] !== d[p + len - 1]) continue;
        let i = 0;
        while (i < len && pool[s + i] === d[p + i]) i++;
        if (i === len) report(t, k, base + p, sink);
      }
    }
  }
}
function scanShort(t, d, from, to, limit, base, sink) {
  const start = t.start;
  const length = t.length;
  const pool = t.pool;
  const few = t.fewShort;
  if (few !== void 0) {
    for (const k of few) {
      const len = length[k];
      const s = start[k];
      const end2 = Math.min(limit, to - 1 + len);
      if (end2 - from < len) continue;
      const hay = Buffer.from(d.buffer, d.byteOffset + from, end2 - from);
      const needle = pool.subarray(s, s + len);
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) report(t, k, base + from + i, sink);
    }
    return;
  }
  const shortStart = t.shortStart;
  const shortList = t.shortList;
  const end = Math.min(to, limit);
  for (let p = from; p < end; p++) {
    const c = d[p];
    const xe = shortStart[c + 1];
    for (let x = shortStart[c]; x < xe; x++) {
      const k = shortList[x];
      const len = length[k];
      if (p + len > limit) continue;
      const s = start[k];
      let i = 1;
      while (i < len && pool[s + i] === d[p + i]) i++;
      if (i === len) report(t, k, base + p, sink);
    }
  }
}
function report(t, k, offset, sink) {
  const end = t.dupStart[k + 1];
  for (let i = t.dupStart[k]; i < end; i++) sink(t.dupList[i], offset);
}

// src/guard/matcher.ts
var IN_PLACE = 1 << 16;
var Matcher = class {
  patternCount;
  maxLength;
  #tables;
  /** A carry buffer handed back by an ended stream, for the next one. */
  #spare;
  constructor(patterns) {
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
  stream(onMatch) {
    const spare = this.#spare;
    this.#spare = void 0;
    return new Stream(this.#tables, this.maxLength, onMatch, spare, (buf) => this.#spare = buf);
  }
  /** One whole buffer; offsets are from its start. Order of reports: not specified. */
  scan(data, onMatch) {
    if (this.maxLength === 0 || data.length === 0) return;
    scanRange(this.#tables, data, 0, data.length, data.length, 0, onMatch);
  }
};
var Stream = class {
  #t;
  #sink;
  #keep;
  #inPlace;
  #capacity;
  #release;
  #empty;
  #buf;
  /** Bytes held in #buf; they end where the stream so far ends. */
  #len = 0;
  /** #buf[#start] is the first start not yet decided. */
  #start = 0;
  #bytes = 0;
  #ended = false;
  constructor(t, maxLength, sink, spare, release) {
    this.#t = t;
    this.#sink = sink;
    this.#keep = Math.max(0, maxLength - 1);
    this.#inPlace = Math.max(IN_PLACE, maxLength);
    this.#capacity = this.#inPlace + maxLength;
    this.#release = release;
    this.#empty = maxLength === 0;
    this.#buf = spare?.length === this.#capacity ? spare : void 0;
  }
  get bytes() {
    return this.#bytes;
  }
  write(chunk) {
    if (this.#ended) throw new Error("write after end");
    const n = chunk.length;
    if (n === 0) return;
    this.#bytes += n;
    if (this.#empty) return;
    const keep = this.#keep;
    const buf = this.#buf ??= new Uint8Array(this.#capacity);
    if (n >= this.#inPlace) {
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
  end() {
    if (this.#ended) return;
    this.#ended = true;
    const buf = this.#buf;
    if (buf === void 0) return;
    if (this.#len > this.#start)
      scanRange(this.#t, buf, this.#start, this.#len, this.#len, this.#bytes - this.#len, this.#sink);
    this.#buf = void 0;
    this.#len = this.#start = 0;
    this.#release(buf);
  }
  /** Moves the undecided tail (at most keep bytes) to the front. */
  #compact(buf) {
    buf.copyWithin(0, this.#start, this.#len);
    this.#len -= this.#start;
    this.#start = 0;
  }
};

// src/guard/bytes.ts
async function drain(source) {
  const it = source[Symbol.asyncIterator]();
  while ((await it.next()).done !== true) {
  }
}
var Reader = class {
  #it;
  #pending = [];
  #done = false;
  constructor(source) {
    this.#it = source[Symbol.asyncIterator]();
  }
  /** The next chunk (possibly a put-back one), or undefined at the end. */
  async next() {
    const back = this.#pending.shift();
    if (back) return back;
    if (this.#done) return void 0;
    const r = await this.#it.next();
    if (r.done) {
      this.#done = true;
      return void 0;
    }
    return r.value;
  }
  unshift(chunk) {
    if (chunk.length > 0) this.#pending.unshift(chunk);
  }
  /** Up to `n` bytes from the front, put back so they are read again. */
  async peek(n) {
    const parts = [];
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
  async read(n) {
    const parts = [];
    let have = 0;
    while (have < n) {
      const c = await this.next();
      if (!c) break;
      const take = Math.min(c.length, n - have);
      parts.push(c.subarray(0, take));
      if (take < c.length) this.unshift(c.subarray(take));
      have += take;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
  /** The next `n` bytes as chunks, without joining them. */
  async *take(n) {
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
  async *rest() {
    for (let c = await this.next(); c; c = await this.next()) yield c;
  }
};
function sniff(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString("latin1") === "ustar") return "tar";
  return "plain";
}

// src/guard/tar.ts
async function readTar(reader, onMember, onBytes) {
  let offset = 0;
  let longName;
  const consume = (chunk) => {
    onBytes(chunk, offset);
    offset += chunk.length;
  };
  for (; ; ) {
    const header = await reader.read(512);
    if (header.length < 512) {
      consume(header);
      return;
    }
    consume(header);
    if (header.every((b) => b === 0)) {
      for await (const c of reader.rest()) consume(c);
      return;
    }
    const type = String.fromCharCode(header[156] ?? 48);
    const size = parseSize(header.subarray(124, 136));
    const padded = Math.ceil(size / 512) * 512;
    const dataOffset = offset;
    if (type === "L" || type === "x" || type === "g") {
      const meta = Buffer.from(await reader.read(padded));
      consume(meta);
      const text = meta.subarray(0, size).toString("utf8");
      if (type === "L") longName = text.replace(/\0.*$/s, "");
      if (type === "x") longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1] ?? longName;
      continue;
    }
    const name = longName ?? tarName(header);
    longName = void 0;
    const member = { name, size, regular: type === "0" || type === "\0" || type === "7", offset: dataOffset };
    const data = tap(reader.take(size), consume);
    if (member.regular) await onMember(member, data);
    await drain(data);
    for await (const c of reader.take(padded - size)) consume(c);
  }
}
async function* tap(source, consume) {
  for await (const c of source) {
    consume(c);
    yield c;
  }
}
function tarName(header) {
  const field = (from, to) => Buffer.from(header.subarray(from, to)).toString("utf8").replace(/\0.*$/s, "");
  const name = field(0, 100);
  const prefix = field(345, 500);
  return prefix ? `${prefix}/${name}` : name;
}
function parseSize(field) {
  if ((field[0] ?? 0) & 128) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return n;
  }
  const text = Buffer.from(field).toString("latin1").replace(/\0.*$/s, "").trim();
  return text === "" ? 0 : parseInt(text, 8);
}

// src/guard/decompress.ts
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";
var createZstdDecompress2 = zlib.createZstdDecompress;
var zstdDecoder = createZstdDecompress2 ? "node:zlib" : "zstd CLI";
function gunzip(source) {
  return through(source, zlib.createGunzip());
}
function unzstd(source) {
  return createZstdDecompress2 ? through(source, createZstdDecompress2()) : unzstdCli(source);
}
async function* through(source, transform) {
  const input = Readable.from(source);
  input.once("error", (err) => transform.destroy(err));
  input.pipe(transform);
  try {
    for await (const chunk of transform) yield chunk;
  } finally {
    input.destroy();
  }
}
async function* unzstdCli(source) {
  const child = spawn("zstd", ["-dcq"], { stdio: ["pipe", "pipe", "ignore"], env: childEnv() });
  const spawned = new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once(
      "error",
      (err) => reject(err.code === "ENOENT" ? new Error("zstd is not installed") : err)
    );
  });
  await spawned;
  const input = Readable.from(source);
  const feeding = pipeline(input, child.stdin).catch(() => void 0);
  try {
    for await (const chunk of child.stdout) yield chunk;
  } finally {
    input.destroy();
  }
  await feeding;
  const code = await new Promise(
    (resolve) => child.exitCode !== null ? resolve(child.exitCode) : child.once("close", resolve)
  );
  if (code !== 0) throw new Error(`zstd could not decompress it (exit ${code})`);
}

// src/guard/scanner.ts
var MAX_DEPTH = 4;
var MAX_HITS = 1e4;
var SMALL = 1 << 20;
var Scanner = class {
  hits = [];
  stats = { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
  #matcher;
  #forms;
  #buffer = Buffer.allocUnsafe(SMALL);
  constructor(forms) {
    this.#forms = scannable(forms);
    this.#matcher = new Matcher(this.#forms.map((f) => Buffer.from(f.text, "utf8")));
  }
  /** The longest form in bytes: ranges of one file overlap by this less one. */
  get maxLength() {
    return this.#matcher.maxLength;
  }
  get empty() {
    return this.#forms.length === 0;
  }
  /** A file or a folder (recursively; links not followed, special files skipped). */
  async scanPath(path) {
    let st;
    try {
      st = lstatSync(path);
    } catch (err) {
      this.#unreadable(path, err);
      return;
    }
    if (st.isDirectory()) {
      let entries;
      try {
        entries = readdirSync(path);
      } catch (err) {
        this.#unreadable(path, err);
        return;
      }
      for (const entry of entries) await this.scanPath(join(path, entry));
    } else if (st.isFile()) {
      await this.scanWalkedFile(path, Number.POSITIVE_INFINITY);
    } else {
      this.stats.skipped++;
    }
  }
  /** Any byte stream: a `docker save`, a download. */
  async scanStream(label, source) {
    this.stats.files++;
    await this.#scanSource(new Reader(source), label, [], 0);
  }
  /**
   * A file the walk found (a worker's task): opened once, never through a link that
   * replaced it since. A plain file over `splitAbove` bytes is not read: its size is
   * returned for the pool to split into ranges for every worker.
   */
  async scanWalkedFile(path, splitAbove) {
    let fd;
    try {
      fd = openSync(path, constants.O_RDONLY | O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      if (err.code === "ELOOP") this.stats.skipped++;
      else this.#unreadable(path, err);
      return void 0;
    }
    let open = true;
    try {
      let n = 0;
      try {
        while (n < SMALL) {
          const r = readSync(fd, this.#buffer, n, SMALL - n, null);
          if (r === 0) break;
          n += r;
        }
      } catch (err) {
        this.#unreadable(path, err);
        return void 0;
      }
      const st = n < SMALL ? void 0 : fstatSync(fd);
      if (st !== void 0 && !st.isFile()) {
        this.stats.skipped++;
        return void 0;
      }
      if (st === void 0 || st.size <= SMALL) {
        closeSync(fd);
        open = false;
        this.stats.files++;
        const data = this.#buffer.subarray(0, n);
        if (sniff(data) === "plain") {
          this.stats.bytes += n;
          this.#matcher.scan(data, (i, offset) => this.#hit(path, [], i, offset));
          return void 0;
        }
        await this.#scanSource(new Reader(once(Buffer.from(data))), path, [], 0);
        return void 0;
      }
      if (sniff(this.#buffer.subarray(0, 512)) === "plain") {
        if (st.size > splitAbove) return st.size;
        this.stats.files++;
        this.stats.bytes += this.#scanFd(
          fd,
          0,
          Number.POSITIVE_INFINITY,
          (i, offset) => this.#hit(path, [], i, offset)
        );
        return void 0;
      }
    } finally {
      if (open) closeSync(fd);
    }
    this.stats.files++;
    await this.#scanSource(new Reader(createReadStream(path, { highWaterMark: SMALL })), path, [], 0);
    return void 0;
  }
  /**
   * Bytes [start, end) of a plain file, read on to `end + maxLength - 1` so that a form
   * starting before `end` is seen whole; only hits starting in the range are kept, so
   * ranges that tile a file find exactly what one pass over it finds.
   */
  scanRange(path, start, end) {
    if (start === 0) this.stats.files++;
    let fd;
    try {
      fd = openSync(path, "r");
    } catch (err) {
      this.#unreadable(path, err);
      return;
    }
    try {
      this.#scanFd(fd, start, end + this.maxLength - 1, (i, offset) => {
        if (start + offset < end) this.#hit(path, [], i, start + offset);
      });
    } finally {
      closeSync(fd);
    }
    this.stats.bytes += end - start;
  }
  /** Bytes [from, to) of an open file through the matcher, in the one reused buffer; returns how many were read. */
  #scanFd(fd, from, to, onMatch) {
    const stream = this.#matcher.stream(onMatch);
    let pos = from;
    while (pos < to) {
      const n = readSync(fd, this.#buffer, 0, Math.min(this.#buffer.length, to - pos), pos);
      if (n === 0) break;
      stream.write(this.#buffer.subarray(0, n));
      pos += n;
    }
    stream.end();
    return pos - from;
  }
  async #scanSource(reader, path, inner, depth2) {
    const format = depth2 < MAX_DEPTH ? sniff(await reader.peek(512)) : "plain";
    try {
      if (format === "gzip" || format === "zstd") {
        await this.#scanCompressed(reader, format, path, inner, depth2);
      } else if (format === "tar") {
        this.stats.archives++;
        await this.#scanTar(reader, path, inner, depth2);
      } else {
        await this.#scanRaw(reader.rest(), path, inner);
      }
    } catch (err) {
      this.stats.notes.push(`${[path, ...inner].join("!")}: ${errorMessage(err, "unreadable")}`);
      await drain(reader.rest());
    }
  }
  /**
   * Decompresses and scans; the compressed bytes go through the matcher on the way too.
   * Their hits count only when decoding fails: a file that merely starts with the magic
   * bytes is then scanned as what it is, plain bytes (fail closed, as ripgrep would).
   */
  async #scanCompressed(reader, format, path, inner, depth2) {
    const raw = [];
    const rawStream = this.#matcher.stream((i, offset) => raw.push([i, offset]));
    async function* tapped() {
      for await (const chunk of reader.rest()) {
        rawStream.write(chunk);
        yield chunk;
      }
    }
    let failure;
    async function* decoded() {
      try {
        yield* format === "gzip" ? gunzip(tapped()) : unzstd(tapped());
      } catch (err) {
        failure = err;
      }
    }
    await this.#scanSource(new Reader(decoded()), path, [...inner, `(${format})`], depth2 + 1);
    if (failure === void 0) {
      this.stats.archives++;
      return;
    }
    for await (const chunk of reader.rest()) rawStream.write(chunk);
    rawStream.end();
    this.stats.bytes += rawStream.bytes;
    for (const [i, offset] of raw) this.#hit(path, inner, i, offset);
    const why = errorMessage(failure, "unreadable");
    this.stats.notes.push(`${[path, ...inner].join("!")}: not a valid ${format} stream (${why}): scanned as raw bytes`);
  }
  async #scanRaw(source, path, inner) {
    const stream = this.#matcher.stream((i, offset) => this.#hit(path, inner, i, offset));
    for await (const chunk of source) stream.write(chunk);
    stream.end();
    this.stats.bytes += stream.bytes;
  }
  /**
   * Every byte of the archive is matched (names in headers too). Members that are
   * archives themselves (a docker save's layer.tar, a .tar.gz) are opened and scanned
   * on their own, so a hit names the file inside them; their bytes are then not
   * reported again at the outer level.
   */
  async #scanTar(reader, path, inner, depth2) {
    const members = [];
    const memberAt = (offset) => {
      for (let i = members.length - 1; i >= 0; i--) {
        const m = members[i];
        if (m && offset >= m.start && offset < m.end) return m;
      }
      return void 0;
    };
    const outer = [];
    const stream = this.#matcher.stream((i, offset) => outer.push([i, offset]));
    await readTar(
      reader,
      async (member, data) => {
        const entry = { start: member.offset, end: member.offset + member.size, name: member.name, opened: false };
        members.push(entry);
        const nested = new Reader(data);
        entry.opened = depth2 + 1 < MAX_DEPTH && sniff(await nested.peek(512)) !== "plain";
        if (entry.opened) await this.#scanSource(nested, path, [...inner, member.name], depth2 + 1);
        else await drain(nested.rest());
      },
      (chunk) => stream.write(chunk)
    );
    stream.end();
    this.stats.bytes += stream.bytes;
    for (const [i, offset] of outer) {
      const member = memberAt(offset);
      if (!member?.opened) this.#hit(path, [...inner, member?.name ?? "(tar header)"], i, offset);
    }
  }
  #unreadable(path, err) {
    this.stats.notes.push(`${path}: ${err.code ?? "unreadable"}`);
  }
  #hit(path, inner, index, offset) {
    const form = this.#forms[index];
    if (!form) return;
    if (this.hits.length >= MAX_HITS) {
      this.stats.dropped++;
      return;
    }
    this.hits.push({ path, inner: inner.join("!"), offset, name: form.name, form: form.kind });
  }
};
function scannable(forms) {
  return forms.filter((f) => f.text.length >= MIN_SECRET_LENGTH);
}
function tooShortToScan(forms) {
  return forms.filter((f) => f.kind === "value" && f.text.length < MIN_SECRET_LENGTH).length;
}
function once(data) {
  return Readable2.from([data], { objectMode: false });
}

export {
  Matcher,
  zstdDecoder,
  MAX_HITS,
  Scanner,
  scannable,
  tooShortToScan
};
//# sourceMappingURL=shared-C7MYC6N4.js.map
