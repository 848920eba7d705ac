// The run's identity, sent to Vault on every request so an admin can record it in the audit
// log (sys/config/auditing/request-headers/X-GitHub-Run) and tie each entry back to a run.
// One header, so the admin needs one line: `repository=o/r; workflow_ref=...; run_id=1; ...`.
// Every field is percent-encoded outside a small safe set (`;`, `=`, space, CR/LF, `%` and
// non-ASCII included), so no branch or job name can split the header, add a field or forge
// another one. Only the runner's GITHUB_* facts go in: never a value, a token or an input.

export const RUN_HEADER = 'X-GitHub-Run';

/** Field name and the runner variable it comes from, in the order they are sent. */
export const RUN_FIELDS: readonly (readonly [field: string, variable: string])[] = [
  ['repository', 'GITHUB_REPOSITORY'],
  ['workflow_ref', 'GITHUB_WORKFLOW_REF'],
  ['run_id', 'GITHUB_RUN_ID'],
  ['run_attempt', 'GITHUB_RUN_ATTEMPT'],
  ['job', 'GITHUB_JOB'],
  ['event', 'GITHUB_EVENT_NAME'],
];

/** The most characters one encoded field holds: a long branch name fits, a hostile one cannot bloat each request. */
export const MAX_FIELD_CHARS = 512;
/** What ends a field that was cut: an encoded `…`. */
const CUT = '%E2%80%A6';

/** Bytes that pass unencoded: what a repository, a workflow ref and a run id are made of. */
const SAFE = /^[A-Za-z0-9._~/@:-]$/;

/** The header's value for this environment, or undefined when no field is set (not under Actions). */
export function runHeaderValue(env: NodeJS.ProcessEnv): string | undefined {
  const fields = RUN_FIELDS.flatMap(([field, variable]) => {
    const value = env[variable];
    return value === undefined || value === '' ? [] : [`${field}=${encodeField(value)}`];
  });
  return fields.length === 0 ? undefined : fields.join('; ');
}

/** Percent-encoded UTF-8, cut at a character (never inside an escape) once past MAX_FIELD_CHARS. */
export function encodeField(value: string): string {
  let out = '';
  for (const char of value) {
    const piece = SAFE.test(char)
      ? char
      : [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    if (out.length + piece.length > MAX_FIELD_CHARS - CUT.length) return out + CUT;
    out += piece;
  }
  return out;
}

/** The headers to send: the run header, unless vault-audit-headers is false or there is nothing to say. */
export function runHeaders(enabled: boolean, env: NodeJS.ProcessEnv): Record<string, string> {
  const value = enabled ? runHeaderValue(env) : undefined;
  return value === undefined ? {} : { [RUN_HEADER]: value };
}
