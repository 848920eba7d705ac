// Sessions as the machine sees them: who owns one, which belong to this job, and which
// a dead job left behind. Every step that makes a session folder (main today; a renewal
// helper or refresh step tomorrow) writes its record with `writeSessionRecord` and joins
// the job's list with `joinJobSessions`; the guard reads `jobSessions()`; main calls
// `sweepStaleSessions` before it makes its own. A session counts as stale only when it
// is old AND its owner is provably gone: the owner is the runner process that runs the
// job's steps (the step's parent), named by pid plus its start time from /proc (a pid
// the kernel reused for another process does not count as alive), boot id and pid
// namespace. Anything we cannot decide (no record yet, another namespace, no /proc, a
// folder of another user) may be in use and is never touched.
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../deliver/private-file.js';
import { readChildToken, readRecords, sessionPaths, type Records } from '../state.js';
import { shredTree } from './shred.js';

/** Session folders are `<base>/vault-secrets-XXXXXX` (mkdtemp). */
export const SESSION_PREFIX = 'vault-secrets-';
/** The record in each session's root: ids and times, never a value. */
export const RECORD_FILE = 'session.json';
const KIND = 'vault-secrets-action session';

/** Every session of this job, for later steps (the guard): a JSON array of paths, never a value. */
export const SESSIONS_ENV = 'VAULT_SECRETS_SESSIONS';
/** The last session only (what 1.0 exported; kept for workflows that read it). */
export const SESSION_ENV = 'VAULT_SECRETS_SESSION';

/** A process as /proc names it: pid and start time (clock ticks since boot), on one boot, in one pid namespace. */
export interface Owner {
  readonly pid: number;
  readonly start: string;
  readonly boot: string;
  readonly pidns: string;
}

export interface SessionRecord {
  readonly kind: typeof KIND;
  /** Epoch ms when the session was made. */
  readonly created: number;
  /** Undefined where /proc cannot name one: such a session is never swept. */
  readonly owner: Owner | undefined;
  /** sha256 of the Vault address and namespaces (the address may hold userinfo): a sweep revokes only at the same Vault. */
  readonly vault: string | undefined;
  /** Whether the token is revoked at the end (a token this step logged in for). */
  readonly revokeToken: boolean;
}

/** A Vault as a sweep compares it: the same address and namespaces. */
export function vaultId(conn: {
  addr: string;
  namespace: string | undefined;
  authNamespace: string | undefined;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([conn.addr, conn.namespace ?? '', conn.authNamespace ?? '']))
    .digest('hex');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** pid's start time from /proc/PID/stat (field 22, after the parenthesised name, which may hold spaces). */
function startTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[19];
}

/**
 * Whether `platform` can name a process so that a reused pid is told apart: only Linux,
 * through /proc (start time, boot id, pid namespace). Elsewhere no session is ever swept
 * (the runner empties RUNNER_TEMP after each job instead). Pure.
 */
export function canJudgeOwners(platform: NodeJS.Platform): boolean {
  return platform === 'linux';
}

