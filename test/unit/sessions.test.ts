// Who owns a session, read from this machine's /proc: what a sweep may decide and what it must leave alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findStaleSessions,
  jobOwner,
  jobSessions,
  ownerLiveness,
  RECORD_FILE,
  SESSION_ENV,
  SESSIONS_ENV,
  type Owner,
} from '../../src/cleanup/sessions.js';

const me = jobOwner() as Owner; // this process's parent, which outlives this test
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sessions-unit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ownerLiveness', () => {
  it('the running parent is alive; the same pid with another start time, or another boot, is gone', () => {
    expect(me.pid).toBe(process.ppid);
    expect(ownerLiveness(me)).toBe('alive');
    expect(ownerLiveness({ ...me, start: `${me.start}1` })).toBe('gone');
    expect(ownerLiveness({ ...me, boot: 'another-boot' })).toBe('gone');
    expect(ownerLiveness({ ...me, pid: 2 ** 22 + 1 })).toBe('gone'); // above pid_max: no such process
  });

  it('another pid namespace cannot be judged from here: unknown, never gone', () => {
    expect(ownerLiveness({ ...me, pid: 2 ** 22 + 1, pidns: 'pid:[1]' })).toBe('unknown');
  });
});

describe('findStaleSessions', () => {
  const record = (owner: Owner | undefined, created = 0): string =>
    JSON.stringify({ kind: 'vault-secrets-action session', created, owner, vault: undefined, revokeToken: false });
  const make = (name: string, body: string | undefined): string => {
    const root = join(dir, name);
    mkdirSync(root);
    if (body !== undefined) writeFileSync(join(root, RECORD_FILE), body);
    return root;
  };

  it('only folders of our name, with a record, old enough, whose owner is gone', () => {
    const gone = { ...me, pid: 2 ** 22 + 1 };
    const stale = make('vault-secrets-stale', record(gone));
    make('vault-secrets-live', record(me));
    make('vault-secrets-young', record(gone, Date.now()));
    make('vault-secrets-norecord', undefined);
    make('vault-secrets-garbled', '{"kind":"vault-secrets-action session"');
    make('vault-secrets-noowner', record(undefined));
    make('other-stale', record(gone));
    make('vault-secrets-otherns', record({ ...gone, pidns: 'pid:[1]' }));
    symlinkSync(stale, join(dir, 'vault-secrets-link'));
    expect(findStaleSessions(dir, 60_000).map((s) => s.root)).toEqual([stale]);
    expect(findStaleSessions(join(dir, 'missing'), 0)).toEqual([]);
  });
});

describe('jobSessions', () => {
  it('every session listed, the last one too, each once; garbage is no session', () => {
    expect(jobSessions({ [SESSIONS_ENV]: '["/a","/b"]', [SESSION_ENV]: '/b' })).toEqual(['/a', '/b']);
    expect(jobSessions({ [SESSION_ENV]: '/c' })).toEqual(['/c']);
    expect(jobSessions({ [SESSIONS_ENV]: 'not json', [SESSION_ENV]: '/c' })).toEqual(['/c']);
    expect(jobSessions({ [SESSIONS_ENV]: '[1, "", "/d"]' })).toEqual(['/d']);
    expect(jobSessions({})).toEqual([]);
  });
});
