// The runner's log masking (actions/runner SecretMasker + ValueEncoders), to show a
// step's log as a user would see it. Tests do not rely on it: they require that no
// value is printed at all.

export function runnerMaskValues(registered: readonly string[]): string[] {
  const values = new Set<string>();
  for (const secret of registered) {
    const variants = [secret, ...secret.split(/\r?\n|\r/).map((l) => l.trim())].filter((v) => v.trim() !== '');
    for (const v of variants) {
      values.add(v);
      const bytes = Buffer.from(v, 'utf8');
      for (const drop of [0, 1, 2]) if (bytes.length > drop) values.add(bytes.subarray(drop).toString('base64'));
      values.add(JSON.stringify(v).slice(1, -1));
      values.add(encodeURIComponent(v));
      values.add(
        v
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&apos;'),
      );
      values.add(v.replace(/"/g, '\\"'));
      values.add(v.replace(/'/g, "''"));
    }
  }
  return [...values].filter((v) => v !== '').sort((a, b) => b.length - a.length);
}

/** Replaces every mask hit on each line with ***, as the runner does. */
export function maskLog(log: string, registered: readonly string[]): string {
  const values = runnerMaskValues(registered);
  return log
    .split('\n')
    .map((line) => {
      let out = line;
      for (const v of values) if (out.includes(v)) out = out.split(v).join('***');
      return out;
    })
    .join('\n');
}
