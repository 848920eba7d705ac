// Shared parts of the suites that run dist/ against a real OpenBao: policies as users
// write them, a login token with just that policy, one job run main → snapshot → post,
// and what OpenBao itself says afterwards about the job's token and leases.
import { expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import type { OpenBao } from '../peers/openbao.js';
import { expectGone, expectNoLeaks, sessionRoot } from '../e2e/fixture.js';

export const secret = (prefix = 'v'): string => `${prefix}-${randomBytes(18).toString('base64url')}`;

/** The debug switches a user turns on when something goes wrong: nothing may leak through them either. */
export const NOISY = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

/** A policy as users write it: `read` (or the given capabilities) on each path, nothing else. */
export async function writePolicy(
  bao: OpenBao,
  name: string,
  rules: Record<string, readonly string[]>,
  namespace?: string,
): Promise<void> {
  const hcl = Object.entries(rules)
    .map(([path, caps]) => `path "${path}" {\n  capabilities = [${caps.map((c) => `"${c}"`).join(', ')}]\n}`)
    .join('\n');
  await bao.must('PUT', `sys/policies/acl/${name}`, { policy: hcl }, namespace ? { namespace } : {});
}

/**
 * A userpass login whose token carries `policies` (plus default): what the action logs in
 * with in most tests, so its token is one the step created and post must revoke.
 */
export async function userpassLogin(
  bao: OpenBao,
  policies: readonly string[],
  opts: { mount?: string; namespace?: string } = {},
): Promise<{ inputs: Record<string, string>; password: string }> {
  const mount = opts.mount ?? 'userpass';
  const ns = opts.namespace ? { namespace: opts.namespace } : {};
  const mounts = (await bao.must('GET', 'sys/auth', undefined, ns)) as { data: Record<string, unknown> };
  if (!(`${mount}/` in mounts.data)) await bao.must('POST', `sys/auth/${mount}`, { type: 'userpass' }, ns);
  const username = `ci-${randomBytes(4).toString('hex')}`;
  const password = secret('pw');
  await bao.must('POST', `auth/${mount}/users/${username}`, { password, token_policies: policies.join(',') }, ns);
  return {
    password,
    inputs: {
      'vault-method': 'userpass',
      'vault-auth-path': mount,
      'vault-username': username,
      'vault-password': password,
    },
  };
}

/** Every file main delivered, name → value, read before post shreds them. */
export function deliveredFiles(main: StepResult): Record<string, string> {
  const dir = main.outputs['files-dir'] ?? '';
  if (!dir || !existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** The token and lease ids main recorded for post (from its private folder, read before post). */
export function recorded(main: StepResult): { token: string; leases: string[] } {
  const priv = join(sessionRoot(main), 'private');
  const read = (f: string): string => (existsSync(join(priv, f)) ? readFileSync(join(priv, f), 'utf8') : '');
  return {
    token: read('vault-token').trim(),
    // one JSON string a line (src/state.ts recordLease)
    leases: read('leases')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as string),
  };
}

/** OpenBao's own word: a lookup of `token` as root fails. */
export async function expectTokenGone(bao: OpenBao, token: string, namespace?: string): Promise<void> {
  expect(token).not.toBe('');
  const r = await bao.api('POST', 'auth/token/lookup', { token }, namespace ? { namespace } : {});
  expect(r.status, 'OpenBao still knows the token').toBeGreaterThanOrEqual(400);
}

/** The lease ids OpenBao lists under `prefix` (as root). */
export async function leaseKeys(bao: OpenBao, prefix: string, namespace?: string): Promise<string[]> {
  const list = await bao.api('LIST', `sys/leases/lookup/${prefix}`, undefined, namespace ? { namespace } : {});
  return (list.body as { data?: { keys?: string[] } } | undefined)?.data?.keys ?? [];
}

/** OpenBao's own word: no lease is left under `prefix` (a list as root), and each id looks up as gone. */
export async function expectLeasesGone(
  bao: OpenBao,
  prefix: string,
  ids: readonly string[],
  namespace?: string,
): Promise<void> {
  const ns = namespace ? { namespace } : {};
  const keys = (): Promise<string[]> => leaseKeys(bao, prefix, namespace);
  // revoke-self answers before OpenBao has revoked the token's leases: allow it a bounded moment
  const deadline = Date.now() + 10_000;
  while ((await keys()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(await keys(), `leases left under ${prefix}`).toEqual([]);
  for (const id of ids) {
    const r = await bao.api('PUT', 'sys/leases/lookup', { lease_id: id }, ns);
    expect(r.status, `lease ${id} still looks up`).toBeGreaterThanOrEqual(400);
  }
}

export interface Run {
  readonly main: StepResult;
  readonly post: StepResult;
  readonly files: Record<string, string>;
  readonly token: string;
  readonly leases: string[];
}

/** main, then post, as the runner runs them; files and recorded ids taken between the two. */
export async function runJob(
  job: Job,
  inputs: Record<string, string>,
  opts: { env?: Record<string, string>; during?: (files: Record<string, string>) => Promise<void> | void } = {},
): Promise<Run> {
  const main = await job.main(inputs, { env: opts.env ?? {}, timeoutMs: 60_000 });
  const files = deliveredFiles(main);
  const { token, leases } = existsSync(join(sessionRoot(main), 'private')) ? recorded(main) : { token: '', leases: [] };
  await opts.during?.(files);
  const post = await job.post({ env: opts.env ?? {}, timeoutMs: 60_000 });
  expect(post.exitCode, post.stdout + post.stderr).toBe(0);
  expectGone(sessionRoot(main));
  return { main, post, files, token, leases };
}

/** The leak check every test ends with: each value, in every encoding, nowhere in output or files. */
export function expectClean(job: Job, run: Run, values: readonly string[]): void {
  expectNoLeaks(job, [...values, ...Object.values(run.files), ...(run.token ? [run.token] : []), ...run.leases]);
}
