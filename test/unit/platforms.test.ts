// Every runner OS's choices, decided here on Linux with the platform as a parameter: where
// the session goes and what the summary says of it, the Windows ACL command line, Windows
// paths (drive letters, backslashes, UNC, any case), and how /proc-based mechanics
// degrade on macOS and Windows. The real runs on macOS and Windows are ci.yml's
// `Every runner OS` job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseSessionBase, type BaseProbe } from '../../src/deliver/session.js';
import { storageNote } from '../../src/deliver/storage.js';
import { icaclsArgs, parseWhoamiSid, principalFromEnv, SYSTEM_SID } from '../../src/deliver/acl.js';
import { failureReason, shredTree } from '../../src/cleanup/shred.js';
import { commandSource, helperIdentity } from '../../src/renew/process.js';
import { cancelSignals } from '../../src/cancel.js';
import {
  canJudgeOwners,
  findStaleSessions,
  jobOwner,
  ownerLiveness,
  RECORD_FILE,
  type Owner,
} from '../../src/cleanup/sessions.js';
import { isWithin } from '../../src/paths.js';
import { parseOwner } from '../../src/deliver/owner.js';
import { checkDestination, expandDestination, type Roots } from '../../src/template/write.js';

const everything: BaseProbe = { writableDir: () => true, memoryBacked: (d) => d === '/dev/shm' };

describe('chooseSessionBase', () => {
  const choose = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv, probe = everything, tmp = '/tmp'): string =>
    chooseSessionBase({ platform, env, tmp, probe });

  it('Linux: /dev/shm when it is tmpfs, else RUNNER_TEMP, else the temp folder', () => {
    expect(choose('linux', { RUNNER_TEMP: '/home/runner/work/_temp' })).toBe('/dev/shm');
    const noTmpfs: BaseProbe = { writableDir: () => true, memoryBacked: () => false };
    expect(choose('linux', { RUNNER_TEMP: '/home/runner/work/_temp' }, noTmpfs)).toBe('/home/runner/work/_temp');
    const noShm: BaseProbe = { ...everything, writableDir: (d) => d !== '/dev/shm' };
    expect(choose('linux', {}, noShm)).toBe('/tmp');
  });

  it('macOS: RUNNER_TEMP (emptied after every job), never a /dev/shm, then the per-user TMPDIR', () => {
    const tmp = '/var/folders/x1/abc/T';
    expect(choose('darwin', { RUNNER_TEMP: '/Users/runner/work/_temp' }, everything, tmp)).toBe(
      '/Users/runner/work/_temp',
    );
    expect(choose('darwin', {}, everything, tmp)).toBe(tmp);
    const unwritable: BaseProbe = { ...everything, writableDir: (d) => d === tmp };
    expect(choose('darwin', { RUNNER_TEMP: '/Users/runner/work/_temp' }, unwritable, tmp)).toBe(tmp);
  });

  it('Windows: RUNNER_TEMP such as D:\\a\\_temp, then TEMP', () => {
    const tmp = 'C:\\Users\\runneradmin\\AppData\\Local\\Temp';
    expect(choose('win32', { RUNNER_TEMP: 'D:\\a\\_temp' }, everything, tmp)).toBe('D:\\a\\_temp');
    expect(choose('win32', {}, everything, tmp)).toBe(tmp);
  });
});