function machine(platform: NodeJS.Platform): { boot: string; pidns: string } | undefined {
  if (!canJudgeOwners(platform)) return undefined;
  const boot = readText('/proc/sys/kernel/random/boot_id')?.trim();
  let pidns: string;
  try {
    pidns = readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
  return boot ? { boot, pidns } : undefined;
}

/** The process that runs this job's steps: this step's parent (the runner's worker). */
export function jobOwner(platform: NodeJS.Platform = process.platform): Owner | undefined {
  const m = machine(platform);
  const start = startTime(process.ppid);
  return m && start !== undefined ? { pid: process.ppid, start, ...m } : undefined;
}

export type Liveness = 'alive' | 'gone' | 'unknown';

/** Whether `owner` still runs; 'unknown' when this process cannot tell (another pid namespace, no /proc). */
export function ownerLiveness(owner: Owner, platform: NodeJS.Platform = process.platform): Liveness {
  const m = machine(platform);
  if (m === undefined) return 'unknown';
  if (m.boot !== owner.boot) return 'gone'; // the machine rebooted since
  if (m.pidns !== owner.pidns) return 'unknown';
  const start = startTime(owner.pid);
  return start === owner.start ? 'alive' : 'gone'; // no such pid, or a new process under a reused one
}

/** Written right after the folder is made, before any secret: a folder without one is never swept. */
export function writeSessionRecord(
  root: string,
  opts: { vault: string | undefined; revokeToken: boolean; now?: number },
): void {
  const record: SessionRecord = {
    kind: KIND,
    created: opts.now ?? Date.now(),
    owner: jobOwner(),
    vault: opts.vault,
    revokeToken: opts.revokeToken,
  };
  writePrivateFile(join(root, RECORD_FILE), `${JSON.stringify(record)}\n`);
}

export function readSessionRecord(root: string): SessionRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(join(root, RECORD_FILE), 'utf8')) as Partial<SessionRecord>;
    if (r.kind !== KIND || typeof r.created !== 'number') return undefined;
    const o = r.owner;
    const owner =
      o && typeof o.pid === 'number' && [o.start, o.boot, o.pidns].every((v) => typeof v === 'string') ? o : undefined;
    return {
      kind: KIND,
      created: r.created,
      owner,
      vault: typeof r.vault === 'string' ? r.vault : undefined,
      revokeToken: r.revokeToken === true,
    };
  } catch {
    return undefined;
  }
}

/** The sessions of this job so far (earlier uses of the action included), from the job's environment. */
export function jobSessions(env: NodeJS.ProcessEnv = process.env): string[] {
  let listed: unknown;
  try {
    listed = JSON.parse(env[SESSIONS_ENV] || '[]');
  } catch {
    listed = [];
  }
  const roots = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  const last = env[SESSION_ENV];
  return [...new Set([...roots, ...(last ? [last] : [])])];
}

/** Adds `root` to the job's list (a later use of the action keeps the earlier ones) and names it the last. */
export function joinJobSessions(root: string): void {
  core.exportVariable(SESSIONS_ENV, JSON.stringify([...jobSessions().filter((r) => r !== root), root]));
  core.exportVariable(SESSION_ENV, root);
}

export interface StaleSession {
  readonly root: string;
  readonly record: SessionRecord;
}

/**
 * Sessions under `base` that a job which is over left behind: a real folder of ours
 * (not a link, our uid), with a record, older than `minAgeMs`, whose owner is gone.
 */
export function findStaleSessions(
  base: string,
  minAgeMs: number,
  now = Date.now(),
  platform: NodeJS.Platform = process.platform,
): StaleSession[] {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  return names.flatMap((name) => {
    if (!name.startsWith(SESSION_PREFIX)) return [];
    const root = join(base, name);
    try {
      const st = lstatSync(root);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) return [];
    } catch {
      return [];
    }
    const record = readSessionRecord(root);
    if (record?.owner === undefined) return [];
    if (now - record.created < minAgeMs) return [];
    return ownerLiveness(record.owner, platform) === 'gone' ? [{ root, record }] : [];
  });
}

export interface Swept {
  readonly root: string;
  readonly record: SessionRecord;
  /** What it recorded for revocation, read before the shred. */
  readonly records: Records & { readonly childToken: string | undefined };
  readonly files: number;
  readonly failures: readonly string[];
}

/**
 * Claims each stale session (an atomic rename: of two sweeps at once, one wins), reads
 * what it recorded, and shreds it. Revoking is the caller's (it needs a connection).
 */
export function sweepStaleSessions(base: string, minAgeMs: number, now = Date.now()): Swept[] {
  return findStaleSessions(base, minAgeMs, now).flatMap(({ root, record }) => {
    const claimed = `${root}.sweep-${process.pid}`;
    try {
      renameSync(root, claimed);
    } catch {
      return []; // another sweep took it first
    }
    const paths = sessionPaths(claimed);
    const records = { ...readRecords(paths), childToken: readChildToken(paths) };
    // the record last: a sweep cut short leaves a folder the next sweep still recognises
    const entries = readdirSync(claimed).filter((e) => e !== RECORD_FILE);
    const shreds = [...entries.map((e) => shredTree(join(claimed, e))), shredTree(claimed)];
    const files = shreds.reduce((n, s) => n + s.files, 0);
    return [{ root, record, records, files, failures: shreds.flatMap((s) => s.failures) }];
  });
}
