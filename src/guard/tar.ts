// A streaming reader of tar archives (ustar, GNU long names, pax path records): yields
// each member's name and data without holding more than one header in memory.
import { drain, type Reader } from './bytes.js';

export interface TarMember {
  readonly name: string;
  readonly size: number;
  /** 0 for a regular file; other types' data is skipped. */
  readonly regular: boolean;
  /** Offset of the data in the archive stream. */
  readonly offset: number;
}

/**
 * Walks the archive. For each member, `onMember` gets its header and its data as
 * chunks, and must consume them before returning; `onBytes` sees every byte of the
 * archive (headers too: a secret in a file name counts) with its offset.
 */
export async function readTar(
  reader: Reader,
  onMember: (member: TarMember, data: AsyncIterable<Uint8Array>) => Promise<void>,
  onBytes: (chunk: Uint8Array, offset: number) => void,
): Promise<void> {
  let offset = 0;
  let longName: string | undefined;
  const consume = (chunk: Uint8Array): void => {
    onBytes(chunk, offset);
    offset += chunk.length;
  };
  for (;;) {
    const header = await reader.read(512);
    if (header.length < 512) {
      consume(header);
      return;
    }
    consume(header);
    if (header.every((b) => b === 0)) {
      for await (const c of reader.rest()) consume(c);
      return;
    }
    const type = String.fromCharCode(header[156] ?? 0x30);
    const size = parseSize(header.subarray(124, 136));
    const padded = Math.ceil(size / 512) * 512;
    const dataOffset = offset;
    if (type === 'L' || type === 'x' || type === 'g') {
      const meta = Buffer.from(await reader.read(padded));
      consume(meta);
      const text = meta.subarray(0, size).toString('utf8');
      if (type === 'L') longName = text.replace(/\0.*$/s, '');
      if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1] ?? longName;
      continue;
    }
    const name = longName ?? tarName(header);
    longName = undefined;
    const member = { name, size, regular: type === '0' || type === '\0' || type === '7', offset: dataOffset };
    const data = tap(reader.take(size), consume);
    if (member.regular) await onMember(member, data);
    await drain(data); // whatever the callback left unread
    for await (const c of reader.take(padded - size)) consume(c);
  }
}

async function* tap(
  source: AsyncIterable<Uint8Array>,
  consume: (chunk: Uint8Array) => void,
): AsyncGenerator<Uint8Array> {
  for await (const c of source) {
    consume(c);
    yield c;
  }
}

function tarName(header: Uint8Array): string {
  const field = (from: number, to: number): string =>
    Buffer.from(header.subarray(from, to)).toString('utf8').replace(/\0.*$/s, '');
  const name = field(0, 100);
  const prefix = field(345, 500);
  return prefix ? `${prefix}/${name}` : name;
}

/** Octal, or GNU base-256 for sizes over 8 GiB. */
function parseSize(field: Uint8Array): number {
  if ((field[0] ?? 0) & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return n;
  }
  const text = Buffer.from(field).toString('latin1').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}
