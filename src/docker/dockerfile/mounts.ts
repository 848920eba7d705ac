import { flagValues, splitFlags } from './command.js';

/** A `RUN --mount=type=secret,...` as BuildKit reads it. */
export type SecretMount =
  | { readonly kind: 'id'; readonly id: string; readonly required: boolean }
  /** The id comes from a build arg or ENV (`id=$NPM_SECRET`): unknown until build time. */
  | { readonly kind: 'dynamic' }
  /** BuildKit rejects the mount; `reason` is its error. */
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * The secret mounts among a RUN instruction's flags (`args` as parsed: flags, then
 * the command). Each `--mount` value is one CSV record of `key=value` fields (keys
 * case-insensitive, the last of a repeated key wins); other mount types are skipped,
 * and so is a value that is not valid CSV, which BuildKit rejects itself.
 */
export function secretMounts(args: string): SecretMount[] {
  return flagValues(splitFlags(args).flags, 'mount').flatMap((value) => {
    const fields = csvRecord(value);
    const mount = fields && readFields(fields);
    return mount?.type === 'secret' ? [secretMount(mount)] : [];
  });
}

interface MountFields {
  type: string;
  id: string;
  source: string;
  target: string;
  required: boolean;
}

function readFields(fields: readonly string[]): MountFields {
  const mount: MountFields = { type: 'bind', id: '', source: '', target: '', required: false };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    if (key === 'required') mount.required = value === undefined || GO_TRUE.has(value);
    else if (value === undefined) continue;
    else if (key === 'type') mount.type = value.toLowerCase();
    else if (key === 'id') mount.id = value;
    else if (key === 'source' || key === 'src') mount.source = value;
    else if (key === 'target' || key === 'dst' || key === 'destination') mount.target = value;
  }
  return mount;
}

// strconv.ParseBool's true spellings; anything else is false or an error BuildKit reports.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** BuildKit (dispatchSecret): the id is `source`, else `id`, else the last element of `target`. */
function secretMount(mount: MountFields): SecretMount {
  if (mount.source !== '' && mount.id !== '') return { kind: 'invalid', reason: "both source and id can't be set" };
  const id = mount.source || mount.id || (mount.target === '' ? '' : pathBase(mount.target));
  if (id === '') return { kind: 'invalid', reason: 'invalid secret mount. one of source, target required' };
  return id.includes('$') ? { kind: 'dynamic' } : { kind: 'id', id, required: mount.required };
}

/** Go's path.Base for a non-empty path. */
function pathBase(path: string): string {
  let end = path.length;
  while (path[end - 1] === '/') end--;
  return end === 0 ? '/' : path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

/** One record as Go's encoding/csv reads it (strict quotes), or undefined where it fails. */
function csvRecord(text: string): string[] | undefined {
  if (text === '') return undefined;
  const fields: string[] = [];
  for (let pos = 0; ; pos++) {
    let field: string;
    if (text[pos] === '"') {
      field = '';
      for (pos++; ; pos += 2) {
        const close = text.indexOf('"', pos);
        if (close < 0) return undefined;
        field += text.slice(pos, close);
        pos = close;
        if (text[close + 1] !== '"') break;
        field += '"';
      }
      pos++;
      if (pos < text.length && text[pos] !== ',') return undefined;
    } else {
      const comma = text.indexOf(',', pos);
      const end = comma < 0 ? text.length : comma;
      field = text.slice(pos, end);
      if (field.includes('"')) return undefined;
      pos = end;
    }
    fields.push(field);
    if (pos >= text.length) return fields;
  }
}
