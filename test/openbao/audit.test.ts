// The audit trail on a real OpenBao with a file audit device, through dist/: the admin's one
// line (X-GitHub-Run recorded unhashed) makes every request of the run (login, mount lookup,
// reads, lookup-self, revoke-self in post) carry the run's identity in the audit log; the
// summary's request ids are the log's `request.id` of those very requests; with
// vault-audit-headers: false no entry has the header; and no value or token is in the log in
// clear, in any encoding (the header is recorded unhashed, so one carrying a value would show).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { findIn } from '../runner/leaks.js';
import { RUN_ENV, RUN_HEADER_VALUE, summaryIds, UUID } from '../e2e/run-identity.js';
import { expectClean, expectTokenGone, runJob, secret, userpassLogin, writePolicy } from './harness.js';

const ready = peersReady('openbao audit tests', ['bao']);

interface AuditEntry {
  type: 'request' | 'response';
  request: { id: string; path: string; headers?: Record<string, string[]> };
}

const values = { password: secret('pw'), apiKey: secret('key'), token: secret('tok') };
const SPEC = 'secret/ci/app password | APP_PW\nsecret/ci/app api_key | API_KEY\nsecret/ci/other token | OTHER';

let bao: OpenBao;
let dir: string;
let auditFile: string;
let login: Awaited<ReturnType<typeof userpassLogin>>;

/** The audit log's lines from `from` on, parsed. */
function entries(from: number): AuditEntry[] {
  return auditLines()
    .slice(from)
    .map((l) => JSON.parse(l) as AuditEntry);
}
const auditLines = (): string[] => readFileSync(auditFile, 'utf8').split('\n').filter(Boolean);

describe.runIf(ready)('audit trail on OpenBao', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-'));
    auditFile = join(dir, 'audit.log');
    // OpenBao 2.x enables audit devices through the API only when its configuration allows it
    bao = await startOpenBao({ config: 'unsafe_allow_api_audit_creation = true\n' });
    await bao.must('PUT', 'sys/audit/file', { type: 'file', options: { file_path: auditFile } });
    // the README's one line: vault write sys/config/auditing/request-headers/X-GitHub-Run hmac=false
    await bao.must('PUT', 'sys/config/auditing/request-headers/X-GitHub-Run', { hmac: false });
    await bao.must('POST', 'secret/data/ci/app', { data: { password: values.password, api_key: values.apiKey } });
    await bao.must('POST', 'secret/data/ci/other', { data: { token: values.token } });
    await writePolicy(bao, 'ci-audit', { 'secret/data/ci/*': ['read'] });
    login = await userpassLogin(bao, ['ci-audit']);
  }, 60_000);
  afterAll(async () => {
    await bao.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records the run's identity on every request of main and post, and the summary's ids are its request ids", async () => {
    const job = new Job(RUN_ENV);
    try {
      const from = auditLines().length;
      const run = await runJob(job, { 'vault-addr': bao.addr, ...login.inputs, secrets: SPEC });
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      const log = entries(from);
      const paths = new Set(log.map((e) => e.request.path));
      for (const p of [
        `auth/userpass/login/${login.inputs['vault-username'] ?? ''}`,
        'sys/internal/ui/mounts/secret/ci/app',
        'secret/data/ci/app',
        'secret/data/ci/other',
        'auth/token/lookup-self',
        'auth/token/revoke-self',
      ])
        expect(paths, p).toContain(p);
      // request and response entries alike: the run made every request in this window
      for (const e of log)
        expect(e.request.headers?.['x-github-run'], `${e.type} ${e.request.path}`).toEqual([RUN_HEADER_VALUE]);

      const ids = summaryIds(job.summary);
      expect(ids.map((i) => i.operation)).toEqual(expect.arrayContaining(['login', 'read']));
      expect(ids.filter((i) => i.operation === 'read').map((i) => i.path)).toEqual(
        expect.arrayContaining(['secret/data/ci/app', 'secret/data/ci/other']),
      );
      for (const { id, path } of ids) {
        expect(id).toMatch(UUID);
        const found = log.filter((e) => e.request.id === id);
        expect(found.map((e) => e.type).sort(), `${path}: ${id}`).toEqual(['request', 'response']);
        expect(found.every((e) => e.request.path === path)).toBe(true);
      }

      // OpenBao hashes values and tokens; the header is recorded as sent
      const text = readFileSync(auditFile, 'utf8');
      for (const [i, v] of [...Object.values(values), login.password, run.token].entries())
        expect(findIn(text, v), `audit log holds secret #${i}`).toEqual([]);
      await expectTokenGone(bao, run.token);
      expectClean(job, run, [...Object.values(values), login.password]);
    } finally {
      job.dispose();
    }
  }, 120_000);

  it('vault-audit-headers: false: no entry of the run has the header', async () => {
    const job = new Job(RUN_ENV);
    try {
      const from = auditLines().length;
      const run = await runJob(job, {
        'vault-addr': bao.addr,
        ...login.inputs,
        secrets: SPEC,
        'vault-audit-headers': 'false',
      });
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      const log = entries(from);
      expect(log.length).toBeGreaterThan(6);
      expect(log.filter((e) => e.request.headers?.['x-github-run'] !== undefined)).toEqual([]);
      expectClean(job, run, [...Object.values(values), login.password]);
    } finally {
      job.dispose();
    }
  }, 120_000);
});
