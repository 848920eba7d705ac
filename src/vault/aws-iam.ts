// The body of an AWS IAM login: an sts:GetCallerIdentity request signed (SigV4) with the runner's AWS
// credentials, which Vault replays to STS to learn who signed it. Loaded on demand (import()), so the
// signer costs nothing when another method is used.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string | undefined;
}

export interface AwsLogin {
  readonly role: string | undefined;
  readonly region: string;
  readonly serverId: string | undefined;
  readonly credentials: AwsCredentials;
}

const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

/** us-east-1 is signed for the global endpoint, as Vault's CLI does and Vault's aws auth expects by default. */
export function stsUrl(region: string): string {
  return region === 'us-east-1' ? 'https://sts.amazonaws.com/' : `https://sts.${region}.amazonaws.com/`;
}

export async function awsLoginBody(login: AwsLogin, now = new Date()): Promise<Record<string, unknown>> {
  const url = new URL(stsUrl(login.region));
  const signer = new SignatureV4({
    service: 'sts',
    region: login.region,
    credentials: {
      accessKeyId: login.credentials.accessKeyId,
      secretAccessKey: login.credentials.secretAccessKey,
      ...(login.credentials.sessionToken === undefined ? {} : { sessionToken: login.credentials.sessionToken }),
    },
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: {},
      headers: {
        host: url.hostname,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        ...(login.serverId === undefined ? {} : { 'x-vault-aws-iam-server-id': login.serverId }),
      },
      body: STS_BODY,
    },
    { signingDate: now },
  );
  // Go's http.Header shape (name -> list of values), as Vault's own CLI sends it.
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, [v]]));
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  return {
    ...(login.role === undefined ? {} : { role: login.role }),
    iam_http_request_method: 'POST',
    iam_request_url: b64(url.href),
    iam_request_body: b64(STS_BODY),
    iam_request_headers: b64(JSON.stringify(headers)),
  };
}

/** The smithy Checksum interface over node:crypto, in place of @aws-crypto/sha256-js. */
class NodeSha256 {
  readonly #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(toBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
  reset(): void {
    // Never called by SignatureV4, which makes a fresh instance per digest.
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
