// Inputs of the verify sub-action (verify/action.yml): which container files should hold
// which secret of the main step, and what a mismatch does.
import { choice, InputError, seconds } from './read.js';
import { rawInput } from './compat.js';

export interface VerifyLine {
  readonly line: number;
  readonly container: string;
  readonly path: string;
  readonly name: string;
}

export interface VerifyConfig {
  readonly lines: readonly VerifyLine[];
  readonly onMismatch: 'fail' | 'warn';
  /** Per docker call. */
  readonly timeoutMs: number;
}

// a container name or id as docker allows them, an absolute path, a secret's name
const LINE = /^([A-Za-z0-9][A-Za-z0-9_.-]*):(\/.*?)\s*=\s*([A-Za-z_][A-Za-z0-9_]*)$/;

export function readVerifyConfig(): VerifyConfig {
  // numbered as written, comments and blank lines included, so an error points at the line
  const lines = rawInput('files')
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter(({ text }) => text !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const m = LINE.exec(text);
      if (!m)
        throw new InputError(
          `files line ${line}: write CONTAINER:/ABSOLUTE/PATH = NAME, e.g. api:/run/secrets/db_password = DB_PASSWORD.`,
        );
      return { line, container: m[1] ?? '', path: m[2] ?? '', name: m[3] ?? '' };
    });
  if (lines.length === 0) throw new InputError('files is empty: give CONTAINER:/PATH = NAME lines to verify.');
  return {
    lines,
    onMismatch: choice('on-mismatch', ['fail', 'warn'] as const, 'fail'),
    timeoutMs: seconds('timeout', 10),
  };
}
