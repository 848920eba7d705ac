import { inspect } from 'node:util';

/** Where a value was read: an API path (an id, safe to show) and, on KV v2, its version. */
export interface SecretOrigin {
  readonly path: string;
  readonly version: number | undefined;
}

/**
 * A fetched value with its name and where it came from. The value sits in a private
 * field and every way of printing the object (template strings, JSON, console.log,
 * util.inspect, error causes) shows `***`, so an accidental log line shows nothing.
 */
export class Secret {
  readonly #value: string;

  constructor(
    readonly name: string,
    /** The Vault path and selector it came from: safe to show. */
    readonly source: string,
    value: string,
    /** Its step output's name: vault-action's output names keep the selector's case. */
    readonly outputName: string = name,
    /** The API path it was read from and its KV v2 version, for the refresh step (src/refresh/). */
    readonly origin?: SecretOrigin,
  ) {
    this.#value = value;
  }

  /** The value itself: only delivery code calls this. */
  reveal(): string {
    return this.#value;
  }

  get bytes(): number {
    return Buffer.byteLength(this.#value, 'utf8');
  }

  toString(): string {
    return '***';
  }

  toJSON(): string {
    return '***';
  }

  [inspect.custom](): string {
    return `Secret(${this.name} from ${this.source}: ***)`;
  }
}
