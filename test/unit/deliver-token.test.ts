// The Vault token's delivery (src/deliver/token.ts) off a runner: without GITHUB_ENV or
// GITHUB_OUTPUT, @actions/core would print the token as a workflow command, so it refuses.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliverToken } from '../../src/deliver/token.js';
import { Secret } from '../../src/secret.js';
import type { Session } from '../../src/deliver/session.js';
import { sessionPaths } from '../../src/state.js';

let root: string;
let session: Session;
const saved = { env: process.env['GITHUB_ENV'], output: process.env['GITHUB_OUTPUT'] };
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'token-'));
  session = { ...sessionPaths(root), memoryBacked: false };
  mkdirSync(session.files);
  delete process.env['GITHUB_ENV'];
  delete process.env['GITHUB_OUTPUT'];
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  if (saved.env !== undefined) process.env['GITHUB_ENV'] = saved.env;
  if (saved.output !== undefined) process.env['GITHUB_OUTPUT'] = saved.output;
  vi.restoreAllMocks();
});

describe('token delivery without the runner files', () => {
  it.each([['env'], ['outputs']] as const)('%s is refused and the token is never printed', (way) => {
    const token = 'hvs.never-printed-token-value';
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    expect(() => deliverToken(new Secret('VAULT_TOKEN', 'approle login', token), new Set([way]), session)).toThrow(
      /is not set, so the value would have to be printed as a workflow command/,
    );
    expect(written.join('')).not.toContain(token);
  });
});
