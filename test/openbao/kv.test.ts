// KV v1 and v2 on a real OpenBao through dist/, under least-privilege policies as users
// write them: `read` on the secret paths (KV v2: its data/ paths; `list` on metadata/ for
// folders) plus the default policy. The mount preflight, the v1/v2 path rules, a deleted
// latest version and the errors are OpenBao's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../runner/job.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { errorLine } from '../e2e/fixture.js';
import {
  expectClean,
  expectLeasesGone,
  expectTokenGone,
  NOISY,
  runJob,
  secret,
  userpassLogin,
  writePolicy,
} from './harness.js';

const ready = peersReady('openbao tests', ['bao']);

const values = {
  username: secret('user'),
  password: secret('pw'),
  oldPassword: secret('old'),
  apiKey: secret('key'),
  dbHost: secret('host'),
  dbPass: secret('dbpw'),
  legacy: secret('legacy'),
  leafA: secret('leafa'),
  leafB: secret('leafb'),
  leafC: secret('leafc'),
  deletedNow: secret('del'),
  deletedOld: secret('delold'),
  hidden: secret('hidden'),
};
const all = Object.values(values);

let bao: OpenBao;
let login: Awaited<ReturnType<typeof userpassLogin>>;

describe.runIf(ready)('KV on OpenBao, least privilege', () => {
  beforeAll(async () => {
    bao = await startOpenBao();
    // secret/ is KV v2 in dev mode; kv1/ is a KV v1 mount.
    await bao.must('POST', 'sys/mounts/kv1', { type: 'kv', options: { version: '1' } });
    await bao.must('POST', 'sys/mounts/pki', { type: 'pki' });
    const put = (path: string, data: unknown): Promise<unknown> => bao.must('POST', path, data);
    await put('secret/data/ci/app', { data: { username: values.username, password: values.oldPassword } });
    await put('secret/data/ci/app', {
      data: { username: values.username, password: values.password, api_key: values.apiKey },
    });
    const config = JSON.stringify({ db: { host: values.dbHost, password: values.dbPass } });
    await put('secret/data/ci/config', { data: { json: config } });
    await put('secret/data/ci/tree/a', { data: { token: values.leafA } });
    await put('secret/data/ci/tree/sub/b', { data: { token: values.leafB } });
    await put('secret/data/ci/tree/sub/deeper/c', { data: { token: values.leafC } });
    await put('secret/data/ci/deleted', { data: { value: values.deletedOld } });
    await put('secret/data/ci/deleted', { data: { value: values.deletedNow } });
    await bao.must('DELETE', 'secret/data/ci/deleted'); // soft-deletes the latest version (2)
    await put('secret/data/ci/hidden', { data: { value: values.hidden } });
    await put('secret/data/ci/v1style', { data: { value: values.hidden } });
    await put('kv1/ci/legacy', { token: values.legacy });
    await writePolicy(bao, 'ci-read', {
      'secret/data/ci/app': ['read'],
      'secret/data/ci/config': ['read'],
      'secret/data/ci/deleted': ['read'],
      'kv1/ci/legacy': ['read'],
      'kv1/ci/nothing': ['read'],
      'pki/issue/ci': ['read', 'update'],
      'secret/data/ci/missing': ['read'],
      // written as for KV v1: on KV v2 the read is secret/data/ci/v1style, which this does not grant
      'secret/ci/v1style': ['read'],
      // a `**` folder: list on the metadata folders, read on the data below
      'secret/metadata/ci/tree/': ['list'],
      'secret/metadata/ci/tree/*': ['list'],
      'secret/data/ci/tree/*': ['read'],
      'secret/metadata/ci/nofolder/': ['list'],
    });
    login = await userpassLogin(bao, ['ci-read']);
  }, 60_000);
  afterAll(async () => {
    await bao.stop();
  });

  const run = async (
    secrets: string,
    extra: Record<string, string> = {},
  ): Promise<{ job: Job; r: Awaited<ReturnType<typeof runJob>> }> => {
    const job = new Job(NOISY);
    const r = await runJob(job, { 'vault-addr': bao.addr, secrets, ...login.inputs, ...extra });
    return { job, r };
  };

  it('reads KV v2 (*, a key, a version, a JSON sub-key), KV v1 and a ** folder; post revokes the token', async () => {
    const spec = [
      'secret/ci/app *                     | APP_',
      'secret/data/ci/app password         | VA_STYLE ;',
      'secret/ci/app?version=1 password    | OLD_PW',
      'secret/ci/config json.db.host       | DB_HOST',
      'kv1/ci/legacy token                 | LEGACY',
      'secret/ci/tree/ **                  | TREE_',
      'secret/ci/deleted?version=1 value   | DELETED_OLD',
    ].join('\n');
    const { job, r } = await run(spec);
    try {
      expect(r.main.exitCode, r.main.stdout + r.main.stderr).toBe(0);
      expect(r.files).toEqual({
        APP_USERNAME: values.username,
        APP_PASSWORD: values.password,
        APP_API_KEY: values.apiKey,
        VA_STYLE: values.password,
        OLD_PW: values.oldPassword,
        DB_HOST: values.dbHost,
        LEGACY: values.legacy,
        TREE_A_TOKEN: values.leafA,
        TREE_SUB_B_TOKEN: values.leafB,
        TREE_SUB_DEEPER_C_TOKEN: values.leafC,
        DELETED_OLD: values.deletedOld,
      });
      for (const v of Object.values(r.files)) expect(r.main.masks).toContain(v);
      expect(r.token).toMatch(/^s\./);
      expect(r.main.masks).toContain(r.token);
      await expectTokenGone(bao, r.token);
      await expectLeasesGone(bao, 'auth/userpass/login/', []);
      expectClean(job, r, [...all, login.password]);
    } finally {
      job.dispose();
    }
  });

  it('a KV v2 secret whose latest version is deleted: a clear error naming the line and ?version=, no value', async () => {
    const { job, r } = await run('secret/ci/app password | PW\nsecret/ci/deleted value | DELETED');
    try {
      expect(r.main.exitCode).toBe(1);
      const line = errorLine(r.main.stdout);
      expect(line).toContain('secrets line 2');
      expect(line).toContain('secret/ci/deleted: version 2 of this KV v2 secret was deleted (HTTP 404)');
      expect(line).toContain('kv undelete -versions=2');
      expect(line).toContain('?version=1');
      await expectTokenGone(bao, r.token);
      expectClean(job, r, [...all, login.password]);
    } finally {
      job.dispose();
    }
  });

  it('403 under the real policy, 404, a wrong mount type: each names the line and the fix, no value', async () => {
    const cases: { spec: string; expect: RegExp[] }[] = [
      {
        spec: 'secret/ci/hidden value | HIDDEN',
        expect: [
          /secrets line 1/,
          /HTTP 403/,
          /permission denied/,
          /policies grant this on "secret\/data\/ci\/hidden"/,
        ],
      },
      // a policy written for KV v1 on a KV v2 mount: the error names the data/ path the policy must grant
      { spec: 'secret/ci/v1style value | V1', expect: [/secrets line 1/, /HTTP 403/, /"secret\/data\/ci\/v1style"/] },
      { spec: 'secret/ci/missing value | MISSING', expect: [/secrets line 1/, /HTTP 404/, /exists at that path/] },
      { spec: 'kv1/ci/nothing value | MISSING', expect: [/secrets line 1/, /HTTP 404/, /exists at that path/] },
      // folders: one that is not there, one the policy does not let the token list
      {
        spec: 'secret/ci/app password | PW\nsecret/ci/nofolder/ ** | X_',
        expect: [/secrets line 2: nothing to list under secret\/ci\/nofolder\/ \(HTTP 404/],
      },
      { spec: 'secret/ci/hidden/ * | H_', expect: [/secrets line 1: .*HTTP 403/, /"secret\/metadata\/ci\/hidden\/"/] },
      // a path of another engine that is not read: PKI issues with vault-pki
      { spec: 'pki/issue/ci certificate | C', expect: [/secrets line 1/, /HTTP 405/, /vault-pki/] },
      // a wrong mount type for the line: versions exist on KV v2 only
      { spec: 'kv1/ci/legacy?version=2 token | OLD', expect: [/secrets line 1/, /KV v2 only/, /Remove \?version=/] },
    ];
    for (const c of cases) {
      const { job, r } = await run(c.spec);
      try {
        expect(r.main.exitCode, c.spec).toBe(1);
        const line = errorLine(r.main.stdout);
        for (const re of c.expect) expect(line, c.spec).toMatch(re);
        await expectTokenGone(bao, r.token);
        expectClean(job, r, [...all, login.password]);
      } finally {
        job.dispose();
      }
    }
  });

  it('a KV v1 mount read with data/ (a KV v2 spelling) is a clear error naming the line and the fix', async () => {
    const { job, r } = await run('kv1/data/ci/legacy token | LEGACY');
    try {
      expect(r.main.exitCode).toBe(1);
      const line = errorLine(r.main.stdout);
      expect(line).toContain('secrets line 1');
      expect(line).toContain('kv1/ is a KV v1 mount, where data/ is part of the path');
      expect(line).toContain('write kv1/ci/legacy.');
      expectClean(job, r, [...all, login.password]);
    } finally {
      job.dispose();
    }
  });
});
