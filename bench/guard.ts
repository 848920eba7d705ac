// The leak guard as users run it, against ripgrep, on the same bytes in the same run.
//   npm run bench:guard                          1 GiB file + 50,000 files / 500 MB
//   GUARD_BENCH_SCALE=0.1 npm run bench:guard    a tenth of both (quick)
//   GUARD_BENCH_RUNS=5                           runs per side (default 3), alternating
//
// Ours: the guard sub-action's bundle, `node dist/guard.js`, with the inputs a workflow
// gives (paths, on-leak: warn, sarif-file) and main's session folder (its forms file)
// found through VAULT_SECRETS_SESSION, as after a main step: start-up, walking, reading,
// decompression sniffing, matching on every core, line numbers, annotations, SARIF.
// ripgrep: `rg -F -a -c -f PATTERNS` with its default threads, the same forms one a line
// (less the few raw multi-line values: their lines are forms too). Peak RSS of both from
// /usr/bin/time (ripgrep's also with --no-mmap, where it reads into buffers as we do).
// `cat FILE > /dev/null` gives the read speed of the big file from the page cache.
//
// Results are checked against each other: ripgrep counts lines with a match (-c); our
// SARIF gives each hit's byte offset, turned into distinct lines the same way, and every
// planted form must be among our hits. Medians with min-max over alternating runs.
//
// Targets: folder >= 1.5x ripgrep, one 1 GiB file >= 4x ripgrep, >= 25% of cat's speed.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchPatterns, benchSecrets, fillFiller, MIX, Rng } from './guard-data.js';

const ROOT = join(import.meta.dirname, '..');
const GiB = 1 << 30;
const MiB = 1 << 20;
const RG = process.env['RG'] ?? 'rg';
const TIME = '/usr/bin/time';
/** How often each form is planted in the big file, and in the folder. */
// Each planted form also hits some of its sub-forms: with the double base64 forms (2,633
// forms for the 50 secrets) 3 plants in the file and 2 in the folder went past the guard's
// MAX_HITS (10,000), which caps what it lists, and the two tools' lines no longer compared.
const PLANTS_FILE = 1;
const PLANTS_FOLDER = 1;

interface Plant {
  readonly pattern: number;
  readonly offset: number;
}

interface Run {
  readonly ms: number;
  readonly rssKb: number;
  /** Lines with a match (ripgrep's -c), summed over files. */
  readonly lines: number;
  readonly files: number;
}

