// What the leak guard found, for annotations and the summary. Pure but for the line
// numbers, which are counted by reading the file only up to each hit.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Hit } from './scanner.js';

/** Adds the 1-based line to hits in plain text files (no NUL byte before the hit, as grep judges). */
export function addLineNumbers(hits: Hit[]): void {
  const byFile = new Map<string, Hit[]>();
  for (const h of hits) if (h.inner === '') byFile.set(h.path, [...(byFile.get(h.path) ?? []), h]);
  const buf = Buffer.allocUnsafe(1 << 20);
  for (const [path, fileHits] of byFile) {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      continue;
    }
    try {
      const sorted = [...fileHits].sort((a, b) => a.offset - b.offset);
      let pos = 0;
      let line = 1;
      let binary = false;
      for (const hit of sorted) {
        while (pos < hit.offset && !binary) {
          const n = readSync(fd, buf, 0, Math.min(buf.length, hit.offset - pos), pos);
          if (n === 0) break;
          // indexOf runs in native code: a hit at the end of a large text file costs one fast pass
          const chunk = buf.subarray(0, n);
          const nul = chunk.indexOf(0);
          const end = nul >= 0 ? nul : n;
          for (let i = chunk.indexOf(0x0a); i >= 0 && i < end; i = chunk.indexOf(0x0a, i + 1)) line++;
          binary = nul >= 0;
          pos += n;
        }
        if (!binary) hit.line = line;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** `NAME as base64: 2` lines, by secret and form. */
export function tally(hits: readonly Hit[]): string[] {
  const counts = new Map<string, number>();
  for (const h of hits) {
    const key = `${h.name} as ${h.form}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort().map(([k, n]) => `${k}: ${n}`);
}

export function where(hit: Hit): string {
  return `${hit.path}${hit.inner ? `!${hit.inner}` : ''} at byte ${hit.offset}${hit.line !== undefined ? ` (line ${hit.line})` : ''}`;
}
