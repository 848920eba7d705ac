// The action under a real, independent runner: nektos/act in host mode runs
// test/act/vault-act.yml (checkout, main and post, a step printing every form of each
// value, the guard step, a cache path) against a real OpenBao seeded with the demo data.
// Everything is read back from act itself (its log, the files it leaves) and from
// OpenBao (the token and its lease after post).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ACTION_NODE, ROOT } from '../runner/job.js';
import { findIn, listTree, scanTree } from '../runner/leaks.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { openBaoLeases, seedOpenBaoDemo, type OpenBaoDemoData } from '../peers/seed-openbao.js';
import { DEMO } from '../vault-server/seed.js';

/** The command the README's "Running under act" section shows, run as it is (with bash) at a repository's root. */
export const ACT_COMMAND =
  'act push -W test/act/vault-act.yml -P ubuntu-latest=-self-hosted ' +
  '--var VAULT_ADDR="$VAULT_ADDR" --var VAULT_ROLE_ID="$VAULT_ROLE_ID" -s VAULT_SECRET_ID --env PROBE_DIR="$PROBE_DIR"';

const ready = peersReady('act suite', ['act', 'bao']);

describe.runIf(ready)('the action under act (host mode) against OpenBao', () => {
  let bao: OpenBao;
  let demo: OpenBaoDemoData;
  const dir = mkdtempSync(join(tmpdir(), 'act-test-'));
  const probe = join(dir, 'probe');
  // act keeps its host workspace and its cache server's store under XDG_CACHE_HOME
  const cache = join(dir, 'xdg-cache');
  let run: SpawnSyncReturns<string>;
  let log: string;

  // act copies the work tree it runs in for actions/checkout: a snapshot of what the
  // workflow uses, committed to its own git repository (act reads the sha and ref from it),
  // so files other tests create in the repository meanwhile cannot disturb the copy
  const repo = join(dir, 'repo');

  beforeAll(async () => {
    for (const entry of ['action.yml', 'package.json', '.gitignore', 'dist', 'guard', 'test/act'])
      cpSync(join(ROOT, entry), join(repo, entry), { recursive: true });
    const git = (...args: string[]): void => {
      const r = spawnSync('git', ['-c', 'user.name=act test', '-c', 'user.email=act@example.invalid', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    };
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'snapshot');
    mkdirSync(probe);
    mkdirSync(cache);
    bao = await startOpenBao();
    demo = await seedOpenBaoDemo(bao);
    // vault-token-delivery gives later steps a child token: the role's tokens may create one
    await bao.must('PUT', 'sys/policies/acl/ci-mint', {
      policy: 'path "auth/token/create" {\n  capabilities = ["update"]\n}',
    });
    await bao.must('POST', `auth/${DEMO.mounts.approle}/role/${DEMO.role}`, {
      token_policies: [DEMO.policy, 'ci-mint'],
    });
    run = spawnSync('bash', ['-c', ACT_COMMAND], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 240_000,
      env: {
        ...process.env,
        // act runs JavaScript actions with the `node` on PATH: ACTION_NODE's (Node 24 in CI's second pass) first
        PATH: `${dirname(ACTION_NODE)}:${process.env['PATH'] ?? ''}`,
        ACT_DISABLE_VERSION_CHECK: '1',
        XDG_CACHE_HOME: cache,
        VAULT_ADDR: bao.addr,
        VAULT_ROLE_ID: demo.approle.roleId,
        VAULT_SECRET_ID: demo.approle.secretId,
        PROBE_DIR: probe,
      },
    });
    log = run.stdout + run.stderr;
  }, 300_000);

  afterAll(async () => {
    await bao.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The values the workflow prints (FORMS_OF), from what was seeded. */
  const printed = (): Record<string, string> => ({
    APP_PASSWORD: demo.secrets.app.password,
    APP_API_KEY: demo.secrets.app.api_key,
    TLS_KEY: demo.secrets.tls.key,
    ODD_UNICODE: 'pässwörd-✓-密码',
    ODD_PERCENT: '100%%done%0A',
    LEGACY_TOKEN: demo.secrets.legacy.token,
  });

  it('runs the job to the end: checkout copied, main, the steps, guard and post all succeed', () => {
    expect(run.status, log).toBe(0);
    expect(log).toContain('🏁  Job succeeded');
    expect(log).toContain(`| node ${spawnSync(ACTION_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}\n`);
    for (const step of ['Main actions/checkout@v4', 'Main ./', 'Main ./guard', 'Post ./'])
      expect(log).toContain(`✅  Success - ${step}`);
  });

  it('every printed form of every value is *** in act’s log, and no form is in it anywhere', () => {
    const forms = log.split('\n').filter((l) => /\| form [A-Z_]+ /.test(l));
    // FORMS_OF names 8 values; each prints raw, its lines, 6 base64 forms, hex, URL and JSON
    expect(forms.length).toBeGreaterThan(8 * 11);
    for (const line of forms) expect(line, line.replace(/: .*/, '')).toContain('***');
    // a value without `::` or a literal %0A is masked whole, in each of these forms
    for (const name of ['APP_API_KEY', 'LEGACY_TOKEN', 'VAULT_TOKEN', 'ODD_UNICODE'])
      for (const form of ['raw', 'line 1', 'hex', 'url', 'json'])
        expect(log).toContain(`| form ${name} ${form}: ***\n`);
    // act reads `::` inside ::add-mask:: data as part of the command's name and prints the line: none may reach it
    expect(log).not.toMatch(/::add-mask::/);
    const values = [...Object.values(printed()), demo.approle.secretId];
    for (const value of values) expect(findIn(log, value)).toEqual([]);
  });

  it('a value holding `::` (APP_PASSWORD) is masked around it: act can only be given its pieces', () => {
    expect(demo.secrets.app.password).toContain('::');
    expect(log).toContain('| form APP_PASSWORD raw: ***::***\n');
    expect(log).toContain(
      "::warning::APP_PASSWORD holds two colons in a row, or a percent sign followed by 0A or 0D, which act's mask command cannot take",
    );
    // ODD_PERCENT (100%%done%0A) is warned about for its %0A (act prints a warning's text undecoded: no % in it); APP_API_KEY, a plain value, is not
    expect(log).toContain('::warning::ODD_PERCENT holds two colons in a row, or a percent sign');
    expect(log).not.toContain('::warning::APP_API_KEY holds');
  });

  it('the secret files are 0600 in a 0700 folder during the job', () => {
    expect(log).toMatch(/\| 700 \/dev\/shm\/vault-secrets-\w+\/files\n/);
    for (const name of ['APP_PASSWORD', 'TLS_KEY', 'VAULT_TOKEN'])
      expect(log).toMatch(new RegExp(`\\| 600 /dev/shm/vault-secrets-\\w+/files/${name}\\n`));
    expect(log).toContain('| private: ok');
  });

  it('post revoked the token (OpenBao no longer knows its accessor) and its lease, and shredded the session', async () => {
    expect(log).toContain('| token live: ttl');
    const accessor = readFileSync(join(probe, 'accessor'), 'utf8');
    const lookup = await bao.api('POST', 'auth/token/lookup-accessor', { accessor });
    expect(lookup.status).toBe(400);
    expect(lookup.text).toContain('invalid accessor');
    expect(await openBaoLeases(bao, 'auth/approle/login/')).toEqual([]);
    expect(log).toContain('| revoked the child token later steps got');
    expect(log).toContain('| revoked the Vault token');
    const session = /Wrote \d+ file\(s\) \(0600\) to (\/dev\/shm\/vault-secrets-\w+)\/files/.exec(log)?.[1] ?? '';
    expect(session).not.toBe('');
    expect(log).toMatch(/\| shredded and removed (1[3-9]|[2-9]\d) file\(s\),/); // the secrets, token, forms, records
    expect(existsSync(session)).toBe(false);
  });

  it('caching does what the README says under act: skipped with the notice, nothing stored in act’s cache server', () => {
    expect(log).toContain(
      '::notice::cache: act: its cache server speaks only the retired v1 protocol: restore and save are skipped.',
    );
    expect(log).toContain('cache: not saved (act: its cache server speaks only the retired v1 protocol)');
    const store = join(cache, 'actcache', 'cache');
    expect(existsSync(store)).toBe(true);
    expect(listTree(store).filter((p) => statSync(p).isFile())).toEqual([]);
  });

  it('the guard step finds the secret in the build output; act leaves no value in any file', () => {
    expect(log).toMatch(
      /::warning title=Leaked secret,file=[^,]*\/out\/app\.js,line=1::secret APP_PASSWORD \(as base64\)/,
    );
    // act removes its host workspace after the job; what is left under its cache folder holds no value
    const values = [...Object.values(printed()), demo.approle.secretId];
    expect(scanTree(cache, values)).toEqual([]);
  });

  it('the README shows this exact command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.replace(/ \\\n\s*/g, ' ')).toContain(ACT_COMMAND);
  });
});
