// The leak guard: one matcher built from every form of every secret, run over files,
// folders, archives (tar, gzip, zstd, nested) and docker images. A hit says where
// (file, path inside an archive, byte offset, line for text files) and which secret in
// which form: never the value, nor any part of it.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MIN_SECRET_LENGTH, type FormKind } from '../mask/forms.js';
import { Matcher, type MatchSink } from './matcher.js';
import { Reader, drain, sniff, type Chunks } from './bytes.js';
import { readTar } from './tar.js';
import { gunzip, unzstd } from './decompress.js';
import { errorMessage } from '../errors.js';
import { O_NOFOLLOW } from '../deliver/private-file.js';

export interface GuardForm {
  readonly text: string;
  readonly name: string;
  readonly kind: FormKind;
}

export interface Hit {
  /** The file on disk, or `image NAME`. */
  readonly path: string;
  /** Where inside archives: `layer.tar!etc/app.conf`, '' for the file itself. */
  readonly inner: string;
  readonly offset: number;
  readonly name: string;
  readonly form: FormKind;
  /** 1-based, for hits in plain text files. */
  line?: number;
}

export interface ScanStats {
  files: number;
  bytes: number;
  archives: number;
  /** Links, sockets, devices: not followed, not read. */
  skipped: number;
  /** What could not be looked into, and why (paths only). */
  notes: string[];
  /** Hits past MAX_HITS: counted, not kept. */
  dropped: number;
}

/** Archives inside archives are opened this deep; deeper ones are scanned as bytes. */
const MAX_DEPTH = 4;
/** Hits kept in memory; past this they are only counted, so memory stays bounded. */
export const MAX_HITS = 10_000;
/** Small files are read whole into one reused buffer: no stream per file. */
const SMALL = 1 << 20;

