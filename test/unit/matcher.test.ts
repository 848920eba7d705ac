import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { Matcher } from '../../src/guard/matcher.js';
import { blockHash, buildTables, RUNS } from '../../src/guard/matcher-tables.js';
import { basicAuthForms, formsOf } from '../../src/mask/forms.js';

type Hit = readonly [pattern: number, offset: number];

/** The reference: every pattern at every offset. */
function bruteForce(patterns: readonly Uint8Array[], data: Uint8Array): Hit[] {
  const out: Hit[] = [];
  patterns.forEach((p, i) => {
    if (p.length === 0) return;
    for (let o = 0; o + p.length <= data.length; o++) {
      let k = 0;
      while (k < p.length && p[k] === data[o + k]) k++;
      if (k === p.length) out.push([i, o]);
    }
  });
  return sorted(out);
}

/** The same, faster, for big data: Buffer.indexOf from every found offset + 1. */
function indexOfReference(patterns: readonly Uint8Array[], data: Buffer): Hit[] {
  const out: Hit[] = [];
  patterns.forEach((p, i) => {
    if (p.length === 0) return;
    for (let o = data.indexOf(p); o >= 0; o = data.indexOf(p, o + 1)) out.push([i, o]);
  });
  return sorted(out);
}

function sorted(hits: Hit[]): Hit[] {
  return [...hits].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

function scanAll(m: Matcher, data: Uint8Array): Hit[] {
  const out: Hit[] = [];
  m.scan(data, (i, o) => out.push([i, o]));
  return sorted(out);
}

/** Streams `data` cut at `cuts` (positions, any order, repeats allowed: empty chunks). */
function streamAll(m: Matcher, data: Uint8Array, cuts: readonly number[]): Hit[] {
  const out: Hit[] = [];
  const s = m.stream((i, o) => out.push([i, o]));
  const points = [...cuts.map((c) => Math.min(c, data.length)), data.length].sort((a, b) => a - b);
  let at = 0;
  for (const p of points) {
    // a chunk the caller reuses right after write(): the matcher must not keep it
    const chunk = Buffer.from(data.subarray(at, p));
    s.write(chunk);
    chunk.fill(0xa5);
    at = p;
  }
  s.end();
  expect(s.bytes).toBe(data.length);
  return sorted(out);
}

function chunked(m: Matcher, data: Uint8Array, size: number): Hit[] {
  const cuts: number[] = [];
  for (let c = size; c < data.length; c += size) cuts.push(c);
  return streamAll(m, data, cuts);
}

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

// Small alphabets make overlaps, repeats and shared prefixes likely.
const alphabet = fc.constantFrom(
  [0x61, 0x62],
  [0x61, 0x62, 0x63],
  [0x00, 0xff, 0x0a],
  [0x41, 0x61, 0x30, 0x2b, 0x2f, 0x3d],
);

const world = alphabet.chain((abc) => {
  const byte = fc.constantFrom<number>(...abc);
  const pattern = fc.oneof(
    { weight: 6, arbitrary: fc.array(byte, { minLength: 8, maxLength: 24 }) },
    { weight: 2, arbitrary: fc.array(byte, { minLength: 1, maxLength: 7 }) },
    { weight: 1, arbitrary: fc.array(byte, { minLength: 25, maxLength: 90 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(byte, fc.integer({ min: 1, max: 30 })).map(([b, n]) => new Array<number>(n).fill(b)),
    },
    { weight: 1, arbitrary: fc.constant([] as number[]) },
  );
  return fc
    .record({
      patterns: fc.array(
        pattern.map((p) => Uint8Array.from(p)),
        { minLength: 1, maxLength: 10 },
      ),
      filler: fc.array(byte, { maxLength: 400 }),
      plants: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 })), { maxLength: 8 }),
      cuts: fc.array(fc.nat({ max: 700 }), { maxLength: 12 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 3 }),
    })
    .map(({ patterns, filler, plants, cuts, extra }) => {
      // patterns built from others: prefixes, suffixes, duplicates
      const all = [...patterns];
      for (const [a, cut, prefix] of extra) {
        const src = all[a % all.length] as Uint8Array;
        if (src.length === 0) continue;
        const n = 1 + (cut % src.length);
        all.push(prefix ? src.slice(0, n) : src.slice(src.length - n));
      }
      // plant patterns into the filler, sometimes with the last byte changed (near misses)
      const data = [...filler];
      for (const [which, where, mode] of plants) {
        const p = [...(all[which % all.length] as Uint8Array)];
        if (mode === 3 && p.length > 0) p[p.length - 1] = ((p[p.length - 1] as number) + 1) & 0xff;
        const at = data.length === 0 ? 0 : where % (data.length + 1);
        data.splice(at, 0, ...p);
      }
      return { patterns: all, data: Uint8Array.from(data), cuts };
    });
});

