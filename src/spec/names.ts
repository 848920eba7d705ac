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

/**
 * Case-insensitive because every name may also become a file name, and
 * runners on macOS and Windows have case-insensitive file systems.
 */
export function assertUniqueNames(items: readonly NamedItem[]): void {
  const seen = new Map<string, NamedItem>();
  for (const item of items) {
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
