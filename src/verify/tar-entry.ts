// The first member of the tar stream `docker cp CONTAINER:PATH -` writes (pure): its
// type, mode, owner, link target and data. docker's archive is Go's archive/tar, with
// PAX records where USTAR fields do not fit (long names, large ids).

export type EntryType =
  'file' | 'symlink' | 'hardlink' | 'directory' | 'fifo' | 'char-device' | 'block-device' | 'other';

export interface TarEntry {
  readonly type: EntryType;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** A link's target: text the container chose. */
  readonly linkname: string;
  /** The data (a file's bytes), as far as `stream` holds it. */
  readonly data: Buffer;
  /** The stream held all `size` bytes of the data. */
  readonly complete: boolean;
}

const TYPES: Readonly<Record<string, EntryType>> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo',
};

/** The first real member, after any PAX ('x', 'g') and GNU long-name ('L', 'K') headers; undefined if none. */
export function firstEntry(stream: Buffer): TarEntry | undefined {
  let offset = 0;
  let pax: Record<string, string> = {};
  let longLink: string | undefined;
  while (offset + 512 <= stream.length) {
    const header = stream.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return undefined;
    const flag = String.fromCharCode(header[156] ?? 0x30);
    const size = Number(pax['size'] ?? octal(header.subarray(124, 136)));
    const data = stream.subarray(offset + 512, offset + 512 + size);
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (flag === 'x') pax = { ...pax, ...paxRecords(data.toString('latin1')) };
      if (flag === 'K') longLink = data.toString('utf8').replace(/\0.*$/s, '');
      offset += 512 + Math.ceil(size / 512) * 512;
      continue;
    }
    return {
      type: TYPES[flag] ?? 'other',
      mode: octal(header.subarray(100, 108)) & 0o7777,
      uid: Number(pax['uid'] ?? octal(header.subarray(108, 116))),
      gid: Number(pax['gid'] ?? octal(header.subarray(116, 124))),
      size,
      linkname: pax['linkpath'] ?? longLink ?? field(header.subarray(157, 257)),
      data: Buffer.from(data),
      complete: data.length === size,
    };
  }
  return undefined;
}

function field(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8').replace(/\0.*$/s, '');
}

/** Octal, or GNU base-256 (high bit set) for values that do not fit. */
function octal(bytes: Uint8Array): number {
  if ((bytes[0] ?? 0) & 0x80) {
    let n = (bytes[0] ?? 0) & 0x7f;
    for (let i = 1; i < bytes.length; i++) n = n * 256 + (bytes[i] ?? 0);
    return n;
  }
  const text = Buffer.from(bytes).toString('latin1').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** `LEN key=value\n` records; LEN counts bytes, so `text` is latin1 (one char a byte), values decoded as UTF-8. */
function paxRecords(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    const len = Number(text.slice(at, space));
    if (space < 0 || !Number.isInteger(len) || len <= 0) break;
    const record = text.slice(space + 1, at + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = Buffer.from(record.slice(eq + 1), 'latin1').toString('utf8');
    at += len;
  }
  return out;
}