describe('Matcher against a brute-force reference', () => {
  it('scan and stream (any chunk split) report exactly the reference set', () => {
    fc.assert(
      fc.property(world, ({ patterns, data, cuts }) => {
        const m = new Matcher(patterns);
        const want = bruteForce(patterns, data);
        expect(scanAll(m, data)).toEqual(want);
        expect(streamAll(m, data, cuts)).toEqual(want);
      }),
      { numRuns: 1500 },
    );
  });

  it('many short patterns (a short window, the per-byte path) and a few (found one by one)', () => {
    const shortWorld = fc.record({
      patterns: fc.array(fc.uint8Array({ minLength: 1, maxLength: 7, max: 3 }), { minLength: 1, maxLength: 14 }),
      long: fc.array(fc.uint8Array({ minLength: 8, maxLength: 20, max: 3 }), { maxLength: 4 }),
      data: fc.uint8Array({ maxLength: 500, max: 3 }),
      cuts: fc.array(fc.nat({ max: 500 }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(shortWorld, ({ patterns, long, data, cuts }) => {
        const all = [...long, ...patterns];
        const m = new Matcher(all);
        const want = bruteForce(all, data);
        expect(scanAll(m, data)).toEqual(want);
        expect(streamAll(m, data, cuts)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('1-byte chunks', () => {
    fc.assert(
      fc.property(world, ({ patterns, data }) => {
        const m = new Matcher(patterns);
        expect(chunked(m, data, 1)).toEqual(bruteForce(patterns, data));
      }),
      { numRuns: 300 },
    );
  });

  it('big random data with planted patterns, chunks around the in-place size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 8, maxLength: 300 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        (patterns, plants, sizes, biasKind) => {
          // random bytes, base64 text or a run of one byte: the filter sees very different loads
          const n = 300_000;
          const data =
            biasKind === 0
              ? randomBytes(n)
              : biasKind === 1
                ? Buffer.from(randomBytes(n).toString('base64').slice(0, n), 'latin1')
                : Buffer.alloc(n, 0x41);
          for (const [which, where] of plants) {
            const p = patterns[which % patterns.length] as Uint8Array;
            data.set(p, where % (n - p.length));
          }
          const m = new Matcher(patterns);
          const want = indexOfReference(patterns, data);
          expect(scanAll(m, data)).toEqual(want);
          const cuts: number[] = [];
          let at = 0;
          for (let i = 0; at < n; i++) cuts.push((at += sizes[i % sizes.length] as number));
          expect(streamAll(m, data, cuts)).toEqual(want);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('Matcher cases', () => {
  const secret = bytes('s3cr3t-Value-0123456789');

  it('finds a match across chunk boundaries once, at its absolute offset', () => {
    const m = new Matcher([secret]);
    const data = Buffer.concat([bytes('x'.repeat(100)), secret, bytes('y'.repeat(100))]);
    for (let cut = 95; cut <= 130; cut++) {
      expect(streamAll(m, data, [cut])).toEqual([[0, 100]]);
      expect(streamAll(m, data, [cut - 10, cut, cut + 3])).toEqual([[0, 100]]);
    }
    expect(chunked(m, data, 1)).toEqual([[0, 100]]);
    expect(chunked(m, data, 7)).toEqual([[0, 100]]);
  });

  it('finds matches at offset 0 and at the very end', () => {
    const m = new Matcher([secret]);
    const data = Buffer.concat([secret, bytes('-middle-'), secret]);
    const want: Hit[] = [
      [0, 0],
      [0, data.length - secret.length],
    ];
    expect(scanAll(m, data)).toEqual(want);
    expect(chunked(m, data, 5)).toEqual(want);
    expect(scanAll(m, secret)).toEqual([[0, 0]]);
    expect(chunked(m, secret, 1)).toEqual([[0, 0]]);
  });

  it('reports every index of a duplicated pattern, and ignores empty ones', () => {
    const other = bytes('another-secret-value');
    const m = new Matcher([secret, new Uint8Array(0), other, secret]);
    expect(m.patternCount).toBe(4);
    expect(m.maxLength).toBe(secret.length);
    const data = Buffer.concat([bytes('..'), secret, bytes('..'), other]);
    expect(scanAll(m, data)).toEqual([
      [0, 2],
      [3, 2],
      [2, 4 + secret.length],
    ]);
  });

  it('reports overlapping occurrences and patterns inside patterns', () => {
    const pats = [bytes('abababab'), bytes('babababa'), bytes('abababababab')];
    const m = new Matcher(pats);
    const data = bytes('ababababababab');
    expect(scanAll(m, data)).toEqual(bruteForce(pats, data));
    expect(scanAll(m, data).length).toBe(4 + 3 + 2);
  });

  it('has no near misses: the last or first byte changed, or one byte short at the end', () => {
    const m = new Matcher([secret]);
    const last = Buffer.from(secret);
    last[last.length - 1] = (last[last.length - 1] as number) ^ 1;
    const first = Buffer.from(secret);
    first[0] = (first[0] as number) ^ 1;
    expect(scanAll(m, Buffer.concat([last, bytes(' '), first]))).toEqual([]);
    expect(scanAll(m, secret.subarray(0, secret.length - 1))).toEqual([]);
    expect(chunked(m, secret.subarray(0, secret.length - 1), 3)).toEqual([]);
    expect(scanAll(m, bytes(secret.toString('latin1').toUpperCase()))).toEqual([]); // case-sensitive
  });

  it('finds short patterns too (under 8 bytes, down to 1)', () => {
    const pats = [bytes('a'), bytes('xy'), bytes('key'), bytes('tok3n'), secret];
    const m = new Matcher(pats);
    const data = bytes(`aa xy key tok3n ${secret.toString('latin1')} xyx`);
    expect(scanAll(m, data)).toEqual(bruteForce(pats, data));
    expect(chunked(m, data, 2)).toEqual(bruteForce(pats, data));
  });

  it('big chunks (scanned in place): a pattern at every offset around each boundary', () => {
    const pats = [randomBytes(9), randomBytes(40), bytes('x'.repeat(12)), randomBytes(3)];
    const m = new Matcher(pats);
    const base = Buffer.alloc(300_000, 0x2e);
    for (const p of pats) {
      for (let k = -p.length - 2; k <= p.length + 2; k++) {
        const data = Buffer.from(base);
        const plantedAt = [70_000 + k, 140_001 + k, 140_031 + k];
        for (const at of plantedAt) data.set(p, at);
        const want = indexOfReference(pats, data);
        // in place after in place, small after in place, in place after small, small ones
        // only (the carry buffer fills up and is compacted)
        const small = Array.from({ length: 73 }, (_, i) => (i + 1) * 4099 + (k & 7));
        for (const cuts of [
          [70_000, 140_001],
          [70_000, 70_003, 140_001, 140_031, 240_000],
          [69_990, 140_001, 140_020, 140_031],
          small,
        ]) {
          expect(streamAll(m, data, cuts)).toEqual(want);
        }
      }
    }
  });

  it('a long stream of small chunks (the carry buffer fills up and is compacted), dense plants', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 90, max: 400 }),
        (sizes, gap) => {
          const pats = [bytes('planted-secret-one'), bytes('second!'), randomBytes(33)];
          const data = Buffer.alloc(400_000, 0x2e);
          for (let at = 0, i = 0; at + 40 < data.length; at += gap + (i % 7), i++)
            data.set(pats[i % 3] as Uint8Array, at);
          const want = indexOfReference(pats, data);
          const cuts: number[] = [];
          for (let at = 0, i = 0; at < data.length; i++) cuts.push((at += sizes[i % sizes.length] as number));
          expect(streamAll(new Matcher(pats), data, cuts)).toEqual(want);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a pattern longer than the in-place chunk size', () => {
    const long = randomBytes(70_000);
    const m = new Matcher([long, secret]);
    const data = Buffer.concat([randomBytes(1000), long, secret, randomBytes(100_000), long]);
    const want = indexOfReference([long, secret], data);
    expect(want.length).toBe(3);
    expect(scanAll(m, data)).toEqual(want);
    expect(chunked(m, data, 65_536)).toEqual(want);
    expect(chunked(m, data, 4096)).toEqual(want);
    expect(chunked(m, data, 200_000)).toEqual(want);
  });

  it('offsets past 4 GiB stay exact (a docker save can be that big)', () => {
    const m = new Matcher([secret]);
    const zeros = Buffer.alloc(64 << 20);
    const found: number[] = [];
    const s = m.stream((_, o) => found.push(o));
    for (let i = 0; i < 65; i++) s.write(zeros); // 4160 MiB
    const tail = Buffer.concat([bytes('...'), secret, bytes('..')]);
    s.write(tail.subarray(0, 10));
    s.write(tail.subarray(10));
    s.end();
    expect(found).toEqual([65 * (64 << 20) + 3]);
    expect(s.bytes).toBe(65 * (64 << 20) + tail.length);
  });

  it('no patterns, or only empty ones: nothing found, bytes counted', () => {
    for (const m of [new Matcher([]), new Matcher([new Uint8Array(0)])]) {
      expect(m.maxLength).toBe(0);
      expect(scanAll(m, randomBytes(1000))).toEqual([]);
      expect(chunked(m, randomBytes(1000), 100)).toEqual([]);
    }
  });

  it('a sink that scans again (another matcher) does not disturb the outer scan', () => {
    const inner = new Matcher([bytes('inner-needle')]);
    const outer = new Matcher([secret]);
    const data = Buffer.alloc(200_000, 0x2e);
    for (let o = 0; o < 190_000; o += 10_000) data.set(secret, o);
    data.set(bytes('inner-needle'), 5000);
    let innerHits = 0;
    const outerHits: number[] = [];
    outer.scan(data, (_, o) => {
      outerHits.push(o);
      inner.scan(data, () => innerHits++);
    });
    expect(outerHits.sort((a, b) => a - b)).toEqual(Array.from({ length: 19 }, (_, i) => i * 10_000));
    expect(innerHits).toBe(19);
  });

  it('two streams at once (a tar and a member inside it) keep their own state', () => {
    const m = new Matcher([secret]);
    const a: number[] = [];
    const b: number[] = [];
    const sa = m.stream((_, o) => a.push(o));
    const sb = m.stream((_, o) => b.push(o));
    const data = Buffer.concat([bytes('....'), secret, bytes('....')]);
    for (let i = 0; i < data.length; i += 3) {
      sa.write(data.subarray(i, i + 3));
      sb.write(data.subarray(i, i + 3));
      sb.write(bytes('!'));
    }
    sa.end();
    sb.end();
    expect(a).toEqual([4]);
    expect(b).toEqual([]);
    const sc = m.stream((_, o) => a.push(o)); // reuses an ended stream's buffer
    sc.write(data);
    sc.end();
    expect(a).toEqual([4, 4]);
    expect(() => sc.write(data)).toThrow();
  });

  it('runs of common bytes (NUL, spaces, base64 of zeros) never hit the filter by a hash collision', () => {
    // deterministic base64-like patterns without the run bytes ('A', '0', 'f'), so that
    // no run is really in a pattern
    let retried = 0;
    for (let n = 0; n < 40; n++) {
      const patterns = Array.from({ length: 800 }, (_, i) =>
        Buffer.from(createHash('sha256').update(`${n}:${i}`).digest('base64').slice(0, 12).replace(/[A0f]/g, 'x')),
      );
      const t = buildTables(patterns);
      if (t.multiplier !== (0x9e3779b1 | 0)) retried++;
      for (const c of RUNS) expect(t.filter[blockHash(c, c, c, c, t.multiplier, t.filterShift)]).toBe(0);
    }
    expect(retried).toBeGreaterThan(0); // the first multiplier did collide for some sets
  });

  it('1 MiB of random bytes holds no form of 50 random secrets', () => {
    const patterns: Buffer[] = [];
    for (let i = 0; i < 50; i++) {
      for (const f of formsOf(randomBytes(12 + (i % 30)).toString('base64'))) patterns.push(Buffer.from(f.text));
    }
    const m = new Matcher(patterns);
    const data = randomBytes(1 << 20);
    expect(scanAll(m, data)).toEqual(indexOfReference(patterns, data));
    expect(scanAll(m, data)).toEqual([]);
  });

  it('finds every planted form of realistic secrets (PEM, JSON, passwords, basic auth)', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${randomBytes(300).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`;
    const values = [
      pem,
      JSON.stringify({ user: 'svc', password: 'p@ss "w0rd" ü', key: pem }),
      `pa'ss w0rd!${randomBytes(4).toString('hex')}`,
      'ghp_' + randomBytes(20).toString('hex'),
    ];
    const patterns = [...values.flatMap((v) => formsOf(v)), ...basicAuthForms('robot$ci', 'hunter2hunter2')].map((f) =>
      Buffer.from(f.text),
    );
    const m = new Matcher(patterns);
    const parts: Buffer[] = [];
    const planted: Hit[] = [];
    let at = 0;
    patterns.forEach((p, i) => {
      const filler = Buffer.from(randomBytes(50 + (i % 200)).toString('base64'));
      parts.push(filler, p);
      at += filler.length;
      planted.push([i, at]);
      at += p.length;
    });
    const data = Buffer.concat(parts);
    const found = scanAll(m, data);
    expect(found).toEqual(indexOfReference(patterns, data));
    const key = (h: Hit): string => `${h[0]}@${h[1]}`;
    const foundKeys = new Set(found.map(key));
    for (const h of planted) expect(foundKeys.has(key(h))).toBe(true);
    expect(chunked(m, data, 1000)).toEqual(found);
  });
});
