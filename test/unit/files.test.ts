// The two file primitives secrets depend on: writing a private file that nobody could
// have prepared, and shredding a folder without reaching outside it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shredTree } from '../../src/cleanup/shred.js';
import { writePrivateFile } from '../../src/deliver/private-file.js';

const VALUE = 'shred-me-4f1c9a7e-secret-value';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'files-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writePrivateFile', () => {
  it('creates a 0600 file with exactly the bytes given', () => {
    const path = join(dir, 'A');
    writePrivateFile(path, VALUE);
    expect(readFileSync(path, 'utf8')).toBe(VALUE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a file already there, and leaves it as it was', () => {
    const path = join(dir, 'planted');
    writeFileSync(path, 'planted by someone else');
    expect(() => writePrivateFile(path, VALUE)).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe('planted by someone else');
  });

  it('refuses a symlink planted at the path, and never writes through it', () => {
    const target = join(dir, 'attacker-reads-this');
    writeFileSync(target, '');
    const path = join(dir, 'B');
    symlinkSync(target, path);
    expect(() => writePrivateFile(path, VALUE)).toThrow(/EEXIST|ELOOP/);
    expect(readFileSync(target, 'utf8')).toBe('');
  });

  it('refuses a dangling symlink too (it would create the target)', () => {
    const target = join(dir, 'created-elsewhere');
    const path = join(dir, 'C');
    symlinkSync(target, path);
    expect(() => writePrivateFile(path, VALUE)).toThrow(/EEXIST|ELOOP/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('shredTree', () => {
  it('overwrites each file before unlinking it: a hard link kept elsewhere holds random bytes', () => {
    const root = join(dir, 'session');
    mkdirSync(join(root, 'files'), { recursive: true });
    writeFileSync(join(root, 'files', 'A'), VALUE);
    const keep = join(dir, 'hard-link');
    linkSync(join(root, 'files', 'A'), keep);
    const report = shredTree(root);
    expect(report).toEqual({ files: 1, bytes: VALUE.length, failures: [] });
    expect(existsSync(root)).toBe(false);
    const left = readFileSync(keep);
    expect(left.length).toBe(VALUE.length);
    expect(left.toString('utf8')).not.toContain(VALUE.slice(0, 8));
  });

  it('removes links without following them: files and folders outside stay intact', () => {
    const outsideFile = join(dir, 'outside.txt');
    const outsideDir = join(dir, 'outside-dir');
    writeFileSync(outsideFile, 'keep me');
    mkdirSync(outsideDir);
    writeFileSync(join(outsideDir, 'inner.txt'), 'keep me too');
    const root = join(dir, 'session');
    mkdirSync(root);
    symlinkSync(outsideFile, join(root, 'link-to-file'));
    symlinkSync(outsideDir, join(root, 'link-to-dir'));
    const report = shredTree(root);
    expect(report.failures).toEqual([]);
    expect(report.files).toBe(0);
    expect(existsSync(root)).toBe(false);
    expect(readFileSync(outsideFile, 'utf8')).toBe('keep me');
    expect(readFileSync(join(outsideDir, 'inner.txt'), 'utf8')).toBe('keep me too');
  });

  it('removes nested folders bottom-up, and a missing root is no failure', () => {
    const root = join(dir, 'session');
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'a', 'b', 'f'), VALUE);
    expect(shredTree(root).failures).toEqual([]);
    expect(existsSync(root)).toBe(false);
    expect(shredTree(root)).toEqual({ files: 0, bytes: 0, failures: [] });
  });
});
