// A local stand-in for GitHub's cache service (the "v2" service that @actions/cache v6 speaks),
// for tests that must save and restore caches with no network.
//
// - Blob storage is a real Azurite blob service (in this process, in memory, on a loopback port).
//   Archives travel exactly as on GitHub: the client uploads with the Azure Blob SDK to a SAS URL
//   and downloads from a SAS URL; this server never sees their bytes.
// - The cache service is a small twirp JSON server answering the three routes the client calls,
//   under /twirp/github.actions.results.api.v1.CacheService/ at the root of ACTIONS_RESULTS_URL,
//   with the bearer ACTIONS_RUNTIME_TOKEN required.
//
// Matching follows GitHub's documented order (docs "Dependency caching reference", "Cache key
// matching"): the key exactly, then the key as a prefix, then each restore key in turn (exactly,
// then as a prefix); among prefix matches the newest entry wins; only finalized entries whose
// version equals the requested one count. Branch scopes are not modelled: every entry is visible.
// A key+version can be created once: a second CreateCacheEntry gets github.com's 409 already_exists
// (see CacheServiceOptions.duplicateReply), whether or not the first upload was finalized.
import { createHmac, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  type ContainerClient,
} from '@azure/storage-blob';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzuriteBlob } from './azurite.js';

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';

export interface CacheServiceOptions {
  /** Loopback address both servers listen on. Default 127.0.0.1. */
  host?: string;
  /** Blob container the entries are written to. Default 'actions-cache'. */
  container?: string;
  /** Ceiling for Azurite's in-memory blob store. Default 1 GiB. */
  memoryLimitBytes?: number;
  /** Lifetime of the SAS URLs handed out. Default 1 hour. */
  sasLifetimeMs?: number;
  /**
   * How a second CreateCacheEntry for an existing key+version is refused. 'conflict' (default) is
   * what github.com does: twirp error already_exists, HTTP 409, msg "cache entry with the same key,
   * version, and scope already exists". 'ok-false' answers 200 {ok:false, message} instead, the
   * shape github.com uses for other refusals (e.g. "cache write denied: ..."), which the client
   * reports differently (a warning annotation).
   */
  duplicateReply?: 'conflict' | 'ok-false';
}

export interface CacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  /** Size reported by FinalizeCacheEntryUpload (and checked against the blob); 0 until then. */
  readonly sizeBytes: number;
  readonly finalized: boolean;
  readonly created: Date;
  readonly finalizedAt: Date | null;
  /** Name of the blob in the container. */
  readonly blobName: string;
}

export interface RecordedRequest {
  /** 'twirp' for the cache service, 'blob' for Azurite (uploads and downloads of archives). */
  readonly service: 'twirp' | 'blob';
  readonly method: string;
  /** Path without the query, e.g. '/twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry'
   *  or '/devstoreaccount1/actions-cache/1-....tzst'. */
  readonly path: string;
  /** The blob operation's `comp` query parameter ('block', 'blocklist', ...), '' when none. */
  readonly comp: string;
  /** HTTP status of the answer; 0 until it is sent. */
  readonly status: number;
}