describe('storageNote', () => {
  it('says whether the files are in memory and, when not, what protects them on each OS', () => {
    expect(storageNote(true, 'linux')).toBe('memory-backed (tmpfs): never written to a disk');
    expect(storageNote(false, 'linux')).toMatch(/^not memory-backed: on disk, a 0700 folder of 0600 files;/);
    expect(storageNote(false, 'darwin')).toMatch(/not memory-backed: on disk, a 0700 folder .*\(on APFS and SSDs/);
    expect(storageNote(false, 'win32')).toMatch(
      /not memory-backed: on disk, readable by the runner user and SYSTEM only \(ACL\);.*\(on NTFS and SSDs the overwrite is best effort/,
    );
  });
});

describe('the Windows ACL (icacls argv)', () => {
  const sid = 'S-1-5-21-3623811015-3361044348-30300820-1013';

  it('cuts inheritance and grants full control, inherited by files and folders, to the user and SYSTEM only', () => {
    expect(icaclsArgs('D:\\a\\_temp\\vault-secrets-AbC123', { sid })).toEqual([
      'D:\\a\\_temp\\vault-secrets-AbC123',
      '/inheritance:r',
      '/grant:r',
      `*${sid}:(OI)(CI)F`,
      `*${SYSTEM_SID}:(OI)(CI)F`,
    ]);
  });

  it('a path with spaces, a UNC path and a DOMAIN\\user name stay single argv entries as given', () => {
    const spaced = 'C:\\Users\\Runner Admin\\AppData\\Local\\Temp\\vault-secrets-x';
    expect(icaclsArgs(spaced, { name: 'CORP\\build agent' })).toEqual([
      spaced,
      '/inheritance:r',
      '/grant:r',
      'CORP\\build agent:(OI)(CI)F',
      `*${SYSTEM_SID}:(OI)(CI)F`,
    ]);
    expect(icaclsArgs('\\\\fileserver\\builds\\vault-secrets-x', { sid })[0]).toBe(
      '\\\\fileserver\\builds\\vault-secrets-x',
    );
    expect(icaclsArgs('d:\\a\\_temp\\x', { sid })[0]).toBe('d:\\a\\_temp\\x');
  });

  it('refuses a path icacls could read as a switch or resolve elsewhere, and a name that is not one', () => {
    for (const bad of ['/inheritance:e', '-x', 'vault-secrets-x', '\\no-drive\\x', 'C:relative', '\\\\server'])
      expect(() => icaclsArgs(bad, { sid }), bad).toThrow(/not an absolute Windows path/);
    expect(() => icaclsArgs('C:\\x', { name: 'a:(F)' })).toThrow(/not a user name/);
  });

  it('reads the SID from whoami /user /fo csv /nh, else DOMAIN\\USERNAME', () => {
    expect(parseWhoamiSid(`"fv-az123\\runneradmin","${sid}"\r\n`)).toBe(sid);
    expect(parseWhoamiSid('ERROR: access denied')).toBeUndefined();
    expect(principalFromEnv({ USERDOMAIN: 'CORP', USERNAME: 'agent' })).toEqual({ name: 'CORP\\agent' });
    expect(principalFromEnv({ USERNAME: 'agent' })).toEqual({ name: 'agent' });
    expect(principalFromEnv({})).toBeUndefined();
  });
});

describe('paths on each OS', () => {
  it('isWithin compares Windows paths by either separator, any case, per drive', () => {
    expect(isWithin('C:\\Users\\runner\\x\\y', 'c:\\users\\RUNNER', 'win32')).toBe(true);
    expect(isWithin('C:/Users/runner/x', 'C:\\Users\\runner', 'win32')).toBe(true);
    expect(isWithin('C:\\Users\\runner2\\x', 'C:\\Users\\runner', 'win32')).toBe(false);
    expect(isWithin('D:\\Users\\runner\\x', 'C:\\Users\\runner', 'win32')).toBe(false);
    expect(isWithin('C:\\Users\\runner\\..\\other', 'C:\\Users\\runner', 'win32')).toBe(false);
    expect(isWithin('\\\\srv\\share\\a\\b', '\\\\srv\\share\\a', 'win32')).toBe(true);
    expect(isWithin('\\\\srv\\other\\a\\b', '\\\\srv\\share\\a', 'win32')).toBe(false);
    // POSIX: case matters and a backslash is part of a name
    expect(isWithin('/home/Runner/x', '/home/runner', 'linux')).toBe(false);
    expect(isWithin('/home/runner\\x', '/home/runner', 'linux')).toBe(false);
    expect(isWithin('/home/runner/x', '/home/runner', 'darwin')).toBe(true);
    expect(isWithin('/home/runnerx', '/home/runner', 'darwin')).toBe(false);
  });

  const win: Roots = {
    home: 'C:\\Users\\runneradmin',
    runnerTemp: 'D:\\a\\_temp',
    workspace: 'D:\\a\\repo\\repo',
    allowWorkspace: false,
  };

  it("templates' destinations on Windows: ~\\ and $RUNNER_TEMP\\ expand, a drive or UNC path is absolute", () => {
    expect(expandDestination('~\\.npmrc', win, 'win32')).toBe('C:\\Users\\runneradmin\\.npmrc');
    expect(expandDestination('~/.config/x', win, 'win32')).toBe('C:\\Users\\runneradmin\\.config\\x');
    expect(expandDestination('$RUNNER_TEMP\\sub\\x.ini', win, 'win32')).toBe('D:\\a\\_temp\\sub\\x.ini');
    expect(expandDestination('${HOME}/x', win, 'win32')).toBe('C:\\Users\\runneradmin\\x');
    expect(expandDestination('d:/a/_temp/x', win, 'win32')).toBe('d:\\a\\_temp\\x');
    expect(expandDestination('\\\\srv\\share\\x', win, 'win32')).toBe('\\\\srv\\share\\x');
    for (const bad of ['/tmp/x', '\\tmp\\x', 'x.ini', 'C:x.ini'])
      expect(() => expandDestination(bad, win, 'win32'), bad).toThrow(/give a destination as/);
    // on POSIX a backslash after ~ is not a separator
    expect(() => expandDestination('~\\x', { ...win, home: '/home/r' }, 'linux')).toThrow(/give a destination/);
  });

  it('checks a Windows destination against HOME, RUNNER_TEMP and the workspace in any case', () => {
    expect(() => checkDestination('c:\\users\\RUNNERADMIN\\.npmrc', win, 'win32')).not.toThrow();
    expect(() => checkDestination('D:\\a\\_temp\\x', win, 'win32')).not.toThrow();
    expect(() => checkDestination('d:\\A\\Repo\\repo\\x', win, 'win32')).toThrow(/is in the workspace/);
    expect(() => checkDestination('C:\\Windows\\x', win, 'win32')).toThrow(/outside \$HOME and \$RUNNER_TEMP/);
    expect(() => checkDestination('D:\\a\\_temp', win, 'win32')).toThrow(/outside/); // the folder itself
    expect(() => checkDestination('D:\\a\\_temp2\\x', win, 'win32')).toThrow(/outside/);
  });
});

describe('shred on each OS', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'platforms-shred-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Windows: a file held open elsewhere says so and what to do; elsewhere the code alone', () => {
    expect(failureReason('EBUSY', 'win32')).toMatch(
      /^EBUSY \(on Windows most likely open in another process: stop it before/,
    );
    expect(failureReason('EPERM', 'win32')).toMatch(/^EPERM \(on Windows most likely open in another process/);
    expect(failureReason('EBUSY', 'linux')).toBe('EBUSY');
    expect(failureReason(undefined, 'darwin')).toBe('error');
  });

  /** Runs `fn` as an unprivileged user when this is root (root writes a read-only file anyway); as is elsewhere. */
  const unprivileged = <T>(fn: () => T): T => {
    if (process.geteuid?.() !== 0) return fn();
    process.setegid?.(65534);
    process.seteuid?.(65534);
    try {
      return fn();
    } finally {
      process.seteuid?.(0);
      process.setegid?.(0);
    }
  };

  it('a read-only file: the Windows way clears the bit first and removes it; the POSIX way leaves it, said', () => {
    const tree = (name: string): string => {
      const home = join(dir, 'user'); // the unprivileged user's own folder, as RUNNER_TEMP is the runner user's
      const root = join(home, name);
      mkdirSync(join(root, 'files'), { recursive: true });
      writeFileSync(join(root, 'files', 'A'), 'secret-a', { mode: 0o400 });
      writeFileSync(join(root, 'B'), 'secret-bb');
      if (process.geteuid?.() === 0) {
        chmodSync(dir, 0o711);
        for (const p of [home, root, join(root, 'files'), join(root, 'files', 'A'), join(root, 'B')])
          chownSync(p, 65534, 65534);
      }
      return root;
    };
    const win = tree('win');
    expect(unprivileged(() => shredTree(win, 'win32'))).toEqual({ files: 2, bytes: 17, failures: [] });
    expect(existsSync(win)).toBe(false);
    // unchanged on Linux and macOS: a file the user made read-only stays, with a warning naming it
    const posix = tree('posix');
    const report = unprivileged(() => shredTree(posix, 'linux'));
    expect(report.failures).toEqual([
      `${join(posix, 'files', 'A')}: ${process.platform === 'win32' ? 'EPERM' : 'EACCES'}`,
      `${join(posix, 'files')}: ENOTEMPTY`,
      `${posix}: ENOTEMPTY`,
    ]);
  });
});

describe('the renewal helper and the sweep without /proc', () => {
  it('reads command lines from /proc on Linux, ps on macOS, nowhere on Windows', () => {
    expect(commandSource('linux')).toBe('proc');
    expect(commandSource('darwin')).toBe('ps');
    expect(commandSource('freebsd')).toBe('ps');
    expect(commandSource('win32')).toBe('none');
  });

  it('a pid is ours only when its command line says so; on Windows it is unknown, never taken for ours', async () => {
    const root = mkdtempSync(join(tmpdir(), 'platforms-helper-'));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'renew.js', root], {
      stdio: 'ignore',
    });
    try {
      await new Promise((r) => child.once('spawn', r));
      const pid = child.pid ?? 0;
      // this machine's own way (ci.yml runs this file on macOS and Windows too)
      const here = process.platform;
      expect(helperIdentity(pid, root, here)).toBe(here === 'win32' ? 'unknown' : 'ours');
      expect(helperIdentity(pid, `${root}-other`, here)).toBe(here === 'win32' ? 'unknown' : 'other');
      // Windows' answer, whatever the machine: no command line, so never ours
      expect(helperIdentity(pid, root, 'win32')).toBe('unknown');
      if (here === 'linux') expect(helperIdentity(pid, root, 'darwin')).toBe('ours'); // through ps
    } finally {
      child.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('only Linux judges owners: on macOS and Windows no owner is recorded and no session is ever stale', () => {
    expect(canJudgeOwners('linux')).toBe(true);
    expect(canJudgeOwners('darwin')).toBe(false);
    expect(canJudgeOwners('win32')).toBe(false);
    expect(jobOwner('darwin')).toBeUndefined();
    expect(jobOwner('win32')).toBeUndefined();
    // an owner recorded on Linux, now gone: only Linux may call it gone
    const mine = jobOwner('linux') ?? { pid: 1, start: '1', boot: 'b', pidns: 'pid:[1]' };
    const gone: Owner = { ...mine, pid: 2 ** 22 + 1 };
    expect(ownerLiveness(gone, 'darwin')).toBe('unknown');
    expect(ownerLiveness(gone, 'win32')).toBe('unknown');
    const onLinux = process.platform === 'linux';
    expect(ownerLiveness(gone, 'linux')).toBe(onLinux ? 'gone' : 'unknown'); // 'unknown' where /proc is missing
    const base = mkdtempSync(join(tmpdir(), 'platforms-sweep-'));
    try {
      const root = join(base, 'vault-secrets-dead');
      mkdirSync(root);
      const record = { kind: 'vault-secrets-action session', created: 0, owner: gone, revokeToken: false };
      writeFileSync(join(root, RECORD_FILE), JSON.stringify(record));
      expect(findStaleSessions(base, 60_000, Date.now(), 'linux').map((s) => s.root)).toEqual(onLinux ? [root] : []);
      expect(findStaleSessions(base, 60_000, Date.now(), 'darwin')).toEqual([]);
      expect(findStaleSessions(base, 60_000, Date.now(), 'win32')).toEqual([]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('cancel on each OS', () => {
  it("Windows adds SIGBREAK (Ctrl-Break, the runner's second signal there) to SIGINT and SIGTERM", () => {
    expect(cancelSignals('linux')).toEqual(['SIGINT', 'SIGTERM']);
    expect(cancelSignals('darwin')).toEqual(['SIGINT', 'SIGTERM']);
    expect(cancelSignals('win32')).toEqual(['SIGINT', 'SIGBREAK', 'SIGTERM']);
  });
});

describe('files-owner on each OS', () => {
  it('takes a uid on Linux and macOS; Windows, which has no uids, refuses it plainly', () => {
    expect(parseOwner('1000:1001', 'linux')).toEqual({ uid: 1000, gid: 1001 });
    expect(parseOwner('501', 'darwin')).toEqual({ uid: 501, gid: 501 });
    expect(() => parseOwner('1000', 'win32')).toThrow(/^files-owner: Windows has no uids \(chown does nothing there\)/);
  });
});
