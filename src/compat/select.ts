// hashicorp/vault-action's selection (its src/secrets.js getSecrets and selectData): the
// same JSONata expression it builds, evaluated on the same data, stringified the same
// way. `data` is the secret's key/value data (KV v2 already unwrapped), which is what
// vault-action's `data.` / `data.data.` prefix reaches.
import jsonata from 'jsonata';
import type { SecretRequest } from '../spec/index.js';
import type { Selected } from '../vault/select.js';
import type { Encoding } from '../inputs/compat.js';
import { normalizeKey, WILDCARDS } from './names.js';

export interface CompatSelectOptions {
  readonly encoding: Encoding | undefined;
}

export async function selectCompat(
  req: SecretRequest & { readonly selector: { readonly kind: 'compat'; readonly selector: string } },
  data: Record<string, unknown>,
  readPath: string,
  opts: CompatSelectOptions,
): Promise<Selected[]> {
  const { selector } = req.selector;
  const one = async (expression: string, name: string, outputName: string, shown: string): Promise<Selected> => {
    const raw = await evaluate(expression, data, req.line);
    const value = opts.encoding === undefined ? raw : Buffer.from(raw, opts.encoding).toString();
    return { name, outputName, value, source: `${readPath}#${shown}`, line: req.line };
  };
  if (!WILDCARDS.has(selector)) return [await one(selector, req.name ?? '', req.outputName ?? '', selector)];

  const upper = selector === '*';
  const selected: Selected[] = [];
  for (const key of Object.keys(data)) {
    // A key with a `.` is quoted in backticks, as JSONata needs for reserved characters.
    const expression = key.includes('.') ? `\`${key}\`` : key;
    const name = normalizeKey(`${req.name ?? ''}${key}`, upper);
    if (name === '')
      throw new Error(
        `secrets line ${req.line}: key "${key}" of ${readPath} gives no usable name; select it with \`| NAME\`.`,
      );
    selected.push(await one(expression, name, normalizeKey(`${req.outputName ?? ''}${key}`, false), key));
  }
  return selected;
}

/**
 * A selector without `.` is a key, quoted so that JSONata reads any characters in it
 * as a name. A string result is delivered as is, anything else as its JSON text.
 */
async function evaluate(selector: string, data: Record<string, unknown>, line: number): Promise<string> {
  const expression = `data.${selector.includes('.') ? selector : `"${selector}"`}`;
  let result: unknown;
  try {
    result = await jsonata(expression).evaluate({ data });
  } catch (err) {
    // JSONata's messages can quote the data they failed on, which is secret: give its code only.
    const code = (err as { code?: unknown }).code;
    throw new Error(
      `secrets line ${line}: selector ${selector} failed with JSONata error ${typeof code === 'string' ? code : '(no code)'}; see https://docs.jsonata.org/errors.`,
      // the cause stays out of every message: it can quote the data
      { cause: err },
    );
  }
  const json = JSON.stringify(result) as string | undefined;
  if (json === undefined)
    throw new Error(
      `secrets line ${line}: unable to retrieve result for ${selector}. No match data was found. Double check your Key or Selector.`,
    );
  return typeof result === 'string' ? result : json;
}
