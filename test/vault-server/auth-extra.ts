// The checks of the cert and aws auth methods. cert: the TLS client certificate must chain to the CA
// of a configured cert role, as Vault's cert auth verifies it. aws: Vault replays the signed
// sts:GetCallerIdentity request to STS; this stands in for both, checking the request's shape and
// X-Vault-AWS-IAM-Server-ID as Vault does and the SigV4 signature itself as STS does.
import { createHash, createHmac, timingSafeEqual, type X509Certificate } from 'node:crypto';
import { str, type Ctx } from './reply.js';
import type { AuthMount, AwsRole, CertRole } from './state.js';

type Mount<T extends AuthMount['type']> = Extract<AuthMount, { type: T }>;

const NO_CERT = 'invalid certificate or no client certificate supplied';

export function certLogin(ctx: Ctx, mount: Mount<'cert'>): { name: string; role: CertRole; cn: string } | string {
  const cert = ctx.clientCert;
  if (!cert) return NO_CERT;
  const wanted = str(ctx.body['name']);
  const candidates = wanted ? [...mount.certs].filter(([n]) => n === wanted) : [...mount.certs];
  const now = Date.now();
  for (const [name, role] of candidates) {
    if (chainsTo(cert, role.ca, now)) {
      const cn = /CN=([^\n]*)/.exec(cert.subject)?.[1] ?? '';
      return { name, role, cn };
    }
  }
  return NO_CERT;
}

function chainsTo(cert: X509Certificate, ca: X509Certificate, now: number): boolean {
  return (
    cert.checkIssued(ca) &&
    cert.verify(ca.publicKey) &&
    Date.parse(cert.validFrom) <= now &&
    now <= Date.parse(cert.validTo)
  );
}

const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const SERVER_ID_HEADER = 'x-vault-aws-iam-server-id';
const MAX_SKEW_MS = 15 * 60 * 1000; // STS rejects a signature more than 15 minutes off

export function awsLogin(ctx: Ctx, mount: Mount<'aws'>): { name: string; role: AwsRole; arn: string } | string {
  const method = str(ctx.body['iam_http_request_method']);
  if (!method) return 'missing iam_http_request_method';
  if (method !== 'POST') return "invalid iam_http_request_method; currently only 'POST' is supported";
  const url = decode(ctx.body['iam_request_url']);
  if (url === undefined) return 'missing iam_request_url';
  const body = decode(ctx.body['iam_request_body']);
  if (body === undefined) return 'missing iam_request_body';
  if (body !== STS_BODY) return 'iam_request_body must be an sts:GetCallerIdentity call';
  const headersText = decode(ctx.body['iam_request_headers']);
  if (headersText === undefined) return 'missing iam_request_headers';
  const headers = parseHeaders(headersText);
  if (!headers) return 'failed to parse iam_request_headers as JSON';
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'error parsing iam_request_url';
  }
  if (target.href !== mount.stsUrl) return `error making upstream request: unexpected endpoint ${target.origin}`;

  const auth = parseAuthorization(headers.get('authorization') ?? '');
  if (!auth) return 'error making upstream request: received error code 403 from STS: MissingAuthenticationToken';
  if (mount.serverId !== undefined) {
    const given = headers.get(SERVER_ID_HEADER);
    if (given === undefined)
      return `error validating X-Vault-AWS-IAM-Server-ID header: missing header "${SERVER_ID_HEADER}"`;
    if (given !== mount.serverId)
      return `error validating X-Vault-AWS-IAM-Server-ID header: expected "${mount.serverId}" but got "${given}"`;
    if (!auth.signedHeaders.includes(SERVER_ID_HEADER))
      return "error validating X-Vault-AWS-IAM-Server-ID header: vault header wasn't signed";
  }
  const sts = verifySigV4({ method, target, body, headers, auth, mount });
  if (sts !== undefined) return `error making upstream request: received error code 403 from STS: ${sts}`;

  const arn = (mount.identities.get(auth.accessKeyId) as { arn: string }).arn;
  const name = str(ctx.body['role']) || arn.split('/').at(-1) || '';
  const role = mount.roles.get(name);
  if (!role) return `entry for role ${name} not found`;
  if (role.boundIamPrincipalArn !== arn) return `IAM Principal "${arn}" does not belong to the role "${name}"`;
  return { name, role, arn };
}

function decode(value: unknown): string | undefined {
  const text = str(value);
  return text ? Buffer.from(text, 'base64').toString('utf8') : undefined;
}

/** Go's http.Header JSON (name -> [values]) or a flat name -> value map, names folded to lower case. */
function parseHeaders(text: string): Map<string, string> | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(doc)) {
    const value = Array.isArray(v) ? v.map(String).join(',') : String(v);
    out.set(k.toLowerCase(), value);
  }
  return out;
}

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): Authorization | undefined {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      value,
    );
  if (!m) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = '', signed = '', signature = ''] = m;
  return { accessKeyId, date, region, service, signedHeaders: signed.split(';'), signature };
}

/** STS's side of SigV4: rebuild the canonical request from what was signed and compare signatures. */
function verifySigV4(req: {
  method: string;
  target: URL;
  body: string;
  headers: Map<string, string>;
  auth: Authorization;
  mount: Mount<'aws'>;
}): string | undefined {
  const { auth, headers } = req;
  const identity = req.mount.identities.get(auth.accessKeyId);
  if (!identity) return 'InvalidClientTokenId: The security token included in the request is invalid.';
  if (
    identity.sessionToken !== undefined &&
    (headers.get('x-amz-security-token') !== identity.sessionToken ||
      !auth.signedHeaders.includes('x-amz-security-token'))
  )
    return 'InvalidClientTokenId: The security token included in the request is invalid.';
  if (auth.service !== 'sts' || auth.region !== req.mount.stsRegion)
    return `SignatureDoesNotMatch: credential should be scoped to a valid region and service sts.`;
  if (!auth.signedHeaders.includes('host') || headers.get('host') !== req.target.host)
    return 'SignatureDoesNotMatch: the host header must be signed and name the endpoint';
  const amzDate = headers.get('x-amz-date') ?? '';
  const when = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(when) || Math.abs(Date.now() - when) > MAX_SKEW_MS || !amzDate.startsWith(auth.date))
    return 'SignatureDoesNotMatch: Signature expired or not yet valid';
  const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
  const canonicalHeaders = auth.signedHeaders
    .map((h) => `${h}:${(headers.get(h) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonical = [
    req.method,
    req.target.pathname || '/',
    '',
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    sha(req.body),
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha(canonical)].join('\n');
  let key: Buffer = Buffer.from(`AWS4${identity.secretAccessKey}`);
  for (const part of [auth.date, auth.region, auth.service, 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(toSign).digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.';
  return undefined;
}