export class Scanner {
  readonly hits: Hit[] = [];
  readonly stats: ScanStats = { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
  readonly #matcher: Matcher;
  readonly #forms: readonly GuardForm[];
  readonly #buffer = Buffer.allocUnsafe(SMALL);

  constructor(forms: readonly GuardForm[]) {
    this.#forms = scannable(forms);
    this.#matcher = new Matcher(this.#forms.map((f) => Buffer.from(f.text, 'utf8')));
  }

  /** The longest form in bytes: ranges of one file overlap by this less one. */
  get maxLength(): number {
    return this.#matcher.maxLength;
  }

  get empty(): boolean {
    return this.#forms.length === 0;
  }

  /** A file or a folder (recursively; links not followed, special files skipped). */
  async scanPath(path: string): Promise<void> {
    let st;
    try {
      st = lstatSync(path);
    } catch (err) {
      this.#unreadable(path, err);
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path);
      } catch (err) {
        this.#unreadable(path, err);
        return;
      }
      for (const entry of entries) await this.scanPath(join(path, entry));
    } else if (st.isFile()) {
      await this.scanWalkedFile(path, Number.POSITIVE_INFINITY);
    } else {
      this.stats.skipped++;
    }
  }

  /** Any byte stream: a `docker save`, a download. */
  async scanStream(label: string, source: Chunks): Promise<void> {
    this.stats.files++;
    await this.#scanSource(new Reader(source), label, [], 0);
  }

  /**
   * A file the walk found (a worker's task): opened once, never through a link that
   * replaced it since. A plain file over `splitAbove` bytes is not read: its size is
   * returned for the pool to split into ranges for every worker.
   */
  async scanWalkedFile(path: string, splitAbove: number): Promise<number | undefined> {
    let fd: number;
    try {
      // O_NONBLOCK: were a FIFO swapped in since the walk, reading it returns at once instead of hanging
      fd = openSync(path, constants.O_RDONLY | O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOOP') this.stats.skipped++;
      else this.#unreadable(path, err);
      return undefined;
    }
    let open = true;
    try {
      // Most files are small: read up to SMALL bytes, and reaching the end first needs no stat.
      let n = 0;
      try {
        while (n < SMALL) {
          const r = readSync(fd, this.#buffer, n, SMALL - n, null);
          if (r === 0) break;
          n += r;
        }
      } catch (err) {
        this.#unreadable(path, err);
        return undefined;
      }
      const st = n < SMALL ? undefined : fstatSync(fd);
      if (st !== undefined && !st.isFile()) {
        this.stats.skipped++;
        return undefined;
      }
      if (st === undefined || st.size <= SMALL) {
        closeSync(fd);
        open = false;
        this.stats.files++;
        const data = this.#buffer.subarray(0, n);
        if (sniff(data) === 'plain') {
          this.stats.bytes += n;
          this.#matcher.scan(data, (i, offset) => this.#hit(path, [], i, offset));
          return undefined;
        }
        // an archive: copy out of the shared buffer, the reader may hold on to chunks
        await this.#scanSource(new Reader(once(Buffer.from(data))), path, [], 0);
        return undefined;
      }
      if (sniff(this.#buffer.subarray(0, 512)) === 'plain') {
        if (st.size > splitAbove) return st.size;
        // a large plain file is read in place, synchronously (a worker thread has nothing
        // else to do): no stream, no chunk allocated per read
        this.stats.files++;
        this.stats.bytes += this.#scanFd(fd, 0, Number.POSITIVE_INFINITY, (i, offset) =>
          this.#hit(path, [], i, offset),
        );
        return undefined;
      }
    } finally {
      if (open) closeSync(fd);
    }
    this.stats.files++;
    await this.#scanSource(new Reader(createReadStream(path, { highWaterMark: SMALL })), path, [], 0);
    return undefined;
  }

  /**
   * Bytes [start, end) of a plain file, read on to `end + maxLength - 1` so that a form
   * starting before `end` is seen whole; only hits starting in the range are kept, so
   * ranges that tile a file find exactly what one pass over it finds.
   */
  scanRange(path: string, start: number, end: number): void {
    if (start === 0) this.stats.files++;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      this.#unreadable(path, err);
      return;
    }
    try {
      this.#scanFd(fd, start, end + this.maxLength - 1, (i, offset) => {
        if (start + offset < end) this.#hit(path, [], i, start + offset);
      });
    } finally {
      closeSync(fd);
    }
    this.stats.bytes += end - start;
  }

  /** Bytes [from, to) of an open file through the matcher, in the one reused buffer; returns how many were read. */
  #scanFd(fd: number, from: number, to: number, onMatch: MatchSink): number {
    const stream = this.#matcher.stream(onMatch);
    let pos = from;
    while (pos < to) {
      const n = readSync(fd, this.#buffer, 0, Math.min(this.#buffer.length, to - pos), pos);
      if (n === 0) break;
      stream.write(this.#buffer.subarray(0, n));
      pos += n;
    }
    stream.end();
    return pos - from;
  }

  async #scanSource(reader: Reader, path: string, inner: readonly string[], depth: number): Promise<void> {
    const format = depth < MAX_DEPTH ? sniff(await reader.peek(512)) : 'plain';
    try {
      if (format === 'gzip' || format === 'zstd') {
        await this.#scanCompressed(reader, format, path, inner, depth);
      } else if (format === 'tar') {
        this.stats.archives++;
        await this.#scanTar(reader, path, inner, depth);
      } else {
        await this.#scanRaw(reader.rest(), path, inner);
      }
    } catch (err) {
      this.stats.notes.push(`${[path, ...inner].join('!')}: ${errorMessage(err, 'unreadable')}`);
      await drain(reader.rest());
    }
  }

  /**
   * Decompresses and scans; the compressed bytes go through the matcher on the way too.
   * Their hits count only when decoding fails: a file that merely starts with the magic
   * bytes is then scanned as what it is, plain bytes (fail closed, as ripgrep would).
   */
  async #scanCompressed(
    reader: Reader,
    format: 'gzip' | 'zstd',
    path: string,
    inner: readonly string[],
    depth: number,
  ): Promise<void> {
    const raw: [number, number][] = [];
    const rawStream = this.#matcher.stream((i, offset) => raw.push([i, offset]));
    async function* tapped(): AsyncGenerator<Uint8Array> {
      for await (const chunk of reader.rest()) {
        rawStream.write(chunk);
        yield chunk;
      }
    }
    let failure: unknown;
    async function* decoded(): AsyncGenerator<Uint8Array> {
      try {
        yield* format === 'gzip' ? gunzip(tapped()) : unzstd(tapped());
      } catch (err) {
        failure = err; // ends the stream here; what came out so far was scanned
      }
    }
    await this.#scanSource(new Reader(decoded()), path, [...inner, `(${format})`], depth + 1);
    if (failure === undefined) {
      this.stats.archives++;
      return;
    }
    for await (const chunk of reader.rest()) rawStream.write(chunk); // what the decoder never asked for
    rawStream.end();
    this.stats.bytes += rawStream.bytes;
    for (const [i, offset] of raw) this.#hit(path, inner, i, offset);
    const why = errorMessage(failure, 'unreadable');
    this.stats.notes.push(`${[path, ...inner].join('!')}: not a valid ${format} stream (${why}): scanned as raw bytes`);
  }

  async #scanRaw(source: Chunks, path: string, inner: readonly string[]): Promise<void> {
    const stream = this.#matcher.stream((i, offset) => this.#hit(path, inner, i, offset));
    for await (const chunk of source) stream.write(chunk);
    stream.end();
    this.stats.bytes += stream.bytes;
  }

  /**
   * Every byte of the archive is matched (names in headers too). Members that are
   * archives themselves (a docker save's layer.tar, a .tar.gz) are opened and scanned
   * on their own, so a hit names the file inside them; their bytes are then not
   * reported again at the outer level.
   */
  async #scanTar(reader: Reader, path: string, inner: readonly string[], depth: number): Promise<void> {
    const members: { start: number; end: number; name: string; opened: boolean }[] = [];
    const memberAt = (offset: number): { name: string; opened: boolean } | undefined => {
      // members are few and hits rare: a backwards walk is enough
      for (let i = members.length - 1; i >= 0; i--) {
        const m = members[i];
        if (m && offset >= m.start && offset < m.end) return m;
      }
      return undefined;
    };
    // Whether a member is opened is known only after its first bytes went through the
    // outer matcher, so outer hits are sorted out at the end.
    const outer: [number, number][] = [];
    const stream = this.#matcher.stream((i, offset) => outer.push([i, offset]));
    await readTar(
      reader,
      async (member, data) => {
        // registered before its first byte is read: the peek already feeds the outer matcher
        const entry = { start: member.offset, end: member.offset + member.size, name: member.name, opened: false };
        members.push(entry);
        const nested = new Reader(data);
        entry.opened = depth + 1 < MAX_DEPTH && sniff(await nested.peek(512)) !== 'plain';
        if (entry.opened) await this.#scanSource(nested, path, [...inner, member.name], depth + 1);
        else await drain(nested.rest());
      },
      (chunk) => stream.write(chunk),
    );
    stream.end();
    this.stats.bytes += stream.bytes;
    for (const [i, offset] of outer) {
      const member = memberAt(offset);
      if (!member?.opened) this.#hit(path, [...inner, member?.name ?? '(tar header)'], i, offset);
    }
  }

  #unreadable(path: string, err: unknown): void {
    this.stats.notes.push(`${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }

  #hit(path: string, inner: readonly string[], index: number, offset: number): void {
    const form = this.#forms[index];
    if (!form) return;
    if (this.hits.length >= MAX_HITS) {
      this.stats.dropped++;
      return;
    }
    this.hits.push({ path, inner: inner.join('!'), offset, name: form.name, form: form.kind });
  }
}

/**
 * The forms worth looking for: those at least MIN_SECRET_LENGTH long, the floor masking
 * uses too. A 4-character value (`root`) matches tar headers and ordinary text by chance.
 */
export function scannable(forms: readonly GuardForm[]): GuardForm[] {
  return forms.filter((f) => f.text.length >= MIN_SECRET_LENGTH);
}

/** How many values (not derived forms) are below that floor, for the summary. */
export function tooShortToScan(forms: readonly GuardForm[]): number {
  return forms.filter((f) => f.kind === 'value' && f.text.length < MIN_SECRET_LENGTH).length;
}

function once(data: Uint8Array): Chunks {
  return Readable.from([data], { objectMode: false });
}
