// Checks on what a step registered with ::add-mask::, independent of src/mask.
import { randomBytes } from 'node:crypto';

/** True when some registered mask is contained in `text` (the runner would then hide it). */
export function hits(masks: readonly string[], text: string): boolean {
  return masks.some((m) => m !== '' && text.includes(m));
}

/**
 * The encodings of `part`, each embedded in random neighbours at every byte alignment,
 * that a mask must hit. Parts under 12 bytes are skipped: derived forms that short are
 * deliberately not registered.
 */
export function embeddedEncodings(part: string): { form: string; text: string }[] {
  const bytes = Buffer.from(part, 'utf8');
  if (bytes.length < 12) return [];
  const out: { form: string; text: string }[] = [];
  for (const k of [0, 1, 2]) {
    const framed = Buffer.concat([randomBytes(k + 3 * 4), bytes, randomBytes(7)]);
    out.push({ form: `base64 at alignment ${k}`, text: framed.toString('base64') });
    out.push({ form: `base64url at alignment ${k}`, text: framed.toString('base64url') });
  }
  out.push({ form: 'hex', text: `x${bytes.toString('hex')}y` });
  out.push({ form: 'HEX', text: `x${bytes.toString('hex').toUpperCase()}y` });
  out.push({ form: 'url', text: `?q=${encodeURIComponent(part)}&z=1` });
  out.push({ form: 'json', text: `{"v":${JSON.stringify(part)}}` });
  // what other encoders write, spelled out here rather than taken from src/mask
  out.push({ form: 'form-encoded', text: `${new URLSearchParams({ v: part }).toString()}&z=1` });
  const strict = encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  out.push({ form: 'RFC 3986', text: `?q=${strict}&z=1` });
  const ascii = JSON.stringify(part).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  out.push({ form: 'ASCII-only JSON', text: `{"v":${ascii}}` });
  if (part.includes("'")) out.push({ form: 'shell-quoted', text: `echo '${part.replace(/'/g, "'\\''")}'` });
  return out;
}

/** The value, each trimmed non-empty line, each JSON leaf: what must be registered as is. */
export function plainPartsOf(value: string): string[] {
  const parts = [
    value,
    ...value
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  ];
  try {
    const walk = (n: unknown): void => {
      if (typeof n === 'string' && n.trim() !== '') parts.push(n);
      else if (typeof n === 'number') parts.push(String(n));
      else if (n && typeof n === 'object') Object.values(n).forEach(walk);
    };
    const doc: unknown = JSON.parse(value);
    if (doc && typeof doc === 'object') walk(doc);
  } catch {
    // not JSON
  }
  return [...new Set(parts)];
}
