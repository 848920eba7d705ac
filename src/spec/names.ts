import { SpecError } from './types.js';

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidName(s: string): boolean {
  return NAME_PATTERN.test(s);
}

/**
 * vault-action's rule (`accessKey` → `ACCESSKEY`) extended to nested selectors.
 * Returns '' when no letter or digit survives (e.g. a key written only in
 * non-Latin script), since a name made only of `_` would be meaningless; the
 * caller reports that and asks for an explicit NAME.
 */
export function deriveName(segments: readonly string[], prefix = ''): string {
  // The `u` flag turns an astral character into one `_`, not two.
  const core = segments
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9_]/gu, '_');
  if (!/[A-Z0-9]/.test(core)) return '';
  const name = prefix + core;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export interface NamedItem {
  readonly name: string;
  readonly line: number;
  /** Where the name comes from, e.g. the entry text; shown in the error. */
  readonly what: string;
}

/** The longest file name Linux and macOS accept (NAME_MAX, in bytes; names are ASCII). */
export const MAX_NAME_LENGTH = 255;

/** Every name may become a file name (files/NAME): one past NAME_MAX would fail with a raw ENAMETOOLONG. */
function assertFileName(item: NamedItem): void {
  if (item.name.length <= MAX_NAME_LENGTH) return;
  const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
  throw new SpecError(
    item.line,
    `name ${short(item.name)} (${item.name.length} characters) from \`${short(item.what)}\` is longer than ` +
      `${MAX_NAME_LENGTH}, the most a file name may be, and each secret is also a file — give that key a ` +
      'shorter NAME on a line of its own (`path "key" | NAME`)',
  );
}

/**
 * Case-insensitive because every name may also become a file name, and
 * runners on macOS and Windows have case-insensitive file systems.
 */
export function assertUniqueNames(items: readonly NamedItem[]): void {
  const seen = new Map<string, NamedItem>();
  for (const item of items) {
    assertFileName(item);
    const key = item.name.toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new SpecError(
        item.line,
        `name ${item.name} from \`${item.what}\` clashes with ${first.name} from line ${first.line} ` +
          `(\`${first.what}\`); names must differ even ignoring case — ` +
          'give one of them another NAME with `| NAME` (or another prefix after `*`)',
      );
    }
    seen.set(key, item);
  }
}
