// Bundles the two action entries into dist/ with esbuild.
//   node scripts/build.mjs              build into dist/
//   node scripts/build.mjs --out DIR    build into DIR (the freshness test compares it with dist/)
//   node scripts/build.mjs --if-stale   build only when a source is newer than dist/ (demo, bench)
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync, rmSync } from 'node:fs';
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

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(root, 'src/main.ts'), post: join(root, 'src/post.ts') },
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
  },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
