// The request_id Vault puts in each reply, which its audit log records as `request.id`: kept
// per request so the job summary can name them and an auditor can find the run's entries.
// A reply is untrusted text: only an id shaped like a UUID (what Vault and OpenBao send) is
// kept, so nothing else a server puts there reaches the summary or the log.

export interface RequestId {
  /** What the request did: login, read, list, write or delete. */
  readonly operation: string;
  /** The API path after /v1/, decoded, without the query. */
  readonly path: string;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reply's request_id when it is UUID-shaped, else undefined. */
export function requestIdOf(body: unknown): string | undefined {
  const id = (body as { request_id?: unknown } | null | undefined)?.request_id;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

/** A reply's id with what the request was, or undefined when the reply carries no valid id. */
export function requestIdRecord(method: string, pathname: string, body: unknown): RequestId | undefined {
  const id = requestIdOf(body);
  if (id === undefined) return undefined;
  const path = decoded(pathname.replace(/^\/v1\//, ''));
  return { operation: operationOf(method, path), path, id };
}

function operationOf(method: string, path: string): string {
  if (method === 'LIST') return 'list';
  if (method === 'GET') return 'read';
  if (method === 'DELETE') return 'delete';
  return /^auth\/.+\/login(\/|$)/.test(path) ? 'login' : 'write';
}

/** One summary line: `login auth/approle/login: <id>`. */
export function requestIdLine(r: RequestId): string {
  return `${r.operation} ${r.path}: ${r.id}`;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