export function runGuardBench(): void {
  const scale = Number(process.env['GUARD_BENCH_SCALE'] ?? 1);
  if (!(scale > 0 && scale <= 4)) throw new Error('GUARD_BENCH_SCALE must be in (0, 4]');
  const runs = Math.max(1, Number(process.env['GUARD_BENCH_RUNS'] ?? 3));
  const fileBytes = Math.max(MiB, Math.round((GiB * scale) / MiB) * MiB);
  const folderFiles = Math.max(100, Math.round(50_000 * scale));
  const folderBytes = Math.round(500e6 * scale);

  const secrets = benchSecrets();
  const { patterns, rgIndexes, rgFile } = benchPatterns(secrets);
  const dir = mkdtempSync(join(tmpdir(), 'guard-bench-'));
  try {
    const patternFile = join(dir, 'patterns.txt');
    writeFileSync(patternFile, rgFile);
    // main's session as the guard step finds it: every form, one JSON object a line
    const session = join(dir, 'session');
    mkdirSync(join(session, 'private'), { recursive: true });
    writeFileSync(
      join(session, 'private', 'forms'),
      secrets
        .flatMap((s) => s.forms.map((f) => `${JSON.stringify({ text: f.text, name: s.name, kind: f.kind })}\n`))
        .join(''),
    );
    const bigFile = join(dir, 'big.bin');
    const folder = join(dir, 'folder');
    const rg = rgVersion();
    const time = spawnSync(TIME, ['-f', '%M', 'true']).status === 0;
    console.log(
      `leak guard (node dist/guard.js) vs ${rg ?? 'ripgrep: NOT FOUND (install ripgrep; our side only)'}, Node ${process.version}, ${availableParallelism()} CPUs, ${runs} alternating runs per side, median (min-max)`,
    );
    if (!time) console.log('  /usr/bin/time not found: peak RSS not measured');
    console.log(
      `  patterns: ${secrets.length} secrets, ${patterns.length} forms; rg gets ${rgIndexes.length} (${rgFile.split('\n').length - 1} distinct lines)`,
    );
    console.log(
      `  data: ${pct(MIX.text)} text, ${pct(MIX.base64)} base64, ${pct(MIX.hex)} hex, ${pct(MIX.binary)} random binary; forms planted ${PLANTS_FILE}x in the file, ${PLANTS_FOLDER}x in the folder`,
    );
    const t0 = performance.now();
    const filePlants = new Map([[bigFile, writeBigFile(bigFile, fileBytes, patterns)]]);
    const folderPlants = writeFolder(folder, folderFiles, folderBytes, patterns);
    console.log(
      `  generated ${mb(fileBytes)} MB file and ${folderFiles} files / ${mb(folderBytes)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    // Hits of a (secret, form kind) whose every form spans lines are not counted against
    // ripgrep, which is not given those forms (a JSON value's first line is `{`).
    const multiOnly = new Set<string>();
    for (const sec of secrets)
      for (const kind of new Set(sec.forms.map((f) => f.kind)))
        if (sec.forms.filter((f) => f.kind === kind).every((f) => /[\r\n]/.test(f.text)))
          multiOnly.add(`${sec.name} ${kind}`);
    const ours = (target: string): Run => runGuard({ target, workspace: dir, session, time, multiOnly });
    const rgRun = rg === undefined ? undefined : (target: string): Run => runRipgrep(patternFile, target, [], time);
    const folderRun = compare({
      title: `folder, ${folderFiles} files, ${mb(folderBytes)} MB`,
      target: folder,
      bytes: folderBytes,
      goal: 1.5,
      runs,
      ours,
      rg: rgRun,
      plants: folderPlants,
    });
    const fileRun = compare({
      title: `one file, ${mb(fileBytes)} MB`,
      target: bigFile,
      bytes: fileBytes,
      goal: 4,
      runs,
      ours,
      rg: rgRun,
      plants: filePlants,
    });
    const ok = folderRun.ok && fileRun.ok;
    const cat = Array.from({ length: runs }, () =>
      timed(() => spawnSync('sh', ['-c', 'cat "$0" > /dev/null', bigFile])),
    );
    const share = median(cat) / fileRun.oursMs;
    console.log(
      `  ${'cat FILE > /dev/null'.padEnd(36)}${stat(cat)} ms, ${rate(fileBytes, median(cat))}; ours reaches ${pct(share)} of cat's speed (aim >= 25%: ${share >= 0.25 ? 'met' : 'NOT MET'})`,
    );
    if (rg !== undefined && time) {
      const noMmap = runRipgrep(patternFile, bigFile, ['--no-mmap'], time);
      console.log(`  ${'rg --no-mmap peak RSS, big file'.padEnd(36)}${(noMmap.rssKb / 1024).toFixed(0)} MB`);
    }
    if (!ok) {
      console.log('  RESULTS DIFFER: see above');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Comparison {
  readonly title: string;
  readonly target: string;
  readonly bytes: number;
  readonly goal: number;
  readonly runs: number;
  readonly ours: (target: string) => Run;
  readonly rg: ((target: string) => Run) | undefined;
  readonly plants: ReadonlyMap<string, Plant[]>;
}

/** Alternating runs of both sides; medians with min-max, the ratio, and whether the findings agree. */
function compare(c: Comparison): { ok: boolean; oursMs: number } {
  const rgRuns: Run[] = [];
  const ourRuns: Run[] = [];
  for (let i = 0; i < c.runs; i++) {
    if (c.rg) rgRuns.push(c.rg(c.target));
    ourRuns.push(c.ours(c.target));
  }
  console.log(c.title);
  const show = (label: string, rs: Run[]): void => {
    const ms = rs.map((r) => r.ms);
    console.log(
      `  ${label.padEnd(36)}${stat(ms)} ms, ${rate(c.bytes, median(ms))}, peak RSS ${(Math.max(...rs.map((r) => r.rssKb)) / 1024).toFixed(0)} MB`,
    );
  };
  if (c.rg) show(`rg -F -a -c -f (${rgThreads()} threads)`, rgRuns);
  show('ours: node dist/guard.js, all cores', ourRuns);
  const last = ourRuns[ourRuns.length - 1] as Run;
  const found = lastFound;
  const check = plantCheck(found, c.plants);
  let ok = !check.startsWith('MISSED');
  const o = ourRuns[0] as Run;
  if (!c.rg) {
    console.log(`  ${'matching lines / files'.padEnd(36)}ours ${o.lines} / ${o.files}; ${check}`);
    return { ok, oursMs: median(ourRuns.map((x) => x.ms)) };
  }
  const r = rgRuns[0] as Run;
  const same = r.lines === o.lines && r.files === o.files && last.lines === o.lines;
  ok &&= same;
  console.log(
    `  ${'matching lines / files'.padEnd(36)}rg ${r.lines} / ${r.files}, ours ${o.lines} / ${o.files}: ${same ? 'same' : 'DIFFERENT'}; ${check}`,
  );
  const ratio = median(rgRuns.map((x) => x.ms)) / median(ourRuns.map((x) => x.ms));
  console.log(
    `  ${'speed ours / ripgrep (medians)'.padEnd(36)}${ratio.toFixed(2)}x (target >= ${c.goal}x: ${ratio >= c.goal ? 'met' : 'NOT MET'})`,
  );
  return { ok, oursMs: median(ourRuns.map((x) => x.ms)) };
}

/** file -> byte offsets of our hits, from the last run's SARIF. */
type Found = Map<string, number[]>;
let lastFound: Found = new Map();

function runGuard(o: {
  target: string;
  workspace: string;
  session: string;
  time: boolean;
  multiOnly: ReadonlySet<string>;
}): Run {
  const { target, workspace, session, time } = o;
  const sarif = join(workspace, 'guard.sarif');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/root',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
    VAULT_SECRETS_SESSION: session,
    INPUT_PATHS: target,
    'INPUT_ON-LEAK': 'warn',
    'INPUT_SARIF-FILE': sarif,
    INPUT_WORKERS: '0',
  };
  writeFileSync(env['GITHUB_STEP_SUMMARY'] as string, '');
  const node = process.env['ACTION_NODE'] || process.execPath;
  const { ms, rssKb, status, stdout, stderr } = measure(node, [join(ROOT, 'dist', 'guard.js')], env, time);
  if (status !== 0) throw new Error(`guard step failed (${status}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
    runs: {
      results: {
        message: { text: string };
        locations: {
          physicalLocation?: { artifactLocation: { uri: string }; region?: { byteOffset?: number } };
        }[];
      }[];
    }[];
  };
  const found: Found = new Map();
  const counted: Found = new Map();
  for (const r of log.runs[0]?.results ?? []) {
    const loc = r.locations[0]?.physicalLocation;
    if (loc?.region?.byteOffset === undefined) continue;
    const file = join(workspace, decodeURIComponent(loc.artifactLocation.uri));
    found.set(file, [...(found.get(file) ?? []), loc.region.byteOffset]);
    const [, name, kind] = /^Secret (\S+) \(as ([\w-]+)\)/.exec(r.message.text) ?? [];
    if (!o.multiOnly.has(`${name} ${kind}`)) counted.set(file, [...(counted.get(file) ?? []), loc.region.byteOffset]);
  }
  if (stdout.includes('more hit(s) past the first'))
    console.log('  note: our hits were capped (MAX_HITS), counts below are partial');
  lastFound = found;
  let lines = 0;
  for (const [file, offsets] of counted) {
    const fd = openSync(file, 'r');
    try {
      lines += new Set(offsets.map((o) => lineStart(fd, o))).size;
    } finally {
      closeSync(fd);
    }
  }
  return { ms, rssKb, lines, files: counted.size };
}

function runRipgrep(patternFile: string, target: string, extra: readonly string[], time: boolean): Run {
  const { ms, rssKb, status, stdout } = measure(
    RG,
    ['-F', '-a', '-c', ...extra, '-f', patternFile, target],
    undefined,
    time,
  );
  if (status !== 0 && status !== 1) throw new Error(`rg failed (${status})`);
  let lines = 0;
  let files = 0;
  for (const l of stdout.split('\n')) {
    if (l === '') continue;
    lines += Number(l.slice(l.lastIndexOf(':') + 1));
    files++;
  }
  return { ms, rssKb, lines, files };
}

/** Runs a command under /usr/bin/time (peak RSS on its last stderr line) when there is one. */
function measure(
  cmd: string,
  args: readonly string[],
  env: Record<string, string> | undefined,
  time: boolean,
): { ms: number; rssKb: number; status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = time
    ? spawnSync(TIME, ['-f', '%M', cmd, ...args], { env, encoding: 'utf8', maxBuffer: 512 * MiB })
    : spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 512 * MiB });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  const rssKb = time ? Number(r.stderr.trim().split('\n').pop()) : 0;
  return { ms, rssKb, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function timed(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function plantCheck(found: Found, plants: ReadonlyMap<string, Plant[]>): string {
  let planted = 0;
  let missed = 0;
  for (const [path, list] of plants) {
    const offsets = new Set(found.get(path) ?? []);
    for (const pl of list) {
      planted++;
      if (!offsets.has(pl.offset)) missed++;
    }
  }
  return missed === 0 ? `all ${planted} planted forms found` : `MISSED ${missed} of ${planted} planted forms`;
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

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function stat(ms: readonly number[]): string {
  return `${median(ms).toFixed(0).padStart(6)} (${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)})`;
}

function rate(bytes: number, ms: number): string {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(0).padStart(5)} MB/s`;
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
  runGuardBench();
}
