// Searching for a value, with the value in hand, in every encoding it could leak as.
// Independent of src/mask on purpose: a bug there must not hide a leak here.
import { readdirSync, readFileSync, lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** Substrings that any appearance of `value` (or of a line of it) would contain. */
export function leakNeedles(value: string): string[] {
  const parts = new Set([value, ...value.split(/\r?\n|\r/).map((l) => l.trim())]);
  const needles = new Set<string>();
  for (const part of parts) {
    if (part.length < 8) continue; // shorter lines match too much by chance
    needles.add(part);
    const bytes = Buffer.from(part, 'utf8');
    for (const k of [0, 1, 2]) {
      const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
      // drop characters touched by the k prefix bytes and the last group (padding or neighbours)
      const core = b64.slice(k === 0 ? 0 : k + 1, -4);
      if (core.length >= 8) {
        needles.add(core);
        needles.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
      }
    }
    needles.add(bytes.toString('hex'));
    needles.add(encodeURIComponent(part));
    needles.add(JSON.stringify(part).slice(1, -1));
  }
  return [...needles].filter((n) => n.length >= 8);
}

/**
 * Which forms of `value` appear in `text`, ignoring ::add-mask:: lines (the one place a
 * value must go). Described by index and length, so a failing test prints no secret.
 */
export function findIn(text: string, value: string): string[] {
  const body = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return leakNeedles(value).flatMap((n, i) => (body.includes(n) ? [`form ${i} (${n.length} chars)`] : []));
}

export interface TreeHit {
  readonly file: string;
  /** Which value (its index in `values`): never the text, so a failing test prints no secret. */
  readonly value: number;
}

/** Every regular file under `dir` that holds a form of any of `values`. */
export function scanTree(dir: string, values: readonly string[]): TreeHit[] {
  const needles = values.flatMap((v, i) => leakNeedles(v).map((n) => [n, i] as const));
  const hits: TreeHit[] = [];
  walk(dir, (path, st) => {
    if (!st.isFile()) return;
    const bytes = readFileSync(path);
    const texts = [bytes.toString('utf8'), bytes.toString('latin1')];
    for (const [n, i] of needles) if (texts.some((t) => t.includes(n))) hits.push({ file: path, value: i });
  });
  return hits;
}

/** Lists every file and folder under dir (what was left behind). */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  walk(dir, (path) => out.push(path));
  return out;
}

/** Depth-first over `path`, links not followed; a missing path visits nothing. */
function walk(path: string, visit: (path: string, st: Stats) => void): void {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  visit(path, st);
  if (st.isDirectory()) for (const e of readdirSync(path)) walk(join(path, e), visit);
}
