// The local stand-in for GitHub's cache service (test/cache-server), exercised two ways:
// - through the real @actions/cache v6, each call in a child Node process with the environment a
//   runner would give a step (test/cache-server/step.ts), shelling out to tar and zstd as on a runner;
// - over raw HTTP, the three twirp routes and the SAS URLs they hand out, as the client's pieces see them.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlockBlobClient } from '@azure/storage-blob';
import { transform } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DUPLICATE_MESSAGE,
  TWIRP_PREFIX,
  findEntry,
  startCacheService,
  type CacheService,
  type RecordedRequest,
} from '../cache-server/server.js';
import type { StepOutcome, StepRequest } from '../cache-server/step.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const STEP = join('test', 'cache-server', 'step.ts');
const RESULT_MARKER = 'cache-step-result ';

let svc: CacheService;
let scratch: string;
let stepCode: string;

beforeAll(async () => {
  stepCode = (
    await transform(readFileSync(join(REPO, STEP), 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' })
  ).code;
  svc = await startCacheService();
  scratch = mkdtempSync(join(tmpdir(), 'cache-server-test-'));
});
afterAll(async () => {
  await svc.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface StepRun {
  outcome: StepOutcome;
  stdout: string;
  stderr: string;
}

/** One step: a fresh Node process with only the variables a runner step would have. */
function runStep(
  workspace: string,
  request: StepRequest,
  serviceEnv: Record<string, string> = { ...svc.env },
): Promise<StepRun> {
  const runnerTemp = `${workspace}-runner-temp`;
  mkdirSync(runnerTemp, { recursive: true });
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    ...serviceEnv,
    CACHE_STEP_REQUEST: JSON.stringify(request),
  };
  return new Promise((resolve, reject) => {
    // cwd: the repository, for `import '@actions/cache'` to resolve; the step moves to the workspace
    const child = spawn(process.execPath, ['--input-type=module', '-e', stepCode], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`step exited with ${code}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
        return;
      }
      resolve({ outcome: JSON.parse(line.slice(RESULT_MARKER.length)) as StepOutcome, stdout, stderr });
    });
  });
}

function value(run: StepRun): unknown {
  if ('error' in run.outcome) throw new Error(`step threw ${run.outcome.name}: ${run.outcome.error}\n${run.stdout}`);
  return run.outcome.value;
}

/** A fresh workspace with a `data` folder: text, nested folders and a binary file. */
function newWorkspace(seed: string): string {
  const ws = mkdtempSync(join(scratch, 'ws-'));
  writeData(ws, seed);
  return ws;
}

function writeData(ws: string, seed: string): void {
  rmSync(join(ws, 'data'), { recursive: true, force: true });
  mkdirSync(join(ws, 'data', 'sub', 'deep'), { recursive: true });
  writeFileSync(join(ws, 'data', 'a.txt'), `alpha ${seed}\n`);
  writeFileSync(join(ws, 'data', 'sub', 'b.bin'), randomBytes(96 * 1024));
  writeFileSync(join(ws, 'data', 'sub', 'deep', 'c.txt'), `gamma ${seed}\n`);
}

/** relative path -> sha256 of every file under `dir`. */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

const short = (r: RecordedRequest) =>
  `${r.service} ${r.method} ${r.service === 'twirp' ? r.path.slice(TWIRP_PREFIX.length) : r.comp || '-'} ${r.status}`;
const requestsSince = (mark: number) => svc.requests.slice(mark).map(short);

describe('@actions/cache v6 against the stand-in', () => {
  it('isFeatureAvailable() is true with the service env and false without it', async () => {
    const ws = newWorkspace('available');
    const [withEnv, without, onlyV2Flag] = await Promise.all([
      runStep(ws, { op: 'available' }),
      runStep(ws, { op: 'available' }, {}),
      runStep(ws, { op: 'available' }, { ACTIONS_CACHE_SERVICE_V2: 'true' }),
    ]);
    expect(value(withEnv)).toBe(true);
    expect(value(without)).toBe(false);
    expect(value(onlyV2Flag)).toBe(false);
  });

  it('saves a folder, then restores it by its exact key after it is deleted', async () => {
    const ws = newWorkspace('exact');
    const before = digest(join(ws, 'data'));
    const mark = svc.requests.length;

    const id = value(await runStep(ws, { op: 'save', paths: ['data'], key: 'exact-linux-1' }));
    expect(typeof id === 'number' && id > 0, `cache id ${String(id)}`).toBe(true);
    const entry = svc.entries().find((e) => e.key === 'exact-linux-1');
    expect(entry).toMatchObject({ id, finalized: true });
    expect(entry?.sizeBytes).toBeGreaterThan(0);
    // a small archive: one Put Blob straight to the signed URL, between reserve and finalize
    expect(requestsSince(mark)).toEqual([
      'twirp POST CreateCacheEntry 200',
      'blob PUT - 201',
      'twirp POST FinalizeCacheEntryUpload 200',
    ]);

    rmSync(join(ws, 'data'), { recursive: true });
    const restoreMark = svc.requests.length;
    const restored = await runStep(ws, { op: 'restore', paths: ['data'], key: 'exact-linux-1' });
    expect(value(restored)).toBe('exact-linux-1');
    expect(restored.stdout).toContain('Cache hit for: exact-linux-1');
    expect(digest(join(ws, 'data'))).toEqual(before);
    // the download is a plain GET of the signed URL (the host is not *.blob.core.windows.net)
    expect(requestsSince(restoreMark)).toEqual(['twirp POST GetCacheEntryDownloadURL 200', 'blob GET - 200']);
    // the client masks the SAS signature it was handed
    expect(restored.stdout).toMatch(/^::add-mask::\S+$/m);
  });

  it('restores by a restore key, newest matching entry first', async () => {
    const ws = newWorkspace('first');
    expect(value(await runStep(ws, { op: 'save', paths: ['data'], key: 'prefix-node-1' }))).toEqual(expect.any(Number));
    writeData(ws, 'second');
    const second = digest(join(ws, 'data'));
    expect(value(await runStep(ws, { op: 'save', paths: ['data'], key: 'prefix-node-2' }))).toEqual(expect.any(Number));

    rmSync(join(ws, 'data'), { recursive: true });
    const restored = await runStep(ws, {
      op: 'restore',
      paths: ['data'],
      key: 'prefix-node-3',
      restoreKeys: ['prefix-other-', 'prefix-node-'],
    });
    expect(value(restored)).toBe('prefix-node-2');
    expect(restored.stdout).toContain('Cache hit for restore-key: prefix-node-2');
    expect(digest(join(ws, 'data'))).toEqual(second);

    // lookupOnly answers without downloading
    const mark = svc.requests.length;
    const lookup = await runStep(ws, { op: 'restore', paths: ['data'], key: 'prefix-node-1', lookupOnly: true });
    expect(value(lookup)).toBe('prefix-node-1');
    expect(requestsSince(mark)).toEqual(['twirp POST GetCacheEntryDownloadURL 200']);
  });

  it('a miss returns undefined and leaves the folder alone, including a key saved for other paths', async () => {
    const ws = newWorkspace('miss');
    expect(value(await runStep(ws, { op: 'save', paths: ['data'], key: 'miss-saved' }))).toEqual(expect.any(Number));
    writeData(ws, 'untouched');
    const untouched = digest(join(ws, 'data'));

    const [absent, otherPaths] = await Promise.all([
      runStep(ws, { op: 'restore', paths: ['data'], key: 'miss-absent', restoreKeys: ['miss-nothing-'] }),
      // the version hashes the paths (and the compression): the same key saved for ['data'] does not match
      runStep(ws, { op: 'restore', paths: ['data', 'more'], key: 'miss-saved' }),
    ]);
    expect(value(absent)).toBeNull();
    expect(value(otherPaths)).toBeNull();
    expect(absent.stdout).not.toMatch(/^::(warning|error)::/m);
    expect(digest(join(ws, 'data'))).toEqual(untouched);
  });

  it('a second save of the same key is refused at reservation (409), reported as info, and nothing is uploaded', async () => {
    const ws = newWorkspace('dup');
    const first = value(await runStep(ws, { op: 'save', paths: ['data'], key: 'dup-key' }));
    expect(first).toEqual(expect.any(Number));
    writeData(ws, 'changed');

    const mark = svc.requests.length;
    const again = await runStep(ws, { op: 'save', paths: ['data'], key: 'dup-key' });
    expect(value(again)).toBe(-1);
    // not retried (409 is not a retryable status), not thrown, and no annotation: a plain info line
    expect(again.stdout).toMatch(
      /^Failed to save: Unable to reserve cache with key dup-key, another job may be creating this cache\.$/m,
    );
    expect(again.stdout).toContain(
      `::debug::Failed to reserve cache: Error: Failed to CreateCacheEntry: Received non-retryable error: Failed request: (409) Conflict: ${DUPLICATE_MESSAGE}`,
    );
    expect(again.stdout).not.toMatch(/^::(warning|error)::/m);
    expect(requestsSince(mark)).toEqual(['twirp POST CreateCacheEntry 409']);
    expect(svc.entries().filter((e) => e.key === 'dup-key')).toHaveLength(1);
  });

  it('with a wrong runtime token the twirp calls get 401 and the client warns instead of failing', async () => {
    const ws = newWorkspace('token');
    const env = { ...svc.env, ACTIONS_RUNTIME_TOKEN: 'not.the.token' };
    const [save, restore] = await Promise.all([
      runStep(ws, { op: 'save', paths: ['data'], key: 'token-key' }, env),
      runStep(ws, { op: 'restore', paths: ['data'], key: 'token-key' }, env),
    ]);
    expect(value(save)).toBe(-1);
    expect(value(restore)).toBeNull();
    expect(restore.stdout).toMatch(/^::warning::Failed to restore: .*\(401\)/m);
    expect(svc.entries().some((e) => e.key === 'token-key')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// The wire protocol, as the generated twirp client and the Azure SDK see it.

interface TwirpReply {
  status: number;
  json: Record<string, unknown>;
}

async function twirp(
  method: string,
  body: unknown,
  opts: { token?: string | null; httpMethod?: string; contentType?: string; raw?: string } = {},
): Promise<TwirpReply> {
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json' };
  const token = opts.token === undefined ? svc.runtimeToken : opts.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const httpMethod = opts.httpMethod ?? 'POST';
  const res = await fetch(new URL(`${TWIRP_PREFIX.slice(1)}${method}`, svc.resultsUrl), {
    method: httpMethod,
    headers,
    ...(httpMethod === 'GET' ? {} : { body: opts.raw ?? JSON.stringify(body) }),
  });
  expect(res.headers.get('content-type')).toBe('application/json');
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
};

describe('the twirp routes', () => {
  let mark = 0;
  beforeEach(() => {
    mark = svc.requests.length;
  });

  it('hands out the env a step needs', () => {
    expect(svc.resultsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(svc.runtimeToken.split('.')).toHaveLength(3);
    expect(svc.env).toEqual({
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: svc.resultsUrl,
      ACTIONS_RUNTIME_TOKEN: svc.runtimeToken,
      GITHUB_SERVER_URL: 'https://github.com',
    });
  });

  it('rejects calls without the bearer token, and malformed ones, with twirp errors', async () => {
    const req = { key: 'k', version: 'v' };
    expect(await twirp('CreateCacheEntry', req, { token: null })).toEqual({
      status: 401,
      json: { code: 'unauthenticated', msg: expect.any(String) as string },
    });
    expect((await twirp('CreateCacheEntry', req, { token: 'other' })).status).toBe(401);
    expect(await twirp('DeleteCacheEntry', req)).toMatchObject({ status: 404, json: { code: 'bad_route' } });
    expect(await twirp('CreateCacheEntry', req, { httpMethod: 'GET' })).toMatchObject({
      status: 404,
      json: { code: 'bad_route' },
    });
    expect(await twirp('CreateCacheEntry', req, { contentType: 'application/protobuf' })).toMatchObject({
      status: 404,
      json: { code: 'bad_route' },
    });
    expect(await twirp('CreateCacheEntry', null, { raw: '{"key":' })).toMatchObject({
      status: 400,
      json: { code: 'malformed' },
    });
    expect(await twirp('CreateCacheEntry', { version: 'v' })).toMatchObject({
      status: 400,
      json: { code: 'invalid_argument' },
    });
    expect(svc.entries().some((e) => e.key === 'k')).toBe(false);
  });

  it('reserve, block upload, finalize, download: SAS URLs that work for plain GETs and for the Blob SDK', async () => {
    const key = 'wire-blocks';
    const version = 'a'.repeat(64);
    const created = await twirp('CreateCacheEntry', { key, version });
    expect(created).toMatchObject({ status: 200, json: { ok: true, message: '' } });
    const uploadUrl = str(created.json['signed_upload_url']);
    expect(new URL(uploadUrl).searchParams.get('sig')).toBeTruthy();
    expect(await twirp('CreateCacheEntry', { key, version })).toEqual({
      status: 409,
      json: { code: 'already_exists', msg: DUPLICATE_MESSAGE },
    });

    // above maxSingleShotSize the client stages blocks and commits a block list (64 MiB blocks in
    // real use; scaled down here)
    const payload = randomBytes(3 * 1024 * 1024 + 17);
    await new BlockBlobClient(uploadUrl).uploadData(payload, {
      blockSize: 1024 * 1024,
      maxSingleShotSize: 1024 * 1024,
      concurrency: 2,
    });
    const blobOps = svc.requests
      .slice(mark)
      .filter((r) => r.service === 'blob')
      .map((r) => `${r.method} ${r.comp} ${r.status}`);
    expect(blobOps).toEqual([...Array<string>(4).fill('PUT block 201'), 'PUT blocklist 201']);
    // the upload URL cannot read
    expect((await fetch(uploadUrl)).status).toBe(403);

    // not served until finalized
    expect(await twirp('GetCacheEntryDownloadURL', { key, version })).toEqual({
      status: 200,
      json: { ok: false, signed_download_url: '', matched_key: '' },
    });
    expect(await twirp('FinalizeCacheEntryUpload', { key, version, size_bytes: '5' })).toMatchObject({
      status: 200,
      json: { ok: false },
    });
    const finalized = await twirp('FinalizeCacheEntryUpload', { key, version, size_bytes: String(payload.length) });
    expect(finalized).toMatchObject({ status: 200, json: { ok: true, message: '' } });
    const entryId = str(finalized.json['entry_id']); // int64 travels as a decimal string
    expect(svc.entries().find((e) => e.key === key)).toMatchObject({
      id: Number(entryId),
      sizeBytes: payload.length,
      finalized: true,
    });
    expect(await twirp('FinalizeCacheEntryUpload', { key, version, size_bytes: String(payload.length) })).toMatchObject(
      { json: { ok: false } },
    );
    expect(await twirp('FinalizeCacheEntryUpload', { key: 'never-created', version, size_bytes: '1' })).toMatchObject({
      json: { ok: false },
    });

    const got = await twirp('GetCacheEntryDownloadURL', { key: 'wire-other', restore_keys: ['wire-'], version });
    expect(got).toMatchObject({ status: 200, json: { ok: true, matched_key: key } });
    const downloadUrl = str(got.json['signed_download_url']);

    // plain GET (the client's path for any host but *.blob.core.windows.net)
    const res = await fetch(downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(payload.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(payload)).toBe(true);
    // the Blob SDK calls the client makes on *.blob.core.windows.net hosts: Get Blob Properties, then ranged reads
    const sdk = new BlockBlobClient(downloadUrl);
    const props = await sdk.getProperties();
    expect(props.contentLength).toBe(payload.length);
    expect(
      (await sdk.downloadToBuffer(0, payload.length, { blockSize: 1024 * 1024, concurrency: 4 })).equals(payload),
    ).toBe(true);
    // the download URL cannot write
    expect(
      (await fetch(downloadUrl, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'x' })).status,
    ).toBe(403);

    // another version of the same key is a different entry, and a miss for this one
    expect(await twirp('GetCacheEntryDownloadURL', { key, version: 'b'.repeat(64) })).toMatchObject({
      json: { ok: false },
    });
  });

  it('matches like the real service: exact key, key as prefix, then restore keys in order; newest first; same version; finalized only', () => {
    let id = 0;
    const e = (key: string, version = 'v', finalized = true) => ({ id: ++id, key, version, finalized });
    const entries = [
      e('npm-linux-abc'),
      e('npm-linux-abd'),
      e('npm-linux-abe', 'other-version'),
      e('npm-linux-abf', 'v', false),
      e('npm-macos-1'),
      e('npm-linux-'), // older than the two above, but an exact match
    ];
    const key = (k: string, restore: string[] = [], v = 'v') => findEntry(entries, k, restore, v)?.key;
    expect(key('npm-linux-abc')).toBe('npm-linux-abc');
    expect(key('npm-linux-')).toBe('npm-linux-'); // exact beats newer prefix matches
    expect(key('npm-linux-ab')).toBe('npm-linux-abd'); // the key as a prefix, newest finalized entry of this version
    expect(key('npm-linux-abe')).toBe(undefined); // other version
    expect(key('npm-linux-abf')).toBe(undefined); // not finalized
    expect(key('npm-linux-abe', [], 'other-version')).toBe('npm-linux-abe');
    expect(key('yarn', ['npm-macos-', 'npm-linux-ab'])).toBe('npm-macos-1'); // restore keys in the given order
    expect(key('yarn', ['pnpm-', 'npm-'])).toBe('npm-linux-'); // newest of the prefix matches
    expect(key('yarn', ['pnpm-'])).toBe(undefined);
  });
});

describe('lifecycle', () => {
  it('starts independent instances and closes them, freeing both ports', async () => {
    const other = await startCacheService({ container: 'second', duplicateReply: 'ok-false' });
    expect(other.resultsUrl).not.toBe(svc.resultsUrl);
    expect(other.runtimeToken).not.toBe(svc.runtimeToken);
    expect(other.entries()).toEqual([]);
    const create = () =>
      fetch(new URL(`${TWIRP_PREFIX.slice(1)}CreateCacheEntry`, other.resultsUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${other.runtimeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'k', version: 'v' }),
      }).then(async (r) => ({ status: r.status, json: await r.json() }));
    expect(await create()).toMatchObject({ status: 200, json: { ok: true } });
    expect(await create()).toEqual({
      status: 200,
      json: { ok: false, signed_upload_url: '', message: DUPLICATE_MESSAGE },
    });
    expect(other.entries()).toEqual([
      expect.objectContaining({ key: 'k', version: 'v', finalized: false, sizeBytes: 0 }),
    ]);
    await other.close();
    await other.close(); // idempotent
    await expect(fetch(other.resultsUrl)).rejects.toThrow();
    await expect(fetch(other.blobAccountUrl)).rejects.toThrow();
  });
});
