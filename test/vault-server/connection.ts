// Node's HTTP parser only knows a fixed list of methods and answers Vault's `LIST` verb with a
// bare 400. Every accepted socket is therefore wrapped in this stream before the HTTP server sees
// it: a request line starting with `LIST ` becomes `GET ` plus the header LIST_MARKER, which the
// request handler turns back into LIST. Keep-alive and everything else stay Node's.
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';

export const LIST_MARKER = 'x-vault-dev-method';
const LIST = 'LIST ';
const MAX_REQUEST_LINE = 64 * 1024;

export class Connection extends Duplex {
  private atRequestStart = true;
  private pending = Buffer.alloc(0);

  constructor(
    readonly socket: Socket,
    readonly id: number,
  ) {
    super();
    socket.on('data', (chunk: Buffer) => {
      const out = this.rewrite(chunk);
      if (out && !this.push(out)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('close', () => this.destroy());
    socket.on('error', (err) => this.destroy(err));
  }

  /** Called once a request has been read in full: clients do not pipeline, so the next bytes start a request. */
  expectRequest(): void {
    this.atRequestStart = true;
  }

  /** Drops the connection without a response: a TCP RST where possible (TLS sockets cannot send one). */
  reset(): void {
    if (this.socket instanceof TLSSocket) this.socket.destroy();
    else this.socket.resetAndDestroy();
  }

  private rewrite(chunk: Buffer): Buffer | undefined {
    if (!this.atRequestStart) return chunk;
    const data = Buffer.concat([this.pending, chunk]);
    const head = data.subarray(0, LIST.length).toString('latin1');
    const lineEnd = data.indexOf('\r\n');
    if (LIST.startsWith(head) && lineEnd < 0 && data.length < MAX_REQUEST_LINE) {
      this.pending = data; // a LIST request line (or its first bytes) still arriving
      return undefined;
    }
    this.atRequestStart = false;
    this.pending = Buffer.alloc(0);
    if (head !== LIST || lineEnd < 0) return data;
    return Buffer.concat([
      Buffer.from('GET '),
      data.subarray(LIST.length, lineEnd),
      Buffer.from(`\r\n${LIST_MARKER}: LIST`),
      data.subarray(lineEnd),
    ]);
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.socket.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy(error ?? undefined);
    callback(error);
  }
}
