// What `node dist/main.js` loads before it does anything: the chunks main.js imports
// statically, and what they import in turn. Whatever a run may not need (the OIDC
// client with @actions/http-client and undici, the cache SDK, node:https, node-vault's
// tv4 and mustache) must not be among them: each costs start-up on every run.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './runner/job.js';

const DIST = join(ROOT, 'dist');

/** Every chunk reached from `entry` through static imports, with its text. */
function staticGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(join(DIST, file), 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"\.\/([^"]+)";/gms)) visit(m[1] ?? '');
  };
  visit(entry);
  return seen;
}

/** Every chunk reached from `entry` through static and dynamic imports. */
function fullGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(join(DIST, file), 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/(?:from\s+|import\()"\.\/([^"]+)"/g)) visit(m[1] ?? '');
  };
  visit(entry);
  return seen;
}

// esbuild marks each bundled module with a `// node_modules/<package>/...` comment.
const LAZY = [
  'node_modules/undici/',
  'node_modules/@actions/http-client/',
  'node_modules/@actions/cache/',
  // vault-action's grammar and the aws signer: only for the workflows that use them
  'node_modules/jsonata/',
  'node_modules/@smithy/signature-v4/',
];
const NEVER = ['node_modules/tv4/', 'node_modules/mustache/', 'node_modules/axios/'];

describe('dist/main.js start-up', () => {
  const eager = [...staticGraph('main.js').values()].join('\n');
  const all = [...fullGraph('main.js').values()].join('\n');

  it.each(LAZY)('loads %s only on demand (a dynamic import), not at start-up', (pkg) => {
    expect(eager).not.toContain(`// ${pkg}`);
    expect(all).toContain(`// ${pkg}`);
  });

  it.each(NEVER)('never bundles %s (node-vault requires it, this action never uses it)', (pkg) => {
    expect(all).not.toContain(`// ${pkg}`);
  });

  it('imports node:https only for an https Vault', () => {
    expect(eager).not.toMatch(/^import[^;]*from\s+"(node:)?https";/m);
    expect(all).toMatch(/^import[^;]*from\s+"(node:)?https";/m);
  });
});
