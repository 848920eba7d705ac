// vault-pki: hashicorp/vault-action's `pki` lines, `pki/issue/ROLE {"common_name": ...} [| NAME]`,
// separated by `;` or new lines. Pure: text in, requests out, errors naming the line.
import { deriveName, isValidName } from '../spec/index.js';
import { InputError } from './read.js';

export interface PkiRequest {
  /** The issue endpoint, e.g. pki/issue/web. */
  readonly path: string;
  /** The engine's mount (the path before /issue/), where post revokes. */
  readonly mount: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Names are NAME_CERT, NAME_KEY, NAME_CA and NAME_CA_CHAIN, as vault-action forms them. */
  readonly name: string;
  readonly line: number;
}

export function parsePki(text: string): PkiRequest[] {
  const out: PkiRequest[] = [];
  for (const [i, raw] of text.split(/[;\n]/).entries()) {
    const entry = raw.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    const line = i + 1;
    const where = `vault-pki entry ${line}`;
    const m = /^(\S+)\s+(\{[\s\S]*\})\s*(?:\|\s*(\S+))?$/.exec(entry);
    if (!m)
      throw new InputError(
        `${where} is not "pki/issue/ROLE {JSON parameters} | NAME": give the issue path, a JSON object, and optionally a name.`,
      );
    const [, path = '', json = '', explicit] = m;
    const issue = /^((?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+)\/issue\/([A-Za-z0-9_.-]+)$/.exec(path.replace(/^\/+/, ''));
    if (!issue) throw new InputError(`${where}: ${path} is not an issue endpoint (MOUNT/issue/ROLE).`);
    let parameters: unknown;
    try {
      parameters = JSON.parse(json);
    } catch {
      throw new InputError(`${where}: the parameters are not valid JSON.`);
    }
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
      throw new InputError(`${where}: the parameters must be a JSON object.`);
    const role = issue[2] ?? '';
    const name = explicit ?? deriveName([role]);
    if (!isValidName(name))
      throw new InputError(
        `${where}: "${name}" is not a usable name: letters, digits and "_", not starting with a digit.`,
      );
    out.push({ path: issue[0], mount: issue[1] ?? '', parameters: parameters as Record<string, unknown>, name, line });
  }
  return out;
}
