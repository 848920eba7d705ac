// npm run demo: the bundled action end to end, as the runner runs it, against the
// Vault dev server with the demo dataset (or, with `--server openbao`, a real OpenBao
// seeded with the same data). Prints what a user would see (logs masked by the
// runner's rules, the job summary) and checks that nothing was left behind.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startVaultDevServer } from '../test/vault-server/server.js';
import { seedDemo } from '../test/vault-server/seed.js';
import { POSTGRES_BIN } from '../test/peers/available.js';
import { startOpenBao } from '../test/peers/openbao.js';
import { startPostgres } from '../test/peers/postgres.js';
import { openBaoLeases, openBaoTokenAlive, seedOpenBaoDemo } from '../test/peers/seed-openbao.js';
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

/** The server the demo runs against, seeded with the demo dataset, and how to ask it what is still live. */
interface Target {
  readonly title: string;
  readonly url: string;
  readonly approle: { readonly roleId: string; readonly secretId: string };
  /** Without a database engine (OpenBao with no PostgreSQL here), the database lines are left out. */
  readonly database: boolean;
  tokenRevoked(token: string): Promise<boolean>;
  /** Called before post: the lease check to run after it, or undefined when there is no database. */
  leaseCheck(creds: { username: string; password: string }): Promise<(() => Promise<[boolean, string]>) | undefined>;
  close(): Promise<void>;
}

async function devServer(): Promise<Target> {
  const server = await startVaultDevServer();
  const demo = seedDemo(server);
  return {
    title: `Vault dev server at ${server.url}, seeded with the demo dataset`,
    url: server.url,
    approle: demo.approle.root,
    database: true,
    tokenRevoked: (token) => Promise.resolve(server.isTokenRevoked(token)),
    leaseCheck: () =>
      Promise.resolve(() =>
        Promise.resolve<[boolean, string]>([
          server.leases().length === 1 && server.leases().every((l) => l.revoked),
          'the database lease is revoked',
        ]),
      ),
    close: () => server.close(),
  };
}

async function openBao(): Promise<Target> {
  const bao = await startOpenBao();
  const postgres = POSTGRES_BIN
    ? await startPostgres().catch(async (err: unknown) => {
        await bao.stop();
        throw err;
      })
    : undefined;
  try {
    const demo = await seedOpenBaoDemo(bao, { ...(postgres ? { postgres } : {}) });
    const version = ((await bao.must('GET', 'sys/health')) as { version?: string }).version ?? '?';
    const prefix = 'database/creds/app/';
    return {
      title: `OpenBao ${version} (bao server -dev) at ${bao.addr}, seeded with the demo dataset${
        postgres ? `, database engine on PostgreSQL at 127.0.0.1:${postgres.port}` : ''
      }`,
      url: bao.addr,
      approle: demo.approle,
      database: demo.database,
      tokenRevoked: async (token) => !(await openBaoTokenAlive(bao, token)),
      async leaseCheck(creds) {
        if (!postgres) return undefined;
        const before = await openBaoLeases(bao, prefix);
        const loggedIn = postgres.psql(creds.username, creds.password, 'select 1').status === 0;
        return async () => [
          before.length === 1 &&
            loggedIn &&
            (await openBaoLeases(bao, prefix)).length === 0 &&
            postgres.psql(creds.username, creds.password, 'select 1').status !== 0,
          'the database lease is revoked (OpenBao lists none; the PostgreSQL user that logged in during the job no longer can)',
        ];
      },
      async close() {
        await bao.stop();
        await postgres?.stop();
      },
    };
  } catch (err) {
    await bao.stop();
    await postgres?.stop();
    throw err;
  }
}

const { values: args } = parseArgs({ options: { server: { type: 'string', default: 'dev' } } });
if (args.server !== 'dev' && args.server !== 'openbao') {
  console.error(`--server ${args.server}: unknown server. Use --server dev (the default) or --server openbao.`);
  process.exit(2);
}

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

const target = args.server === 'openbao' ? await openBao() : await devServer();
const spec = target.database
  ? SPEC
  : SPEC.split('\n')
      .filter((l) => !l.startsWith('database/'))
      .join('\n');
const job = new Job();
const bundle = join(job.workspace, 'dist', 'app.js');
let failed = 0;
const check = (ok: boolean, what: string): void => {
  console.log(`  ${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failed++;
};

try {
  heading(target.title);
  if (!target.database)
    console.log('  no PostgreSQL on this machine: no database engine, so the database/creds lines are left out');
  console.log(
    spec
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );

  heading('Step 1: the action (main), AppRole login, deliver: files');
  const main = await job.main({
    'vault-addr': target.url,
    'vault-method': 'approle',
    'vault-role-id': target.approle.roleId,
    'vault-secret-id': target.approle.secretId,
    secrets: spec,
    'scan-paths': 'dist',
    'on-leak': 'warn',
  });
  show(main);
  const dir = main.outputs['files-dir'] ?? '';
  const names = (main.outputs['names'] ?? '').split(' ').filter(Boolean);
  const values = names.map((n) => readFileSync(`${dir}/${n}`, 'utf8'));

  heading('Step 2: a later `run:` step uses the files (and misbehaves on purpose: prints them, bakes one into dist/)');
  for (const name of ['APP_PASSWORD', ...(target.database ? ['DB_PASS'] : []), 'TLS_KEY']) {
    const path = job.env[`${name}_FILE`] ?? '';
    const st = statSync(path);
    console.log(`  $${name}_FILE = ${path}  (mode ${(st.mode & 0o777).toString(8)}, ${st.size} bytes)`);
  }
  const password = readFileSync(job.env['APP_PASSWORD_FILE'] ?? '', 'utf8');
  const db = target.database
    ? {
        username: readFileSync(job.env['DB_USER_FILE'] ?? '', 'utf8'),
        password: readFileSync(job.env['DB_PASS_FILE'] ?? '', 'utf8'),
      }
    : undefined;
  const printed = [
    `echo "$(cat $APP_PASSWORD_FILE)"          -> ${password}`,
    `... | base64 (inside a longer blob)      -> ${Buffer.from(`{"auth":"${password}"}`).toString('base64')}`,
    `... | xxd -p                             -> ${Buffer.from(password).toString('hex')}`,
    ...(db
      ? [
          `docker auth for DB_USER:DB_PASS          -> ${Buffer.from(`${db.username}:${db.password}`).toString('base64')}`,
        ]
      : []),
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

  // The token main logged in with, from its session's private file (post shreds it), to ask the server after post.
  const token = readFileSync(join(main.state['session-root'] ?? '', 'private', 'vault-token'), 'utf8').trim();
  const leaseCheck = db ? await target.leaseCheck(db) : undefined;

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
  check(token !== '' && (await target.tokenRevoked(token)), 'the Vault token main logged in with is revoked');
  if (leaseCheck) check(...(await leaseCheck()));
  else console.log('  - no database lease to check (no database engine)');
  check(
    listTree(dir).length === 0 && listTree(main.state['session-root'] ?? '').length === 0,
    'the session folder and every file in it are gone',
  );
  const all = [...values, target.approle.secretId, ...(token ? [token] : [])];
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
  await target.close();
}
process.exit(failed === 0 ? 0 : 1);
