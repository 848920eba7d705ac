export type Selector =
  | { readonly kind: 'whole' }
  | { readonly kind: 'all' }
  | { readonly kind: 'key'; readonly segments: readonly string[] }
  /** hashicorp/vault-action's selector (src/compat/): `*`, `**` or a JSONata expression, quotes removed. */
  | { readonly kind: 'compat'; readonly selector: string };

export interface SecretRequest {
  /** 1-based line of the spec text where the entry starts. */
  readonly line: number;
  /** The entry as written, trimmed; specs hold no values, so it is safe to show. */
  readonly text: string;
  /** Normalised: no leading '/', no '?version', no trailing '/' for folders. */
  readonly path: string;
  readonly folder: boolean;
  /** For a folder: how many levels to descend (1 = the secrets directly under it; Infinity for `**`). */
  readonly depth?: number;
  readonly version: number | undefined;
  readonly selector: Selector;
  /** NAME for 'key' and 'whole'; the prefix for 'all' ('' when omitted). The env name for 'compat'. */
  readonly name: string | undefined;
  /** 'compat' only: vault-action's output name (or prefix for `*`/`**`), which keeps the selector's case. */
  readonly outputName?: string;
}

export class SpecError extends Error {
  override readonly name = 'SpecError';
  readonly line: number;
  /** 1-based, in UTF-16 code units, when the problem has a position on the line. */
  readonly column: number | undefined;

  constructor(line: number, message: string, column?: number) {
    super(`secrets line ${line}: ${message}`);
    this.line = line;
    this.column = column;
  }
}
