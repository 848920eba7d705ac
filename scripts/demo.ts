// npm run demo: the bundled action end to end, as the runner runs it, against the
// Vault dev server with the demo dataset. Prints what a user would see (logs masked by
// the runner's rules, the job summary) and checks that nothing was left behind.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVaultDevServer } from '../test/vault-server/server.js';
import { seedDemo } from '../test/vault-server/seed.js';
import { Job, type StepResult } from '../test/runner/job.js';
import { maskLog } from '../test/runner/masker.js';
import { findIn, listTree, scanTree } from '../test/runner/leaks.js';

const SPEC = `secret/ci/app *                 | APP_
secret/ci/tls key               | TLS_KEY
secret/ci/config json           | CONFIG_JSON
secret/ci/config json.database.password | DB_ADMIN_PASSWORD
kv1/ci/legacy token             | LEGACY_TOKEN
database/creds/app username     | DB_USER
database/creds/app password     | DB_PASS`;

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const heading = (s: string): void => console.log(`\n${bold(`== ${s}`)}`);

function show(step: StepResult): void {
  for (const line of step.log.split('\n')) {
    // the runner shows ::debug:: lines only with step debug logging on
    if (line === '' || line === '::endgroup::' || line.startsWith('::debug::')) continue;
    const group = /^::group::(.*)$/.exec(line);
    const command = /^::(warning|error|notice|debug)[^:]*::(.*)$/.exec(line);
    if (group) console.log(`  ▸ ${group[1]}`);
    else if (command) console.log(`  ${command[1]}: ${command[2]}`);
    else console.log(`  ${line}`);
  }
}

/** The step summary's HTML table and list as plain text. */
function summaryText(html: string): string {
  return html
    .replace(/<\/t[hd]>\s*<t[hd]>/g, ' | ')
    .replace(/<\/?tr>/g, '\n')
    .replace(/<li>/g, '\n- ')
    .replace(/<h3>(.*?)<\/h3>/g, '\n### $1\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `  ${l}`)
    .join('\n');
}

const server = await startVaultDevServer();
const demo = seedDemo(server);
const job = new Job();
const bundle = join(job.workspace, 'dist', 'app.js');
let failed = 0;
const check = (ok: boolean, what: string): void => {
  console.log(`  ${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failed++;
};

try {
  heading(`Vault dev server at ${server.url}, seeded with the demo dataset`);
  console.log(
    SPEC.split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );

  heading('Step 1: the action (main), AppRole login, deliver: files');
  const main = await job.main({
    'vault-addr': server.url,
    'vault-method': 'approle',
    'vault-role-id': demo.approle.root.roleId,
    'vault-secret-id': demo.approle.root.secretId,
    secrets: SPEC,
    'scan-paths': 'dist',
    'on-leak': 'warn',
  });
  show(main);
  const dir = main.outputs['files-dir'] ?? '';
  const names = (main.outputs['names'] ?? '').split(' ').filter(Boolean);
  const values = names.map((n) => readFileSync(`${dir}/${n}`, 'utf8'));

  heading('Step 2: a later `run:` step uses the files (and misbehaves on purpose: prints them, bakes one into dist/)');
  for (const name of ['APP_PASSWORD', 'DB_PASS', 'TLS_KEY']) {
    const path = job.env[`${name}_FILE`] ?? '';
    const st = statSync(path);
    console.log(`  $${name}_FILE = ${path}  (mode ${(st.mode & 0o777).toString(8)}, ${st.size} bytes)`);
  }
  const password = readFileSync(job.env['APP_PASSWORD_FILE'] ?? '', 'utf8');
  const dbUser = readFileSync(job.env['DB_USER_FILE'] ?? '', 'utf8');
  const dbPass = readFileSync(job.env['DB_PASS_FILE'] ?? '', 'utf8');
  const printed = [
    `echo "$(cat $APP_PASSWORD_FILE)"          -> ${password}`,
    `... | base64 (inside a longer blob)      -> ${Buffer.from(`{"auth":"${password}"}`).toString('base64')}`,
    `... | xxd -p                             -> ${Buffer.from(password).toString('hex')}`,
    `docker auth for DB_USER:DB_PASS          -> ${Buffer.from(`${dbUser}:${dbPass}`).toString('base64')}`,
    `head -2 $TLS_KEY_FILE                    -> ${(job.env['TLS_KEY_FILE'] ? readFileSync(job.env['TLS_KEY_FILE'], 'utf8') : '').split('\n')[1] ?? ''}`,
  ].join('\n');
  console.log(
    maskLog(printed, main.masks)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  mkdirSync(join(job.workspace, 'dist'), { recursive: true });
  writeFileSync(
    bundle,
    `// built\nconst config = { api: "https://api.example", key: "${Buffer.from(`key=${password}`).toString('base64')}" };\n`,
  );
  writeFileSync(join(job.workspace, 'dist', 'index.html'), '<html></html>\n');
  console.log(`  wrote dist/app.js with APP_PASSWORD inside a base64 blob (the leak guard should find it)`);

  heading('Step 3: post (runs always): log out, revoke, shred, then the leak guard (on-leak: warn)');
  const post = await job.post();
  show(post);

  heading('Job summary');
  console.log(summaryText(job.summary));
  // npm run screenshots renders the summary as GitHub shows it, from this very run
  const summaryOut = process.env['DEMO_SUMMARY_FILE'];
  if (summaryOut) writeFileSync(summaryOut, job.summary);

  heading('Checks');
  check(main.exitCode === 0 && post.exitCode === 0, 'main and post succeeded');
  const token = server.requests.find((r) => r.path === 'database/creds/app')?.headers['x-vault-token'];
  check(typeof token === 'string' && server.isTokenRevoked(token), 'the Vault token main logged in with is revoked');
  check(server.leases().length === 1 && server.leases().every((l) => l.revoked), 'the database lease is revoked');
  check(
    listTree(dir).length === 0 && listTree(main.state['session-root'] ?? '').length === 0,
    'the session folder and every file in it are gone',
  );
  const all = [...values, demo.approle.root.secretId, ...(typeof token === 'string' ? [token] : [])];
  const leaks =
    job.steps.flatMap((s) => all.flatMap((v) => findIn(s.stdout + s.stderr, v))).length +
    all.flatMap((v) => findIn(job.summary, v)).length;
  check(
    leaks === 0,
    `no value in any step's output or the summary (${all.length} values, raw, lines, base64, hex, URL, JSON)`,
  );
  check(
    scanTree(job.dir, all).every((h) => h.file === bundle),
    'no value in any file the job left (runner files, temp folder), but the one planted in dist/app.js',
  );
  check(
    maskLog(printed, main.masks)
      .split('\n')
      .every((l) => l.includes('***')),
    "the misbehaving step's prints are all masked",
  );
  check(
    /leaked|Leaked secret/.test(post.stdout) &&
      post.stdout.includes('dist/app.js,line=2::secret APP_PASSWORD (as base64)'),
    'the leak guard found APP_PASSWORD (as base64) in dist/app.js, line 2',
  );
} finally {
  job.dispose();
  await server.close();
}
process.exit(failed === 0 ? 0 : 1);
