// The runner's log masking (actions/runner SecretMasker + ValueEncoders), to show a
// step's log as a user would see it. Tests do not rely on it: they require that no
// value is printed at all.

export function runnerMaskValues(registered: readonly string[]): string[] {
  // The runner registers each value and each trimmed line of it; the same line registered
  // twice (a value's lines are registered on their own too) is encoded once.
  const variants = new Set<string>();
  for (const secret of new Set(registered)) {
    for (const v of [secret, ...secret.split(/\r?\n|\r/).map((l) => l.trim())]) if (v.trim() !== '') variants.add(v);
  }
  const values = new Set<string>();
  // Each text encoder runs only where it changes something (it would add `v` itself,
  // already there): the same set, without a million throw-away copies for a value of
  // tens of thousands of lines.
  for (const v of variants) {
    values.add(v);
    const bytes = Buffer.from(v, 'utf8');
    for (const drop of [0, 1, 2]) if (bytes.length > drop) values.add(bytes.subarray(drop).toString('base64'));
    // eslint-disable-next-line no-control-regex -- the characters JSON.stringify escapes
    if (/["\\\u0000-\u001f\ud800-\udfff]/.test(v)) values.add(JSON.stringify(v).slice(1, -1));
    if (/[^A-Za-z0-9\-_.!~*'()]/.test(v)) values.add(encodeURIComponent(v));
    if (/[&<>"']/.test(v))
      values.add(
        v
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&apos;'),
      );
    if (v.includes('"')) values.add(v.replace(/"/g, '\\"'));
    if (v.includes("'")) values.add(v.replace(/'/g, "''"));
  }
  return [...values].filter((v) => v !== '').sort((a, b) => b.length - a.length);
}

/** Replaces every mask hit on each line with ***, as the runner does. */
export function maskLog(log: string, registered: readonly string[]): string {
  // Only values whose first PREFIX characters occur somewhere in the log can hit (a value
  // of tens of thousands of lines registers that many masks, the log has a few dozen
  // lines); each line is then masked with those, longest first, exactly as if every
  // value were tried. A value containing `*` could appear only after an earlier
  // replacement, so it is always tried.
  const PREFIX = 4;
  const grams = new Set<string>();
  for (let i = 0; i + PREFIX <= log.length; i++) grams.add(log.slice(i, i + PREFIX));
  const values = runnerMaskValues(registered).filter(
    (v) => v.length < PREFIX || v.includes('*') || grams.has(v.slice(0, PREFIX)),
  );
  return log
    .split('\n')
    .map((line) => {
      let out = line;
      for (const v of values) if (out.includes(v)) out = out.split(v).join('***');
      return out;
    })
    .join('\n');
}
