// hashicorp/vault-action's names (its src/utils.js normalizeOutputKey). Pure.

/** `*` upper-cases the env names it makes; `**` keeps the keys' case. */
export const WILDCARDS: ReadonlySet<string> = new Set(['*', '**']);

/**
 * `.` becomes `__`, `-` and every character other than a letter, a digit or `_` is
 * removed; env names are upper-cased, output names keep the selector's case.
 */
export function normalizeKey(key: string, upperCase: boolean): string {
  const out = key
    .replaceAll('.', '__')
    .replaceAll('-', '')
    .replace(/[^\p{L}\p{N}_]/gu, '');
  return upperCase ? out.toUpperCase() : out;
}
