// The leak guard's matcher against ripgrep, on the same bytes in the same run.
//   npx tsx bench/guard.ts                      1 GiB file + 50,000 files / 500 MB
//   GUARD_BENCH_SCALE=0.1 npx tsx bench/guard.ts  a tenth of both
//
// Patterns: the forms (src/mask/forms.ts) of 50 made-up secrets (bench/guard-data.ts):
// about 1,200 byte patterns, 8 to 3,350 bytes. ripgrep gets the same forms, one a line
// (`rg -F -a -c -f PATTERNS`), less the few raw multi-line values: their lines are forms
// of their own, so ripgrep still sees every line of them.
// Data: 35% log-like text, 35% base64 (76-column and long lines), 10% hex lines, 20%
// random binary, with every form planted a few times at known offsets.
//
// Both sides are checked against each other: ripgrep counts lines with a match (-c), so
// our matches of the patterns ripgrep was given are turned into their distinct lines and
// counted the same way (per file in the folder), and every planted form must be among
// our matches. Each side runs twice, alternating; the best run counts. The data is in the
// page cache for both (written just before). Our time includes building the Matcher and
// the first run includes V8's warm-up; ripgrep's includes its start and compiling the
// patterns (~250 ms, printed, and the ratio is shown without it too).
//
// Targets: one big file at >= 3x ripgrep's throughput; the folder no slower than ripgrep.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Scanner } from '../src/guard/scanner.js';
import { Matcher } from '../src/guard/matcher.js';
import { benchPatterns, benchSecrets, fillFiller, MIX, Rng } from './guard-data.js';

const GiB = 1 << 30;
const MiB = 1 << 20;
const RG = process.env['RG'] ?? 'rg';
/** How often each form is planted in the big file, and in the folder. */
const PLANTS_FILE = 3;
const PLANTS_FOLDER = 2;

interface Plant {
  readonly pattern: number;
  readonly offset: number;
}

interface RunResult {
  readonly ms: number;
  /** Lines with a match (ripgrep's -c), summed over files. */
  readonly lines: number;
  readonly files: number;
}

