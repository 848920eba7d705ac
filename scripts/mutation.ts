// Hand-planted mutants over the security-critical modules (scripts/mutants.ts): each
// one is a single realistic bug. For each: plant it in a scratch copy of the project,
// rebuild dist/ there (the end-to-end tests run the bundle), run the tests it names,
// restore. A mutant is killed when those tests fail. A `find` text that no longer
// occurs exactly once is an error, never a skip: the table must follow the code.
//   npm run mutation                  every mutant
//   npm run mutation -- ID ID ...     only these
// Stryker was not used: its vitest runner mutates in-process code, but our end-to-end
// tests run dist/ in child processes, so every mutant needs a bundle rebuild, which
// Stryker cannot do per mutant; its thousands of mutants would also take hours on 2 cores.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTANTS, type Mutant } from './mutants.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const selected = only.length > 0 ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
const unknown = only.filter((id) => !MUTANTS.some((m) => m.id === id));
if (unknown.length > 0) {
  console.error(`unknown mutant id(s): ${unknown.join(', ')}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'mutation-'));
// guard/ and verify/: the sub-actions' action.yml files, which the test runner reads; README.md and
// .gitignore: tests read the README, and act copies the work tree as .gitignore says; .github: ci.yml's helper actions
for (const entry of [
  'src',
  'test',
  'scripts',
  'action.yml',
  'guard',
  'verify',
  'refresh',
  'package.json',
  'tsconfig.json',
  'vitest.config.ts',
  'README.md',
  '.gitignore',
  '.github',
])
  cpSync(join(root, entry), join(work, entry), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));

function build(): boolean {
  return spawnSync(process.execPath, [join(work, 'scripts/build.mjs')], { cwd: work, stdio: 'ignore' }).status === 0;
}

/** Runs the named tests: whether they passed, and how many ran. */
function runTests(m: Pick<Mutant, 'tests' | 'only'>): { passed: boolean; ran: number } {
  const report = join(work, 'vitest-report.json');
  rmSync(report, { force: true });
  const args = ['run', '--bail=1', '--reporter=json', `--outputFile=${report}`, ...m.tests];
  if (m.only !== undefined) args.push('-t', m.only);
  const run = spawnSync(join(work, 'node_modules/.bin/vitest'), args, {
    cwd: work,
    stdio: 'ignore',
    timeout: 300_000,
    // CI makes the docker tests fail, not skip, when no engine answers
    env: { ...process.env, CI: 'true' },
  });
  let ran = 0;
  try {
    ran = (JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number })
      .numPassedTests;
  } catch {
    // no report: the run crashed or timed out, which counts as a failure
  }
  return { passed: run.status === 0, ran };
}

const selectionKey = (m: Mutant): string => JSON.stringify([m.tests, m.only]);

function plant(m: Mutant): string | undefined {
  const file = join(work, m.file);
  let text = readFileSync(file, 'utf8');
  for (const edit of [{ find: m.find, replace: m.replace }, ...(m.also ?? [])]) {
    const count = text.split(edit.find).length - 1;
    if (count !== 1) return `find text occurs ${count} times in ${m.file}: ${JSON.stringify(edit.find.slice(0, 60))}`;
    text = text.replace(edit.find, () => edit.replace);
  }
  writeFileSync(file, text);
  return undefined;
}

type Outcome = 'killed' | 'survived' | 'error';
const results: { mutant: Mutant; outcome: Outcome; seconds: number; note: string }[] = [];
const started = Date.now();
try {
  if (!build()) throw new Error('the unmutated sources do not build');
  // Each selection of tests must pass, and run at least one test, on the unmutated
  // code: otherwise a "kill" proves nothing.
  const baseline = new Map<string, string | undefined>();
  for (const m of selected) {
    const key = selectionKey(m);
    if (baseline.has(key)) continue;
    const { passed, ran } = runTests(m);
    baseline.set(
      key,
      !passed ? 'its tests fail without the mutant' : ran === 0 ? 'its test filter selects no test' : undefined,
    );
  }
  for (const mutant of selected) {
    const t0 = Date.now();
    const file = join(work, mutant.file);
    const original = readFileSync(file, 'utf8');
    let outcome: Outcome = 'error';
    let note = baseline.get(selectionKey(mutant)) ?? plant(mutant) ?? '';
    try {
      if (note === '') {
        if (!build()) note = 'the mutant does not build';
        else outcome = runTests(mutant).passed ? 'survived' : 'killed';
      }
    } finally {
      writeFileSync(file, original);
    }
    const seconds = Math.round((Date.now() - t0) / 1000);
    results.push({ mutant, outcome, seconds, note });
    console.log(`${outcome.toUpperCase().padEnd(8)} ${mutant.id.padEnd(36)} ${String(seconds).padStart(4)} s  ${note}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const killed = results.filter((r) => r.outcome === 'killed').length;
const valid = results.filter((r) => r.outcome !== 'error').length;
for (const r of results.filter((x) => x.outcome !== 'killed'))
  console.log(`\n${r.outcome}: ${r.mutant.id} (${r.mutant.file})\n  ${r.mutant.why}${r.note ? `\n  ${r.note}` : ''}`);
console.log(
  `\nMutation score: ${killed}/${valid} killed (${valid === 0 ? 0 : Math.round((100 * killed) / valid)} %), ` +
    `${results.length - valid} error(s), ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(killed === results.length ? 0 : 1);
