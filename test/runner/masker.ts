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
  return [...values].filter((v) => v !== '').sort((a, b) => b.length - a.length);
}

/** Replaces every mask hit on each line with ***, as the runner does. */
export function maskLog(log: string, registered: readonly string[]): string {
  const values = runnerMaskValues(registered);
  // Which values can occur in a line, found through their first PREFIX characters (a
  // value with tens of thousands of lines registers that many masks); each line is then
  // masked with those, longest first, exactly as if every value were tried.
  const PREFIX = 4;
  const rank = new Map(values.map((v, i) => [v, i]));
  const byPrefix = new Map<string, string[]>();
  const always: string[] = [];
  for (const v of values) {
    if (v.length < PREFIX || v.includes('*')) always.push(v);
    else {
      const key = v.slice(0, PREFIX);
      const list = byPrefix.get(key);
      if (list) list.push(v);
      else byPrefix.set(key, [v]);
    }
  }
  return log
    .split('\n')
    .map((line) => {
      const candidates = new Set(always);
      for (let i = 0; i + PREFIX <= line.length; i++)
        for (const v of byPrefix.get(line.slice(i, i + PREFIX)) ?? []) if (line.startsWith(v, i)) candidates.add(v);
      let out = line;
      for (const v of [...candidates].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)))
        if (out.includes(v)) out = out.split(v).join('***');
      return out;
    })
    .join('\n');
}
