// Small helpers the bench sections share: medians with their spread, ratios, and the
// one line per target that says PASS or MISS.

/** Median and range of a sample ("412 ms (380-460)"). */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  // The lower median for an even count: a bench with BENCH_RUNS=2 still reports a run that happened.
  return { median: s[Math.floor((s.length - 1) / 2)] ?? NaN, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/** The nearest-rank percentile (p in 0-100) of a sample; NaN when it is empty. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export function ms(s: Spread): string {
  return `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;
}

/** One line per target, the same shape everywhere: what, ours, the peer, ratio, PASS/MISS. */
export function target(what: string, ok: boolean, detail: string): void {
  console.log(`  ${ok ? 'PASS' : 'MISS'}  ${what.padEnd(46)} ${detail}`);
}

export function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(52)} ${value}`);
}

/** How many runs each timed comparison makes (alternating ours and the peer). */
export const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 5));
