// From a secret's data to named values, as the spec entry asks. Pure.
import { deriveName, isValidName, type SecretRequest } from '../spec/index.js';

export interface Selected {
  readonly name: string;
  /** The output name when it differs from `name` (hashicorp/vault-action compatibility). */
  readonly outputName?: string;
  readonly value: string;
  /** Path and key, safe to show: "secret/ci/app#password". */
  readonly source: string;
  readonly line: number;
}

/**
 * `data` is one secret's key/value data; `leaf` is the secret's name inside a folder
 * entry (undefined otherwise), which becomes part of derived names.
 */
export function selectValues(
  req: SecretRequest,
  data: Record<string, unknown>,
  readPath: string,
  leaf?: string,
): Selected[] {
  const at = (key: string): string => `${readPath}#${key}`;
  switch (req.selector.kind) {
    case 'compat':
      throw new Error(`secrets line ${req.line}: a vault-action selector is evaluated by compat/select.ts.`);
    case 'whole':
      return [{ name: req.name ?? '', value: JSON.stringify(data), source: readPath, line: req.line }];
    case 'all':
      return Object.entries(data).map(([key, v]) => {
        const name = deriveName(leaf === undefined ? [key] : [leaf, key], req.name ?? '');
        if (!isValidName(name)) {
          throw new Error(
            `secrets line ${req.line}: key "${key}" of ${readPath} gives no usable name; select it explicitly with \`| NAME\`.`,
          );
        }
        return { name, value: stringify(v, req, at(key)), source: at(key), line: req.line };
      });
    case 'key': {
      const shown = req.selector.segments.join('.');
      const value = dig(data, req.selector.segments, req, readPath);
      return [
        {
          name: req.name ?? deriveName(req.selector.segments),
          value: stringify(value, req, at(shown)),
          source: at(shown),
          line: req.line,
        },
      ];
    }
  }
}

function dig(
  data: Record<string, unknown>,
  segments: readonly string[],
  req: SecretRequest,
  readPath: string,
): unknown {
  let node: unknown = data;
  for (const [i, segment] of segments.entries()) {
    const container = parsedIfJson(node);
    if (Array.isArray(container) && /^\d+$/.test(segment) && Number(segment) < container.length) {
      node = container[Number(segment)];
    } else if (
      container !== null &&
      typeof container === 'object' &&
      !Array.isArray(container) &&
      Object.hasOwn(container, segment)
    ) {
      node = (container as Record<string, unknown>)[segment];
    } else {
      const where = i === 0 ? readPath : `${readPath}#${segments.slice(0, i).join('.')}`;
      throw new Error(
        `secrets line ${req.line}: "${segment}" not found in ${where} (${describe(container, i === 0)}). Check the key's spelling and case.`,
      );
    }
  }
  return node;
}

/**
 * A value written with `vault kv put secret/x config=@config.json` is a JSON string:
 * a dotted selector reaches into it as into an object.
 */
function parsedIfJson(node: unknown): unknown {
  if (typeof node !== 'string' || !/^\s*[[{]/.test(node)) return node;
  try {
    return JSON.parse(node) as unknown;
  } catch {
    return node;
  }
}

/**
 * What a container holds, by key name only, and only for the secret's own (top-level)
 * keys: the keys inside a value (a JSON object or JSON string) are part of that value.
 */
function describe(node: unknown, topLevel: boolean): string {
  if (Array.isArray(node)) return `an array of ${node.length}`;
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    if (!topLevel) return 'an object, whose keys are part of the value and not listed';
    return keys.length === 0
      ? 'it has no keys'
      : `it has: ${keys.slice(0, 20).join(', ')}${keys.length > 20 ? ', …' : ''}`;
  }
  return 'it is a plain value, not an object';
}

function stringify(value: unknown, req: SecretRequest, source: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  throw new Error(`secrets line ${req.line}: ${source} is null; nothing to deliver.`);
}
