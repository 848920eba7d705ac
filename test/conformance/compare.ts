// What the conformance test compares between the dev server and OpenBao: the status, the
// headers the action reads and the reply's fields the action reads, each either by value
// or by shape (ids and tokens differ by design, their presence and form must not). Pure.

/** One HTTP exchange, as either server answered it. */
export interface Reply {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly body: unknown;
}

/**
 * A field the action reads, by dotted path in the body: `value` compares it as it is,
 * `shape` its JSON type (and for strings a pattern: ids and tokens are random),
 * `keys` the sorted key names of an object.
 */
export type Field =
  | { readonly path: string; readonly compare: 'value' }
  | { readonly path: string; readonly compare: 'shape'; readonly pattern?: RegExp }
  | { readonly path: string; readonly compare: 'keys' };

export const value = (path: string): Field => ({ path, compare: 'value' });
export const shape = (path: string, pattern?: RegExp): Field => ({
  path,
  compare: 'shape',
  ...(pattern ? { pattern } : {}),
});
export const keys = (path: string): Field => ({ path, compare: 'keys' });

export function at(body: unknown, path: string): unknown {
  let node = body;
  for (const part of path === '' ? [] : path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'empty array' : `array of ${typeOf(v[0])}`;
  return typeof v;
}

/** What a field looks like for comparison: a value, or a description of its shape. */
export function observe(body: unknown, field: Field): unknown {
  const v = at(body, field.path);
  switch (field.compare) {
    case 'value':
      return v === undefined ? '(absent)' : v;
    case 'keys':
      return v !== null && typeof v === 'object' ? Object.keys(v).sort() : `(not an object: ${typeOf(v)})`;
    case 'shape':
      if (v === undefined) return '(absent)';
      if (typeof v === 'string' && field.pattern) return field.pattern.test(v) ? `string ~ ${field.pattern}` : v;
      return typeOf(v);
  }
}

/** The error body's shape as the action reads it (src/vault/errors.ts vaultErrorsOf): strings, none or some. */
export function errorsShape(body: unknown): string {
  const errors = at(body, 'errors');
  if (errors === undefined) return '(no errors key)';
  if (!Array.isArray(errors)) return `(errors is ${typeOf(errors)})`;
  if (!errors.every((e) => typeof e === 'string')) return '(errors holds non-strings)';
  return errors.length === 0 ? 'errors: []' : 'errors: [string, ...]';
}

export interface Difference {
  readonly what: string;
  readonly dev: unknown;
  readonly bao: unknown;
}

/** Every difference between the two replies, in the status, headers, error body and `fields`. */
export function differences(dev: Reply, bao: Reply, fields: readonly Field[]): Difference[] {
  const out: Difference[] = [];
  const note = (what: string, d: unknown, b: unknown): void => {
    if (JSON.stringify(d) !== JSON.stringify(b)) out.push({ what, dev: d, bao: b });
  };
  note('status', dev.status, bao.status);
  note('Content-Type', dev.contentType, bao.contentType);
  note('Retry-After', dev.retryAfter !== null, bao.retryAfter !== null);
  if (dev.status >= 400 || bao.status >= 400) note('error body', errorsShape(dev.body), errorsShape(bao.body));
  for (const field of fields)
    note(`${field.path} (${field.compare})`, observe(dev.body, field), observe(bao.body, field));
  return out;
}
