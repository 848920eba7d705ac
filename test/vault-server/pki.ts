// PKI secrets engine: `issue/<role>` makes a real key pair and certificate signed by the mount's CA
// (openssl, see certs.ts) within the role's domains and TTL; `revoke` marks a serial revoked. Replies
// and error texts follow Vault's PKI API.
import type { Issued } from './certs.js';
import {
  UNSUPPORTED_OPERATION,
  badRequest,
  fixed,
  logical,
  unsupportedPath,
  type Operation,
  type Route,
} from './reply.js';
import type { PkiMount } from './state.js';

export function pkiRoute(mount: PkiMount, sub: string, op: Operation): Route {
  const role = /^issue\/([^/]+)$/.exec(sub)?.[1];
  if (role === undefined && sub !== 'revoke') return unsupportedPath('pki');
  if (op !== 'update') return fixed('pki', UNSUPPORTED_OPERATION);
  if (role === undefined) {
    return {
      mountType: 'pki',
      run: (ctx) => {
        const serial = typeof ctx.body['serial_number'] === 'string' ? ctx.body['serial_number'].toLowerCase() : '';
        const cert = mount.issued.get(serial);
        if (!cert) return badRequest(`certificate with serial ${serial} not found`);
        cert.revokedAt ??= Math.floor(Date.now() / 1000);
        return logical('pki', {
          data: {
            revocation_time: cert.revokedAt,
            revocation_time_rfc3339: new Date(cert.revokedAt * 1000).toISOString(),
            state: 'revoked',
          },
        });
      },
    };
  }
  return {
    mountType: 'pki',
    run: (ctx) => {
      const spec = mount.roles.get(role);
      if (!spec) return badRequest(`unknown role: ${role}`);
      const cn = ctx.body['common_name'];
      if (typeof cn !== 'string' || cn === '')
        return badRequest(
          'the common_name field is required, or must be provided in a CSR with "use_csr_common_name" set to true, unless "require_cn" is set to false',
        );
      const allowed = spec.allowedDomains.some(
        (d) => cn === d || (spec.allowSubdomains && cn.endsWith(`.${d}`) && /^[a-z0-9.-]+$/i.test(cn)),
      );
      if (!allowed) return badRequest(`common name ${cn} not allowed by this role`);
      const ttl = Math.min(parseTtl(ctx.body['ttl']) ?? spec.maxTtlSeconds, spec.maxTtlSeconds);
      const issued: Issued = mount.ca.issue(cn, { ttlSeconds: ttl });
      mount.issued.set(issued.serial, { revokedAt: undefined });
      return logical('pki', {
        data: {
          certificate: issued.cert.trim(),
          issuing_ca: mount.ca.cert.trim(),
          ca_chain: [mount.ca.cert.trim()],
          private_key: issued.key.trim(),
          private_key_type: 'ec',
          serial_number: issued.serial,
          expiration: Math.floor(Date.now() / 1000) + ttl,
          // Vault and OpenBao back-date a certificate's start by 30 s (clock skew), and say so
          not_before: Math.floor(Date.now() / 1000) - 30,
        },
      });
    },
  };
}

function parseTtl(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+)([smh]?)$/.exec(v) : null;
  if (!m) return undefined;
  const unit = m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1;
  return Number(m[1]) * unit;
}
