// Runs the test suite with coverage of src/ from both sides: the unit tests (vitest's
// v8 provider) and every step the runner harness spawns from dist/ (NODE_V8_COVERAGE,
// merged per bundle file, then mapped back to src/ through the bundle's source maps).
// The two sides are merged per line: a line counts as covered when either side ran it.
//   node scripts/coverage.mjs           tests + one summary line (npm test); the table in coverage/table.txt
//   node scripts/coverage.mjs --table   tests + a line per src/ file (npm run coverage)
// Exits with vitest's exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import libCoverage from 'istanbul-lib-coverage';
import v8ToIstanbul from 'v8-to-istanbul';
import { mergeProcessCovs } from '@bcoe/v8-coverage';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'coverage');
const stepsRaw = join(out, 'steps-raw');
const bin = (name) => join(root, 'node_modules', '.bin', name);

rmSync(out, { recursive: true, force: true });
mkdirSync(stepsRaw, { recursive: true });

// STEP_COVERAGE_DIR, not NODE_V8_COVERAGE: the vitest workers run src/ through vite's
// transform, which raw V8 coverage cannot map; test/runner/job.ts hands it to the steps.
const tests = spawnSync(
  bin('vitest'),
  [
    'run',
    '--coverage.enabled',
    '--coverage.provider=v8',
    '--coverage.include=src/**',
    '--coverage.reporter=json',
    `--coverage.reportsDirectory=${join(out, 'unit')}`,
    ...process.argv.slice(2).filter((a) => a !== '--table'),
  ],
  { stdio: 'inherit', env: { ...process.env, STEP_COVERAGE_DIR: stepsRaw } },
);

await convertSteps(stepsRaw, join(out, 'steps', 'coverage-final.json'));

/** file -> line -> hit (any side) */
const lines = new Map();
for (const side of ['unit', 'steps']) {
  const file = join(out, side, 'coverage-final.json');
  if (!existsSync(file)) continue;
  const map = libCoverage.createCoverageMap(JSON.parse(readFileSync(file, 'utf8')));
  for (const path of map.files()) {
    const rel = relative(root, path);
    if (!rel.startsWith('src/')) continue;
    const seen = lines.get(rel) ?? new Map();
    for (const [line, hits] of Object.entries(map.fileCoverageFor(path).getLineCoverage()))
      seen.set(line, (seen.get(line) ?? false) || hits > 0);
    lines.set(rel, seen);
  }
}

let total = 0;
let covered = 0;
const rows = [];
for (const [file, seen] of [...lines].sort(([a], [b]) => a.localeCompare(b))) {
  const hit = [...seen.values()].filter(Boolean).length;
  total += seen.size;
  covered += hit;
  rows.push({ file, hit, size: seen.size });
}
const pct = (hit, size) => (size === 0 ? 100 : (100 * hit) / size).toFixed(1).padStart(5);
const table = rows.map((r) => `${pct(r.hit, r.size)} %  ${String(r.hit).padStart(4)}/${r.size}  ${r.file}`);
writeFileSync(join(out, 'table.txt'), `${table.join('\n')}\n`);
if (process.argv.includes('--table')) console.log(table.join('\n'));
const unseen = rows.filter((r) => r.size > 0 && r.hit === 0).map((r) => r.file);
console.log(
  `Coverage of src/ (unit tests + every spawned step): ${pct(covered, total).trim()} % of ${total} lines ` +
    `in ${rows.length} files${unseen.length > 0 ? `; never run: ${unseen.join(', ')}` : ''}`,
);
process.exit(tests.status ?? 1);

/** Merges the raw V8 dumps of all steps, then maps each dist/ file once back to src/. */
async function convertSteps(rawDir, outFile) {
  const dist = join(root, 'dist');
  const processes = readdirSync(rawDir).map((f) => {
    const cov = JSON.parse(readFileSync(join(rawDir, f), 'utf8'));
    return { result: cov.result.filter((r) => r.url.startsWith(`file://${dist}/`)) };
  });
  const map = libCoverage.createCoverageMap({});
  for (const script of processes.length > 0 ? mergeProcessCovs(processes).result : []) {
    const path = fileURLToPath(script.url);
    const converter = v8ToIstanbul(path, 0, {
      source: readFileSync(path, 'utf8'),
      sourceMap: { sourcemap: JSON.parse(readFileSync(`${path}.map`, 'utf8')) },
    });
    await converter.load();
    converter.applyCoverage(script.functions);
    for (const [file, data] of Object.entries(converter.toIstanbul()))
      if (relative(root, file).startsWith('src/')) map.merge({ [file]: data });
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(map.toJSON()));
}
