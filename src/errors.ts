// How a thrown value becomes text, in one place. Anything that is not an Error may be
// a reply body or a value, so only an Error's message is ever printed.
import * as core from '@actions/core';
import { inertMessage } from './output.js';

export const ACTION_NAME = 'vault-secrets-action';

/** The message of an Error; `fallback` for anything else thrown. */
export function errorMessage(err: unknown, fallback = 'unknown error'): string {
  return err instanceof Error ? err.message : fallback;
}

/** Fails the step with one line that names the action; the redacted stack goes to debug. */
export function failStep(err: unknown, redact: (text: string) => string): void {
  // The message may quote a server's reply: made inert like any untrusted text.
  if (err instanceof Error && err.stack !== undefined) core.debug(inertMessage(redact(err.stack)));
  core.setFailed(inertMessage(`${ACTION_NAME}: ${redact(errorMessage(err))}`));
}
