// The one place for what main leaves to post. GITHUB_STATE holds only the session
// folder's path. What post needs that is sensitive (the token to revoke, lease ids)
// stays in 0600 files in the session's private folder, which post shreds afterwards.
import * as core from '@actions/core';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replacePrivateFile, writePrivateFile } from './deliver/private-file.js';
import type { ConnectionConfig } from './inputs/index.js';
import type { SecretRequest } from './spec/index.js';

const ROOT_KEY = 'session-root';
const REVOKE_KEY = 'revoke-token';
const DOCKER_CONFIG_KEY = 'docker-config';
const REGISTRIES_KEY = 'registries';
const PKI_REVOKE_KEY = 'pki-revoke';

/** The session folder: `files/` (one file per secret), `private/` (token, leases), env-file, `docker/`. */
export interface SessionPaths {
  readonly root: string;
  readonly files: string;
  readonly private: string;
  /** The per-job DOCKER_CONFIG folder (docker-config: job). */
  readonly docker: string;
  readonly envFile: string;
  readonly tokenFile: string;
  readonly leasesFile: string;
  /** Certificates issued (vault-pki): `MOUNT SERIAL` a line. */
  readonly certificatesFile: string;
  /** Every masked form, one JSON object per line, for post's leak guard. */
  readonly formsFile: string;
  /** Files written outside the session (templates with a destination): one JSON record a line. */
  readonly destinationsFile: string;
  /** What main fetched and how it delivered it, for the refresh step (SessionPlan): specs and ids, no value. */
  readonly planFile: string;
  /** The renewal helper's schedule (RenewPlan), its pid, and its log of ids and times. */
  readonly renewFile: string;
  readonly renewPidFile: string;
  readonly renewLog: string;
}

export function sessionPaths(root: string): SessionPaths {
  const priv = join(root, 'private');
  return {
    root,
    files: join(root, 'files'),
    private: priv,
    docker: join(root, 'docker'),
    envFile: join(root, 'secrets.env'),
    tokenFile: join(priv, 'vault-token'),
    leasesFile: join(priv, 'leases'),
    certificatesFile: join(priv, 'certificates'),
    formsFile: join(priv, 'forms'),
    destinationsFile: join(priv, 'destinations'),
    planFile: join(priv, 'plan.json'),
    renewFile: join(priv, 'renew.json'),
    renewPidFile: join(priv, 'renew.pid'),
    renewLog: join(priv, 'renew.log'),
  };
}

/**
 * Saved before anything is written inside it, so post finds it even if main dies next.
 * Later steps of the job (the guard sub-action cannot read main's state) find it through
 * the job's session list (src/cleanup/sessions.ts).
 */
export function saveSessionRoot(root: string): void {
  core.saveState(ROOT_KEY, root);
}

export function loadSessionRoot(): string | undefined {
  const root = core.getState(ROOT_KEY);
  return root === '' ? undefined : root;
}

/**
 * The token post uses to revoke leases, and whether post revokes the token itself
 * (a flag in state; the token only ever in the private file).
 */
export function recordToken(paths: SessionPaths, token: string, revoke: boolean): void {
  writePrivateFile(paths.tokenFile, token);
  core.saveState(REVOKE_KEY, String(revoke));
}

export function loadRevokeFlag(): boolean {
  return core.getState(REVOKE_KEY) === 'true';
}

/**
 * One lease id per line, appended as each arrives so a crash mid-fetch loses none. As a
 * JSON string: an id is Vault's text and may hold a line break.
 */
export function recordLease(paths: SessionPaths, leaseId: string): void {
  appendFileSync(paths.leasesFile, `${JSON.stringify(leaseId)}\n`, { mode: 0o600 });
}

/** One issued certificate (mount and serial: ids, not secrets), and whether post revokes the certificates. */
export function recordCertificate(paths: SessionPaths, cert: { mount: string; serial: string }, revoke: boolean): void {
  appendFileSync(paths.certificatesFile, `${cert.mount} ${cert.serial}\n`, { mode: 0o600 });
  core.saveState(PKI_REVOKE_KEY, String(revoke));
}

export function loadPkiRevokeFlag(): boolean {
  return core.getState(PKI_REVOKE_KEY) === 'true';
}

/**
 * Appends the masked forms of one value for the leak guard (text, NAME and kind: it lives
 * and dies with the session), in one write: one open and close per value, not per form.
 */
export function recordForms(
  paths: SessionPaths,
  forms: readonly { readonly text: string; readonly name: string; readonly kind: string }[],
): void {
  const lines = forms.map((f) => `${JSON.stringify({ text: f.text, name: f.name, kind: f.kind })}\n`);
  appendFileSync(paths.formsFile, lines.join(''), { mode: 0o600 });
}

export function readForms(paths: SessionPaths): { text: string; name: string; kind: string }[] {
  return (readOptional(paths.formsFile) ?? '')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        const f = JSON.parse(line) as { text?: unknown; name?: unknown; kind?: unknown };
        return typeof f.text === 'string' && typeof f.name === 'string' && typeof f.kind === 'string'
          ? [{ text: f.text, name: f.name, kind: f.kind }]
          : [];
      } catch {
        return []; // a line cut short by a crash
      }
    });
}

const CACHE_KEY = 'cache-matched-key';
const COMPLETED_KEY = 'main-completed';

/** Main got to its end: post saves caches only then, as actions/cache does. */
export function saveMainCompleted(): void {
  core.saveState(COMPLETED_KEY, 'true');
}

export function loadMainCompleted(): boolean {
  return core.getState(COMPLETED_KEY) === 'true';
}

