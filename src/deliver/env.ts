import * as core from '@actions/core';
import type { Secret } from '../secret.js';

/**
 * Opt-in: every later step's environment (and every child process and container it
 * starts). The names were checked in check.ts.
 */
export function deliverEnv(secrets: readonly Secret[], warn = true): void {
  requireFileCommand('GITHUB_ENV', 'env');
  if (warn)
    core.warning(
      `deliver env: ${secrets.length} secret(s) exported as environment variables. Every later step and every process it starts inherits them, ` +
        'and `docker inspect` shows env passed to containers. Files (the default) reach only what reads them.',
    );
  for (const s of secrets) core.exportVariable(s.name, s.reveal());
}

/** Opt-in: step outputs, readable by later steps as steps.<id>.outputs.NAME. */
export function deliverOutputs(secrets: readonly Secret[], warn = true): void {
  requireFileCommand('GITHUB_OUTPUT', 'outputs');
  if (warn)
    core.warning(
      `deliver outputs: ${secrets.length} secret(s) set as step outputs. The runner drops any job output that holds a secret, ` +
        'and an output expression copies the value into every place it is used. Prefer files (the default).',
    );
  for (const s of secrets) core.setOutput(s.outputName, s.reveal());
}

/**
 * Without the runner's file, @actions/core falls back to printing a workflow command
 * with the value on stdout. A value must never be printed, so refuse instead.
 */
export function requireFileCommand(variable: string, delivery: string): void {
  if (!process.env[variable]) {
    throw new Error(
      `deliver ${delivery}: ${variable} is not set, so the value would have to be printed as a workflow command. Run this on a runner (or act) that provides ${variable}, or deliver files.`,
    );
  }
}
