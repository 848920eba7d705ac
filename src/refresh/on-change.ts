// The on-change command, run once after a refresh that changed something: its argv from
// the workflow file (no shell), the job's environment without the step's inputs and
// state, the changed names (never values) in VAULT_SECRETS_CHANGED. Its output is
// untrusted text: each line redacted and made inert before it is printed.
import * as core from '@actions/core';
import { spawn } from 'node:child_process';
import type { MaskRegistry } from '../mask/registry.js';
import type { Cancel } from '../vault/transport.js';
import { inert, say } from '../output.js';

/** What a `run:` step would not see either: this step's inputs and state, the runtime's tokens. */
const HIDDEN = /^(INPUT_|STATE_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;

export function onChangeEnv(names: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !HIDDEN.test(k)) env[k] = v;
  return { ...env, VAULT_SECRETS_CHANGED: names.join(' ') };
}

export async function runOnChange(
  argv: readonly string[],
  opts: { readonly names: readonly string[]; readonly masks: MaskRegistry; readonly cancel: Cancel },
): Promise<void> {
  const [command, ...args] = argv as [string, ...string[]];
  core.info(say`on-change: running ${command} (${opts.names.length} secret(s) changed).`);
  const child = spawn(command, args, {
    env: onChangeEnv(opts.names),
    cwd: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const print = (line: string): void => core.info(inert(opts.masks.redact(line)));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(print);
    });
    stream.on('end', () => rest !== '' && print(rest));
  }
  const stop = (): boolean => child.kill('SIGTERM');
  opts.cancel.signal.addEventListener('abort', stop, { once: true });
  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(say`on-change: cannot run ${command} (${err.code ?? 'error'}).`)),
    );
    child.once('close', (code, signal) => resolve({ code, signal }));
  }).finally(() => opts.cancel.signal.removeEventListener('abort', stop));
  if (result.code !== 0)
    throw new Error(
      say`on-change: ${command} ${result.signal ? `was ended by ${result.signal}` : `exited with ${result.code ?? '?'}`}.`,
    );
}
