// Bundles the action's entries into dist/ with esbuild: main and post, the guard
// sub-action (guard/action.yml), the refresh sub-action (refresh/action.yml), the renewal
// helper main starts (detached) and the leak guard's worker thread.
//   node scripts/build.mjs              build into dist/
//   node scripts/build.mjs --out DIR    build into DIR (the freshness test compares it with dist/)
//   node scripts/build.mjs --if-stale   build only when a source is newer than dist/ (demo, bench)
// Besides the bundle it writes dist/licenses.txt, the license of every package the
// bundle holds, from esbuild's metafile: generated with dist/, so the freshness test
// keeps it true.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outdir = outIndex >= 0 ? args[outIndex + 1] : join(root, 'dist');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((e) => newest(join(path, e))));
}

if (args.includes('--if-stale')) {
  const sources = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'package-lock.json')),
    newest(join(root, 'scripts/build.mjs')),
  );
  if (existsSync(join(outdir, 'main.js')) && newest(outdir) >= sources) process.exit(0);
}

/**
 * Hands @actions/core our lazy OidcClient (src/vault/stubs/oidc-client.mjs) in place of
 * its own, so undici loads only when a run asks GitHub for an OIDC token.
 */
const lazyOidcClient = {
  name: 'lazy-oidc-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(args.importer)
        ? { path: join(root, 'src/vault/stubs/oidc-client.mjs') }
        : undefined,
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  metafile: true,
  plugins: [lazyOidcClient],
  entryPoints: {
    main: join(root, 'src/main.ts'),
    post: join(root, 'src/post.ts'),
    guard: join(root, 'src/guard-step.ts'),
    verify: join(root, 'src/verify-step.ts'),
    refresh: join(root, 'src/refresh-step.ts'),
    renew: join(root, 'src/renew-helper.ts'),
    // loaded by new Worker(new URL('./guard-worker.js', import.meta.url)) in src/guard/parallel.ts
    'guard-worker': join(root, 'src/guard/worker.ts'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'shared-[hash]',
  legalComments: 'eof',
  logLevel: 'warning',
  // Linked maps, without the sources (they are in src/), so coverage of the spawned steps
  // (scripts/coverage.mjs) maps back to src/. They are committed with the bundle and kept in
  // sync by the same freshness test; Node reads them only when asked (NODE_V8_COVERAGE).
  sourcemap: 'linked',
  sourcesContent: false,
  // node-vault requires axios and debug at load time. We hand node-vault our own
  // transport (src/vault/transport.ts), so axios is never called: stubbing it keeps
  // ~500 KB and its start-up cost out of the bundle. The debug stub guarantees that
  // DEBUG=* can never make node-vault print a request body.
  alias: {
    axios: join(root, 'src/vault/stubs/axios.cjs'),
    debug: join(root, 'src/vault/stubs/debug.cjs'),
    // node-vault requires these when it loads, for commands this action never calls.
    tv4: join(root, 'src/vault/stubs/tv4.cjs'),
    mustache: join(root, 'src/vault/stubs/mustache.cjs'),
  },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});

writeFileSync(join(outdir, 'licenses.txt'), thirdPartyNotices(Object.keys(result.metafile.inputs)));

/** One section per bundled package (name, version, license, its license file's text), sorted. */
function thirdPartyNotices(inputs) {
  const packages = new Set();
  for (const input of inputs) {
    // the last node_modules/ segment names the package, nested copies included
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  const sections = [...packages].map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    // old packages give an array of { type } (in `license` or `licenses`)
    const declared = pkg.license ?? pkg.licenses;
    const license = Array.isArray(declared) ? declared.map((l) => l.type).join(' OR ') : String(declared);
    const files = readdirSync(join(root, dir))
      .filter((f) => /^(licen[cs]e|copying|notice)(\.[a-z]+)?$/i.test(f))
      .sort();
    const texts = files.map((f) => readFileSync(join(root, dir, f), 'utf8').trim());
    if (texts.length === 0) texts.push(`(the package ships no license file; package.json says ${license})`);
    return {
      id: `${pkg.name} ${pkg.version}`,
      text: `${pkg.name} ${pkg.version}\nLicense: ${license}\n\n${texts.join('\n\n')}`,
    };
  });
  // the same name and version installed twice (nested node_modules) is listed once
  const unique = [...new Map(sections.map((s) => [s.id, s])).values()];
  unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const header =
    'Third-party software bundled in dist/, with its licenses.\n' +
    "Generated by scripts/build.mjs from the bundle's inputs (npm run build); do not edit.\n";
  return [header, ...unique.map((s) => s.text)].join(`\n${'-'.repeat(78)}\n\n`) + '\n';
}