/** The key a cache was restored from ('' for a miss), so post does not save an exact hit again. */
export function saveCacheMatch(key: string): void {
  core.saveState(CACHE_KEY, key);
}

export function loadCacheMatch(): string {
  return core.getState(CACHE_KEY);
}

export interface Records {
  readonly token: string | undefined;
  readonly leases: readonly string[];
  readonly certificates: readonly { mount: string; serial: string }[];
}

export function readRecords(paths: SessionPaths): Records {
  return {
    token: readOptional(paths.tokenFile)?.trim() || undefined,
    leases: (readOptional(paths.leasesFile) ?? '').split('\n').flatMap(readLeaseLine),
    certificates: (readOptional(paths.certificatesFile) ?? '').split('\n').flatMap((line) => {
      const [mount, serial] = line.split(' ');
      return mount && serial ? [{ mount, serial }] : [];
    }),
  };
}

function readLeaseLine(line: string): string[] {
  try {
    const id: unknown = JSON.parse(line);
    return typeof id === 'string' && id !== '' ? [id] : [];
  } catch {
    return []; // a line cut short by a crash
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Where docker keeps the credentials of this job's logins, for post to log out there. */
export function saveDockerConfig(dir: string): void {
  core.saveState(DOCKER_CONFIG_KEY, dir);
}

/** Registries logged in to so far (hosts only), saved after each successful login. */
export function saveRegistries(hosts: readonly string[]): void {
  core.saveState(REGISTRIES_KEY, JSON.stringify(hosts));
}

export interface DockerRecords {
  readonly configDir: string | undefined;
  readonly registries: readonly string[];
}

export function loadDockerRecords(): DockerRecords {
  const dir = core.getState(DOCKER_CONFIG_KEY);
  let registries: unknown;
  try {
    registries = JSON.parse(core.getState(REGISTRIES_KEY) || '[]');
  } catch {
    registries = [];
  }
  return {
    configDir: dir === '' ? undefined : dir,
    registries: Array.isArray(registries) ? registries.filter((r): r is string => typeof r === 'string') : [],
  };
}

/** A file the action wrote outside the session folder, and the folders it made for it (outermost first). */
export interface Destination {
  readonly path: string;
  readonly dirs: readonly string[];
}

/**
 * Recorded the moment the file exists (before a byte of it is written), so post shreds
 * it even when main dies next. A path, never a value.
 */
export function recordDestination(paths: SessionPaths, destination: Destination): void {
  appendFileSync(paths.destinationsFile, `${JSON.stringify(destination)}\n`, { mode: 0o600 });
}

export function readDestinations(paths: SessionPaths): Destination[] {
  return (readOptional(paths.destinationsFile) ?? '').split('\n').flatMap((line) => {
    try {
      const d = JSON.parse(line) as { path?: unknown; dirs?: unknown };
      return typeof d.path === 'string' && Array.isArray(d.dirs)
        ? [{ path: d.path, dirs: d.dirs.filter((x): x is string => typeof x === 'string') }]
        : [];
    } catch {
      return []; // an empty or cut-short line
    }
  });
}

/** One delivered secret as the refresh step compares it: a keyed digest of the value, never the value. */
export interface PlannedSecret {
  readonly name: string;
  readonly outputName: string;
  readonly source: string;
  /** The API path it was read from, and its KV v2 version. */
  readonly path: string;
  readonly version: number | undefined;
  /** HMAC-SHA256 of the value under the plan's key. */
  readonly digest: string;
  readonly bytes: number;
}

/** What main recorded for the refresh step (private/plan.json, 0600). */
export interface SessionPlan {
  /** The proxy is read from the environment again; TLS client keys are in the private folder anyway. */
  readonly connection: Omit<ConnectionConfig, 'proxy'>;
  readonly requests: readonly SecretRequest[];
  readonly folderLimit: number;
  readonly deliveries: readonly string[];
  /** Random per session: the digests mean nothing outside it. */
  readonly key: string;
  readonly secrets: readonly PlannedSecret[];
  /** The lease each leased API path is held by. */
  readonly leases: readonly { readonly id: string; readonly path: string }[];
}

/** Written whole and atomically: main writes it once, each refresh replaces it. */
export function recordPlan(paths: SessionPaths, plan: SessionPlan): void {
  // `**` folders descend to Infinity, which JSON cannot carry: -1 stands for it.
  const json = JSON.stringify(plan, (k, v: unknown) => (k === 'depth' && v === Infinity ? -1 : v));
  replacePrivateFile(paths.planFile, json);
}

export function readPlan(paths: SessionPaths): SessionPlan | undefined {
  const text = readOptional(paths.planFile);
  if (text === undefined) return undefined;
  return JSON.parse(text, (k, v: unknown) => (k === 'depth' && v === -1 ? Infinity : v)) as SessionPlan;
}

/** The lease ids post revokes, replaced at once (the refresh step drops the ones it revoked). */
export function replaceLeases(paths: SessionPaths, ids: readonly string[]): void {
  replacePrivateFile(paths.leasesFile, ids.map((id) => `${JSON.stringify(id)}\n`).join(''));
}

/** The child token delivered to later steps (vault-child-token): its own 0600 file, so post revokes it first. */
export function childTokenFile(paths: SessionPaths): string {
  return join(paths.private, 'child-token');
}

/** Written the moment Vault returns it, before it is delivered: post revokes it even if main dies next. */
export function recordChildToken(paths: SessionPaths, token: string): void {
  writePrivateFile(childTokenFile(paths), token);
}

export function readChildToken(paths: SessionPaths): string | undefined {
  return readOptional(childTokenFile(paths))?.trim() || undefined;
}
