// How a thrown value becomes text, in one place. Anything that is not an Error may be
// a reply body or a value, so only an Error's message is ever printed.
import * as core from '@actions/core';

export const ACTION_NAME = 'vault-secrets-action';

/** The message of an Error; `fallback` for anything else thrown. */
export function errorMessage(err: unknown, fallback = 'unknown error'): string {
  return err instanceof Error ? err.message : fallback;
}

/** Fails the step with one line that names the action; the redacted stack goes to debug. */
export function failStep(err: unknown, redact: (text: string) => string): void {
  if (err instanceof Error && err.stack !== undefined) core.debug(redact(err.stack));
  core.setFailed(`${ACTION_NAME}: ${redact(errorMessage(err))}`);
}