export async function runGuardBench(): Promise<void> {
  const scale = Number(process.env['GUARD_BENCH_SCALE'] ?? 1);
  if (!(scale > 0 && scale <= 4)) throw new Error('GUARD_BENCH_SCALE must be in (0, 4]');
  const fileBytes = Math.max(MiB, Math.round((GiB * scale) / MiB) * MiB);
  const folderFiles = Math.max(100, Math.round(50_000 * scale));
  const folderBytes = Math.round(500e6 * scale);

  const secrets = benchSecrets();
  const { patterns, rgIndexes, rgFile } = benchPatterns(secrets);
  const rgSet = new Uint8Array(patterns.length);
  for (const i of rgIndexes) rgSet[i] = 1;
  const maxLen = Math.max(...patterns.map((p) => p.length));
  const minLen = Math.min(...patterns.map((p) => p.length));

  const dir = mkdtempSync(join(tmpdir(), 'guard-bench-'));
  try {
    const patternFile = join(dir, 'patterns.txt');
    writeFileSync(patternFile, rgFile);
    const bigFile = join(dir, 'big.bin');
    const folder = join(dir, 'folder');

    const rg = rgVersion();
    console.log(
      `guard matcher vs ripgrep, Node ${process.version}, ${rg ?? 'ripgrep NOT FOUND: our side only'}, ${availableParallelism()} CPUs`,
    );
    console.log(
      `  patterns: ${secrets.length} secrets, ${patterns.length} forms (${minLen}..${maxLen} bytes); rg gets ${rgIndexes.length} (${patterns.length - rgIndexes.length} multi-line raw values left out: their lines are forms too), ${rgFile.split('\n').length - 1} distinct lines`,
    );
    console.log(
      `  data: ${pct(MIX.text)} text, ${pct(MIX.base64)} base64, ${pct(MIX.hex)} hex, ${pct(MIX.binary)} random binary; forms planted ${PLANTS_FILE}x in the file, ${PLANTS_FOLDER}x in the folder`,
    );

    const t0 = performance.now();
    const filePlants = writeBigFile(bigFile, fileBytes, patterns);
    const folderPlants = writeFolder(folder, folderFiles, folderBytes, patterns);
    console.log(
      `  generated ${mb(fileBytes)} MB file and ${folderFiles} files / ${mb(folderBytes)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    let rgFixed = 0;
    if (rg !== undefined) {
      const tiny = join(dir, 'tiny.txt');
      writeFileSync(tiny, 'nothing here\n');
      rgFixed = Math.min(runRipgrep(patternFile, tiny).ms, runRipgrep(patternFile, tiny).ms);
      console.log(
        `  ripgrep's fixed cost (start, compile the patterns; a 13-byte file): ${rgFixed.toFixed(0)} ms, included below`,
      );
    }

    const fileOk = compare({
      title: `one file, ${mb(fileBytes)} MB`,
      bytes: fileBytes,
      rg: rg === undefined ? undefined : () => runRipgrep(patternFile, bigFile),
      rgLabel: 'rg -F -a -c -f (1 thread)',
      ours: () => scanBigFile(bigFile, patterns, rgSet, filePlants),
      ourLabel: 'Matcher.stream, 1 MiB reads',
      target: 3,
      rgFixed,
    });
    const folderOk = compare({
      title: `folder, ${folderFiles} files, ${mb(folderBytes)} MB`,
      bytes: folderBytes,
      rg: rg === undefined ? undefined : () => runRipgrep(patternFile, folder),
      rgLabel: `rg -F -a -c -f (${rgThreads()} threads)`,
      ours: () => scanFolder(folder, patterns, rgSet, folderPlants),
      ourLabel: 'Matcher.scan, 1 thread, sync walk',
      target: 1,
      rgFixed,
    });
    // The same data through the code the post step runs: Scanner.scanPath walks, sniffs
    // archives, reads and matches; compared with ripgrep's best of two on the same path.
    const forms = patterns.map((p, i) => ({
      text: Buffer.from(p).toString('utf8'),
      name: `S${i}`,
      kind: 'value' as const,
    }));
    for (const [label, where, bytes, goal] of [
      ['file', bigFile, fileBytes, 3],
      ['folder', folder, folderBytes, 1],
    ] as const) {
      const scanner = new Scanner(forms);
      const t = performance.now();
      await scanner.scanPath(where);
      const ms = performance.now() - t;
      const rgMs =
        rg === undefined ? undefined : Math.min(runRipgrep(patternFile, where).ms, runRipgrep(patternFile, where).ms);
      const ratio = rgMs === undefined ? undefined : rgMs / ms;
      console.log(
        `  Scanner.scanPath (the post step's code) on the ${label}: ${ms.toFixed(0)} ms, ${mb((bytes / ms) * 1000)} MB/s, ${scanner.hits.length} hits` +
          (ratio === undefined
            ? ''
            : `; ripgrep ${rgMs?.toFixed(0)} ms; ratio ${ratio.toFixed(2)}x (target ${goal}x: ${ratio >= goal ? 'met' : 'NOT MET'})`),
      );
    }
    if (!fileOk || !folderOk) {
      console.log('  RESULTS DIFFER: see above');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Comparison {
  readonly title: string;
  readonly bytes: number;
  readonly rg: (() => RunResult) | undefined;
  readonly rgLabel: string;
  readonly ours: () => { result: RunResult; check: string };
  readonly ourLabel: string;
  /** Our throughput must be at least this many times ripgrep's. */
  readonly target: number;
  /** ripgrep's time on a tiny file, to show the ratio without it too. */
  readonly rgFixed: number;
}

/** Runs both sides twice, alternating; prints the best of each. Says whether the results agree. */
function compare(c: Comparison): boolean {
  const rgRuns: RunResult[] = [];
  const ourRuns: RunResult[] = [];
  let check = '';
  for (let run = 0; run < 2; run++) {
    if (c.rg) rgRuns.push(c.rg());
    const r = c.ours();
    ourRuns.push(r.result);
    check = r.check;
  }
  const ours = best(ourRuns);
  const times = (runs: RunResult[]): string => runs.map((r) => r.ms.toFixed(0)).join(', ');
  console.log(`${c.title} (best of 2)`);
  if (rgRuns.length > 0) line(`ripgrep: ${c.rgLabel}`, best(rgRuns), c.bytes, times(rgRuns));
  line(`ours: ${c.ourLabel}`, ours, c.bytes, times(ourRuns));
  let ok = !check.includes('MISSED');
  if (rgRuns.length === 0) {
    console.log(`  ${'matching lines / files'.padEnd(44)}ours ${ours.lines} / ${ours.files}; ${check}`);
    return ok;
  }
  const rgBest = best(rgRuns);
  const same = rgBest.lines === ours.lines && rgBest.files === ours.files;
  ok &&= same;
  console.log(
    `  ${'matching lines / files'.padEnd(44)}rg ${rgBest.lines} / ${rgBest.files}, ours ${ours.lines} / ${ours.files}: ${same ? 'same' : 'DIFFERENT'}; ${check}`,
  );
  const ratio = rgBest.ms / ours.ms;
  const net = (rgBest.ms - c.rgFixed) / ours.ms;
  console.log(
    `  ${'throughput ours / ripgrep'.padEnd(44)}${ratio.toFixed(2)}x (${net.toFixed(2)}x without ripgrep's fixed cost)`,
  );
  console.log(`  ${`target >= ${c.target}x ripgrep`.padEnd(44)}${ratio >= c.target ? 'met' : 'NOT MET'}`);
  return ok;
}

// ---- data ------------------------------------------------------------------------

/** Writes `size` bytes of filler with every pattern planted PLANTS_FILE times, in disjoint slots. */
function writeBigFile(path: string, size: number, patterns: readonly Uint8Array[]): Plant[] {
  const rng = new Rng(1);
  const maxLen = Math.max(...patterns.map((p) => p.length));
  let count = patterns.length * PLANTS_FILE;
  while (count > 1 && Math.floor(size / count) <= maxLen) count = Math.floor(count / 2);
  const slot = Math.floor(size / count);
  const slots = Array.from({ length: count }, (_, i) => i);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [slots[i], slots[j]] = [slots[j] as number, slots[i] as number];
  }
  const plants: Plant[] = slots.map((s, i) => {
    const pattern = i % patterns.length;
    const len = (patterns[pattern] as Uint8Array).length;
    return { pattern, offset: s * slot + rng.int(slot - len) };
  });
  plants.sort((a, b) => a.offset - b.offset);
  const fd = openSync(path, 'w');
  const block = Buffer.allocUnsafe(4 * MiB);
  let next = 0;
  try {
    for (let at = 0; at < size; at += block.length) {
      const b = block.subarray(0, Math.min(block.length, size - at));
      fillFiller(b, rng);
      // plants that touch this block (one may have started in the block before)
      for (let k = Math.max(0, next - 1); k < plants.length; k++) {
        const pl = plants[k] as Plant;
        if (pl.offset >= at + b.length) break;
        const p = patterns[pl.pattern] as Uint8Array;
        const from = Math.max(pl.offset, at);
        const to = Math.min(pl.offset + p.length, at + b.length);
        if (from < to) b.set(p.subarray(from - pl.offset, to - pl.offset), from - at);
        if (pl.offset + p.length <= at + b.length) next = k + 1;
      }
      writeSync(fd, b);
    }
  } finally {
    closeSync(fd);
  }
  return plants;
}

/** Files of log-uniform size (100 B .. 200 KB, scaled to the total) in 10 x 50 folders. */
function writeFolder(
  root: string,
  files: number,
  total: number,
  patterns: readonly Uint8Array[],
): Map<string, Plant[]> {
  const rng = new Rng(2);
  const raw: number[] = [];
  for (let i = 0; i < files; i++) raw.push(Math.exp(Math.log(100) + (rng.u32() / 2 ** 32) * Math.log(2000)));
  const sum = raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((s) => Math.max(1, Math.round((s * total) / sum)));
  const paths = sizes.map((_, i) => join(root, `a${i % 10}`, `b${Math.floor(i / 10) % 50}`, `f${i}.dat`));
  const plants = new Map<number, Plant[]>();
  for (let r = 0; r < PLANTS_FOLDER; r++) {
    patterns.forEach((p, pattern) => {
      for (let tries = 0; tries < 200; tries++) {
        const f = rng.int(files);
        const size = sizes[f] as number;
        if (size < p.length + 2) continue;
        const offset = rng.int(size - p.length);
        const list = plants.get(f) ?? [];
        if (
          list.some(
            (o) => offset < o.offset + (patterns[o.pattern] as Uint8Array).length && o.offset < offset + p.length,
          )
        )
          continue;
        list.push({ pattern, offset });
        plants.set(f, list);
        return;
      }
    });
  }
  const buf = Buffer.allocUnsafe(Math.max(...sizes));
  for (let i = 0; i < files; i++) {
    if (i < 500) mkdirSync(join(root, `a${i % 10}`, `b${Math.floor(i / 10) % 50}`), { recursive: true });
    const b = buf.subarray(0, sizes[i]);
    fillFiller(b, rng);
    for (const pl of plants.get(i) ?? []) b.set(patterns[pl.pattern] as Uint8Array, pl.offset);
    writeFileSync(paths[i] as string, b);
  }
  const byPath = new Map<string, Plant[]>();
  for (const [f, list] of plants) byPath.set(paths[f] as string, list);
  return byPath;
}

// ---- runs --------------------------------------------------------------------------

function runRipgrep(patternFile: string, target: string): RunResult {
  const t0 = performance.now();
  const r = spawnSync(RG, ['-F', '-a', '-c', '-f', patternFile, target], { maxBuffer: 256 * MiB, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed (${r.status}): ${r.stderr}`);
  let lines = 0;
  let files = 0;
  for (const l of r.stdout.split('\n')) {
    if (l === '') continue;
    const n = Number(l.slice(l.lastIndexOf(':') + 1));
    lines += n;
    files++;
  }
  return { ms, lines, files };
}

/** Our matcher over the big file: 1 MiB reads into one reused buffer, streamed. */
function scanBigFile(
  path: string,
  patterns: readonly Uint8Array[],
  rgSet: Uint8Array,
  plants: readonly Plant[],
): { result: RunResult; check: string } {
  const found: number[] = [];
  const t0 = performance.now();
  const matcher = new Matcher(patterns);
  const buf = Buffer.allocUnsafe(MiB);
  const fd = openSync(path, 'r');
  try {
    const stream = matcher.stream((i, offset) => void found.push(i, offset));
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      stream.write(n === buf.length ? buf : buf.subarray(0, n));
    }
    stream.end();
  } finally {
    closeSync(fd);
  }
  const ms = performance.now() - t0;
  // outside the timing: lines, and the plants
  const fdr = openSync(path, 'r');
  try {
    const starts = new Set<number>();
    for (let k = 0; k < found.length; k += 2)
      if (rgSet[found[k] as number]) starts.add(lineStart(fdr, found[k + 1] as number));
    return { result: { ms, lines: starts.size, files: starts.size > 0 ? 1 : 0 }, check: plantCheck(found, plants) };
  } finally {
    closeSync(fdr);
  }
}

/** Our matcher over the folder: a plain recursive walk, each file read into one reused buffer. */
function scanFolder(
  root: string,
  patterns: readonly Uint8Array[],
  rgSet: Uint8Array,
  plants: ReadonlyMap<string, Plant[]>,
): { result: RunResult; check: string } {
  const found = new Map<string, number[]>();
  let current: number[] = [];
  const sink = (i: number, offset: number): void => void current.push(i, offset);
  const t0 = performance.now();
  const matcher = new Matcher(patterns);
  const buf = Buffer.allocUnsafe(MiB);
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        walk(path);
        continue;
      }
      if (!e.isFile()) continue;
      const fd = openSync(path, 'r');
      try {
        let n = readSync(fd, buf, 0, buf.length, null);
        if (n < buf.length) {
          matcher.scan(buf.subarray(0, n), sink);
        } else {
          const stream = matcher.stream(sink);
          while (n > 0) {
            stream.write(buf.subarray(0, n));
            n = readSync(fd, buf, 0, buf.length, null);
          }
          stream.end();
        }
      } finally {
        closeSync(fd);
      }
      if (current.length > 0) {
        found.set(path, current);
        current = [];
      }
    }
  };
  walk(root);
  const ms = performance.now() - t0;
  let lines = 0;
  let files = 0;
  let missed = 0;
  let planted = 0;
  for (const [path, hits] of found) {
    const fd = openSync(path, 'r');
    try {
      const starts = new Set<number>();
      for (let k = 0; k < hits.length; k += 2)
        if (rgSet[hits[k] as number]) starts.add(lineStart(fd, hits[k + 1] as number));
      lines += starts.size;
      if (starts.size > 0) files++;
    } finally {
      closeSync(fd);
    }
  }
  for (const [path, list] of plants) {
    const hits = found.get(path) ?? [];
    const keys = new Set<string>();
    for (let k = 0; k < hits.length; k += 2) keys.add(`${hits[k]}@${hits[k + 1]}`);
    for (const pl of list) {
      planted++;
      if (!keys.has(`${pl.pattern}@${pl.offset}`)) missed++;
    }
  }
  return {
    result: { ms, lines, files },
    check: missed === 0 ? `all ${planted} planted forms found` : `MISSED ${missed} of ${planted} planted forms`,
  };
}

function plantCheck(found: readonly number[], plants: readonly Plant[]): string {
  const keys = new Set<string>();
  for (let k = 0; k < found.length; k += 2) keys.add(`${found[k]}@${found[k + 1]}`);
  const missed = plants.filter((p) => !keys.has(`${p.pattern}@${p.offset}`)).length;
  return missed === 0
    ? `all ${plants.length} planted forms found (${found.length / 2} matches in all)`
    : `MISSED ${missed} of ${plants.length} planted forms`;
}

const back = Buffer.allocUnsafe(4096);
/** Where the line holding `offset` starts: just after the last '\n' before it. */
function lineStart(fd: number, offset: number): number {
  let pos = offset;
  while (pos > 0) {
    const n = Math.min(back.length, pos);
    readSync(fd, back, 0, n, pos - n);
    const i = back.subarray(0, n).lastIndexOf(10);
    if (i >= 0) return pos - n + i + 1;
    pos -= n;
  }
  return 0;
}

// ---- printing ----------------------------------------------------------------------

function best(runs: readonly RunResult[]): RunResult {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function line(label: string, r: RunResult, bytes: number, runs: string): void {
  console.log(
    `  ${label.padEnd(44)}${(r.ms / 1000).toFixed(2).padStart(6)} s ${(bytes / 1e6 / (r.ms / 1000)).toFixed(0).padStart(6)} MB/s   (runs: ${runs} ms)`,
  );
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function rgVersion(): string | undefined {
  const r = spawnSync(RG, ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? undefined : (r.stdout.split('\n')[0] ?? 'ripgrep');
}

function rgThreads(): number {
  return Math.min(12, availableParallelism()); // ripgrep's default
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runGuardBench();
}