export interface CacheService {
  /** ACTIONS_RESULTS_URL, with the trailing slash the runner gives it. */
  readonly resultsUrl: string;
  /** ACTIONS_RUNTIME_TOKEN: a JWT-shaped bearer; the twirp routes accept only this one. */
  readonly runtimeToken: string;
  /** Every variable a step needs for @actions/cache to use this service (see serviceEnv). */
  readonly env: Readonly<Record<string, string>>;
  /** Azurite's path-style account URL, e.g. http://127.0.0.1:41234/devstoreaccount1. */
  readonly blobAccountUrl: string;
  readonly container: string;
  /** Snapshot of the entries, oldest first. */
  entries(): CacheEntry[];
  /** Every request a client sent to either server, in arrival order (live array); the service's own
   *  calls to Azurite (container creation, the size check on finalize) are left out. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

interface MutableEntry {
  id: number;
  key: string;
  version: string;
  sizeBytes: number;
  finalized: boolean;
  created: Date;
  finalizedAt: Date | null;
  blobName: string;
}

interface MutableRequest {
  service: 'twirp' | 'blob';
  method: string;
  path: string;
  comp: string;
  status: number;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
  ) {
    super(msg);
  }
}

type Json = Record<string, unknown>;

const INTERNAL_USER_AGENT = 'actions-cache-stand-in';
const MAX_KEY_LENGTH = 512; // as documented, and as the client checks before calling
// github.com's wording, as the client logs it: "Failed request: (409) Conflict: cache entry with ..."
export const DUPLICATE_MESSAGE = 'cache entry with the same key, version, and scope already exists';

export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const host = options.host ?? '127.0.0.1';
  const containerName = options.container ?? 'actions-cache';
  const sasLifetimeMs = options.sasLifetimeMs ?? 60 * 60 * 1000;
  const duplicateReply = options.duplicateReply ?? 'conflict';
  const requests: MutableRequest[] = [];
  const entries: MutableEntry[] = [];
  let nextId = 1;

  const azurite = await startAzuriteBlob({ host, memoryLimitBytes: options.memoryLimitBytes ?? 1024 * 1024 * 1024 });
  let twirp: http.Server | undefined;
  try {
    // Record blob traffic: a listener ahead of Azurite's own, which still answers every request.
    azurite.httpServer.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.headers['user-agent']?.startsWith(INTERNAL_USER_AGENT)) return; // our own container create and size checks
      const url = new URL(req.url ?? '/', 'http://blob');
      const record: MutableRequest = {
        service: 'blob',
        method: req.method ?? '',
        path: decodeURIComponent(url.pathname),
        comp: url.searchParams.get('comp') ?? '',
        status: 0,
      };
      requests.push(record);
      res.once('finish', () => (record.status = res.statusCode));
    });

    const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
    const container = new BlobServiceClient(azurite.accountUrl, credential, {
      userAgentOptions: { userAgentPrefix: INTERNAL_USER_AGENT },
    }).getContainerClient(containerName);
    await container.create();

    const sasUrl = (blobName: string, permissions: string): string => {
      const sas = generateBlobSASQueryParameters(
        {
          containerName,
          blobName,
          permissions: BlobSASPermissions.parse(permissions),
          expiresOn: new Date(Date.now() + sasLifetimeMs),
        },
        credential,
      );
      return `${container.getBlockBlobClient(blobName).url}?${sas.toString()}`;
    };

    const routes: Record<string, (body: Json) => Json | Promise<Json>> = {
      CreateCacheEntry(body) {
        const key = requiredString(body, 'key');
        const version = requiredString(body, 'version');
        if (key.length > MAX_KEY_LENGTH)
          throw new TwirpError(400, 'invalid_argument', `key is longer than ${MAX_KEY_LENGTH} characters`);
        if (entries.some((e) => e.key === key && e.version === version)) {
          if (duplicateReply === 'ok-false') return { ok: false, signed_upload_url: '', message: DUPLICATE_MESSAGE };
          throw new TwirpError(409, 'already_exists', DUPLICATE_MESSAGE);
        }
        const id = nextId++;
        const entry: MutableEntry = {
          id,
          key,
          version,
          sizeBytes: 0,
          finalized: false,
          created: new Date(),
          finalizedAt: null,
          blobName: `${id}-${version.slice(0, 16)}`,
        };
        entries.push(entry);
        // create + write: enough for Put Blob, Put Block and Put Block List
        return { ok: true, signed_upload_url: sasUrl(entry.blobName, 'cw'), message: '' };
      },

      async FinalizeCacheEntryUpload(body) {
        const key = requiredString(body, 'key');
        const version = requiredString(body, 'version');
        const sizeBytes = int64(body, 'size_bytes');
        const entry = entries.find((e) => e.key === key && e.version === version);
        if (!entry)
          return { ok: false, entry_id: '0', message: 'no cache entry with this key and version has been created' };
        if (entry.finalized) return { ok: false, entry_id: '0', message: 'cache entry has already been finalized' };
        const actual = await blobSize(container, entry.blobName);
        if (actual === undefined) return { ok: false, entry_id: '0', message: 'no upload found for this cache entry' };
        if (actual !== sizeBytes) {
          return {
            ok: false,
            entry_id: '0',
            message: `size_bytes ${sizeBytes} does not match the uploaded size ${actual}`,
          };
        }
        entry.sizeBytes = sizeBytes;
        entry.finalized = true;
        entry.finalizedAt = new Date();
        return { ok: true, entry_id: String(entry.id), message: '' };
      },

      GetCacheEntryDownloadURL(body) {
        const key = requiredString(body, 'key');
        const version = requiredString(body, 'version');
        const restoreKeys = stringArray(body, 'restore_keys');
        const match = findEntry(entries, key, restoreKeys, version);
        if (!match) return { ok: false, signed_download_url: '', matched_key: '' };
        return { ok: true, signed_download_url: sasUrl(match.blobName, 'r'), matched_key: match.key };
      },
    };

    const runtimeToken = fakeRuntimeToken();
    twirp = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://twirp');
      const record: MutableRequest = {
        service: 'twirp',
        method: req.method ?? '',
        path: url.pathname,
        comp: '',
        status: 0,
      };
      requests.push(record);
      res.once('finish', () => (record.status = res.statusCode));
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        handleTwirp(req, url.pathname, Buffer.concat(chunks).toString('utf8'), runtimeToken, routes).then(
          (json) => send(res, 200, json),
          (err: unknown) => {
            if (err instanceof TwirpError) send(res, err.status, { code: err.code, msg: err.message });
            else send(res, 500, { code: 'internal', msg: err instanceof Error ? err.message : String(err) });
          },
        );
      });
    });
    const server = twirp;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    const { address, port } = server.address() as AddressInfo;
    const resultsUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;

    let closed = false;
    return {
      resultsUrl,
      runtimeToken,
      env: serviceEnv(resultsUrl, runtimeToken),
      blobAccountUrl: azurite.accountUrl,
      container: containerName,
      entries: () => entries.map((e) => ({ ...e })),
      requests,
      async close() {
        if (closed) return;
        closed = true;
        await Promise.all([closeHttp(server), azurite.close()]);
      },
    };
  } catch (err) {
    if (twirp?.listening) await closeHttp(twirp);
    await azurite.close();
    throw err;
  }
}

/** The environment the runner gives a step for the v2 cache service. */
export function serviceEnv(resultsUrl: string, runtimeToken: string): Record<string, string> {
  return {
    // any non-empty value turns the v2 service on; the runner passes the feature flag as 'true'
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: resultsUrl,
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    // github.com: otherwise a GHES server URL inherited from the caller would force the retired v1 service
    GITHUB_SERVER_URL: 'https://github.com',
  };
}

/** The cache service's matching order; exported for tests of the semantics themselves. */
export function findEntry<E extends { key: string; version: string; finalized: boolean; id: number }>(
  entries: readonly E[],
  key: string,
  restoreKeys: readonly string[],
  version: string,
): E | undefined {
  const candidates = entries.filter((e) => e.finalized && e.version === version).sort((a, b) => b.id - a.id); // newest first
  for (const wanted of [key, ...restoreKeys]) {
    const hit = candidates.find((e) => e.key === wanted) ?? candidates.find((e) => e.key.startsWith(wanted));
    if (hit) return hit;
  }
  return undefined;
}

async function handleTwirp(
  req: IncomingMessage,
  path: string,
  rawBody: string,
  token: string,
  routes: Record<string, (body: Json) => Json | Promise<Json>>,
): Promise<Json> {
  if (!path.startsWith(TWIRP_PREFIX)) throw new TwirpError(404, 'bad_route', `no handler for path ${path}`);
  if (req.headers.authorization !== `Bearer ${token}`)
    throw new TwirpError(401, 'unauthenticated', 'missing or invalid bearer token');
  if (req.method !== 'POST')
    throw new TwirpError(404, 'bad_route', `unsupported method ${req.method ?? ''} (only POST is allowed)`);
  const method = path.slice(TWIRP_PREFIX.length);
  const handler = Object.hasOwn(routes, method) ? routes[method] : undefined;
  if (!handler) throw new TwirpError(404, 'bad_route', `no handler for path ${path}`);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new TwirpError(
      404,
      'bad_route',
      `unexpected Content-Type: ${req.headers['content-type'] ?? ''} (this stand-in speaks JSON only)`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new TwirpError(400, 'malformed', 'the json request could not be decoded');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TwirpError(400, 'malformed', 'the json request is not an object');
  return handler(body as Json);
}

function requiredString(body: Json, field: string): string {
  const v = body[field];
  if (v === undefined || v === '') throw new TwirpError(400, 'invalid_argument', `${field} is required`);
  if (typeof v !== 'string') throw new TwirpError(400, 'malformed', `${field} must be a string`);
  return v;
}

function stringArray(body: Json, field: string): string[] {
  const v = body[field];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((s): s is string => typeof s === 'string'))
    throw new TwirpError(400, 'malformed', `${field} must be a list of strings`);
  return v;
}

/** Protobuf JSON carries int64 as a decimal string; a plain number is accepted too. */
function int64(body: Json, field: string): number {
  const v = body[field] ?? '0';
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new TwirpError(400, 'malformed', `${field} must be an int64`);
  return n;
}

async function blobSize(container: ContainerClient, blobName: string): Promise<number | undefined> {
  try {
    const props = await container.getBlockBlobClient(blobName).getProperties();
    return props.contentLength;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

function send(res: ServerResponse, status: number, json: Json): void {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function closeHttp(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A JWT-shaped token like the runner's (the client only passes it on as a bearer; it never decodes it). */
function fakeRuntimeToken(): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ typ: 'JWT', alg: 'HS256' });
  const payload = b64({
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vstoken.actions.githubusercontent.com',
    nbf: now,
    exp: now + 6 * 3600,
    scp: 'Actions.ExampleScope Actions.Results:00000000-0000-0000-0000-000000000001:00000000-0000-0000-0000-000000000002',
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
  });
  const signature = createHmac('sha256', randomBytes(32)).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
