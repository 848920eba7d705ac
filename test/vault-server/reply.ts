// What a route is and what it answers, plus the response shapes Vault uses on the wire.
import { randomUUID, type X509Certificate } from 'node:crypto';
import type { Capability } from './policy.js';
import type { Namespace, TokenEntry, VaultState } from './state.js';

/** Vault's logical operations: GET is read (or list with ?list=true), LIST is list,
 *  POST and PUT are update (create when nothing exists yet), DELETE is delete. */
export type Operation = 'read' | 'list' | 'update' | 'delete';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Ctx {
  state: VaultState;
  ns: Namespace;
  rel: string; // path inside `ns`, after /v1/ and the namespace prefix
  op: Operation;
  body: Record<string, unknown>;
  query: URLSearchParams;
  token: TokenEntry | undefined;
  /** The TLS client certificate the connection presented (verified by nobody yet: cert auth does that). */
  clientCert?: X509Certificate | undefined;
  /** Request headers, for logins that check them. */
  headers?: Record<string, string | string[] | undefined>;
}
export type AuthedCtx = Ctx & { token: TokenEntry };

/** A resolved request. Unless `unauthenticated`, the server checks the token and the ACL
 *  (`capability`, by default the one named like the operation) before calling `run`. */
export type Route = { mountType: string } & (
  | { unauthenticated: true; run(ctx: Ctx): Reply }
  | { unauthenticated?: false; capability?: Capability; run(ctx: AuthedCtx): Reply }
);

export const errorReply = (status: number, ...errors: string[]): Reply => ({ status, body: { errors } });
export const badRequest = (message: string): Reply => errorReply(400, message);
/** Vault reports errors raised in its request pipeline through go-multierror. */
export const multiError = (message: string): string => `1 error occurred:\n\t* ${message}\n\n`;

export const NO_CONTENT: Reply = { status: 204 };
export const NOT_FOUND: Reply = errorReply(404);
export const UNSUPPORTED_OPERATION: Reply = errorReply(405, multiError('unsupported operation'));

export const fixed = (mountType: string, reply: Reply): Route => ({ mountType, run: () => reply });
export const unsupportedPath = (mountType: string): Route =>
  fixed(mountType, errorReply(404, multiError('unsupported path')));

interface LogicalFields {
  lease_id?: string;
  renewable?: boolean;
  lease_duration?: number;
  data?: unknown;
  warnings?: string[];
  auth?: unknown;
}

/** Vault's logical.HTTPResponse envelope. */
export function logical(mountType: string, fields: LogicalFields, status = 200): Reply {
  return {
    status,
    body: {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      wrap_info: null,
      warnings: null,
      auth: null,
      mount_type: mountType,
      ...fields,
    },
  };
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
