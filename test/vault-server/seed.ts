// The demo/test dataset. Fixed names and awkward fixed values are in DEMO; secrets and credentials
// are generated per seeding and returned as DemoData, so nothing secret-looking is a constant.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { signJwt } from './jwt.js';
import type { PolicyRule } from './policy.js';
import { GITHUB_OIDC, type VaultDevServer } from './server.js';
import { base62 } from './state.js';

export const DEMO = {
  policy: 'ci-read',
  role: 'ci', // approle, jwt and kubernetes role; userpass and ldap user
  mounts: {
    kv2: 'secret',
    kv1: 'kv1',
    database: 'database',
    approle: 'approle',
    jwt: 'jwt',
    kubernetes: 'kubernetes',
    userpass: 'userpass',
    ldap: 'ldap',
  },
  databaseRole: 'app',
  databaseTtl: 3600,
  appUsername: 'deploy-bot',
  /** secret/ci/odd: values that trip up masking and output encoding. */
  odd: {
    spaces: '  leading and trailing  ',
    crlf: 'line1\r\nline2',
    unicode: 'pässwörd-✓-密码',
    percent: '100%%done%0A',
    colons: 'a::b::add-mask::c',
  },
  jwt: { audience: GITHUB_OIDC.defaultAudience, repository: GITHUB_OIDC.repository },
  kubernetesServiceAccount: { namespace: 'ci', name: 'ci-runner' },
  /** team-a: its own approle and secrets. platform holds the approle whose token reads platform/team-b. */
  namespaces: { teamA: 'team-a', platform: 'platform', teamB: 'platform/team-b' },
} as const;

interface AppRoleCredentials {
  roleId: string;
  secretId: string;
}

export interface DemoData {
  rootToken: string;
  secrets: {
    app: { username: string; password: string; api_key: string };
    tls: { key: string; cert_chain: string };
    config: { json: string };
    folder: { one: { value: string }; two: { value: string } };
    legacy: { token: string };
    teamA: { password: string };
    teamB: { password: string };
  };
  approle: { root: AppRoleCredentials; teamA: AppRoleCredentials; platform: AppRoleCredentials };
  kubernetesJwt: string;
  userpassPassword: string;
  ldapPassword: string;
}

const readRules = (prefix: string, kv2: string): PolicyRule[] => [
  { path: `${prefix}${kv2}/data/ci/*`, capabilities: ['read'] },
  { path: `${prefix}${kv2}/metadata/ci/*`, capabilities: ['list'] },
  { path: `${prefix}sys/internal/ui/mounts/*`, capabilities: ['read'] },
];

const newAppRole = (): AppRoleCredentials => ({ roleId: randomUUID(), secretId: randomUUID() });

/** PEM armour around random bytes: shaped like a certificate chain, not parseable as X.509. */
function fakePem(label: string): string {
  const lines =
    randomBytes(700)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The demo's secret values, fresh per seeding (the OpenBao seeder, test/peers/seed-openbao.ts, uses them too). */
export function demoSecrets(): DemoData['secrets'] {
  const { privateKey: tlsKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    app: { username: DEMO.appUsername, password: `p%${base62(8)}::${base62(8)}"q'${base62(8)}`, api_key: base62(32) },
    tls: {
      key: tlsKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      cert_chain: fakePem('CERTIFICATE') + fakePem('CERTIFICATE'),
    },
    config: {
      json: JSON.stringify({
        service: { name: 'app', port: 8443, tls: { enabled: true } },
        database: { host: 'db.internal', pool: { max: 10 }, password: base62(20) },
      }),
    },
    folder: { one: { value: base62(16) }, two: { value: base62(16) } },
    legacy: { token: base62(32) },
    teamA: { password: base62(24) },
    teamB: { password: base62(24) },
  };
}

export function seedDemo(server: VaultDevServer): DemoData {
  const { mounts, policy, role } = DEMO;
  const secrets = demoSecrets();

  // Root namespace: secrets, policy and every auth method.
  server.mountKv('', mounts.kv2, 2);
  server.putKv('', mounts.kv2, 'ci/app', secrets.app);
  server.putKv('', mounts.kv2, 'ci/tls', secrets.tls);
  server.putKv('', mounts.kv2, 'ci/config', secrets.config);
  server.putKv('', mounts.kv2, 'ci/odd', DEMO.odd);
  server.putKv('', mounts.kv2, 'ci/folder/one', secrets.folder.one);
  server.putKv('', mounts.kv2, 'ci/folder/two', secrets.folder.two);
  server.mountKv('', mounts.kv1, 1);
  server.putKv('', mounts.kv1, 'ci/legacy', secrets.legacy);
  server.mountDatabase('', mounts.database, [DEMO.databaseRole], DEMO.databaseTtl);
  server.addPolicy('', policy, [
    ...readRules('', mounts.kv2),
    { path: `${mounts.kv1}/ci/*`, capabilities: ['read'] },
    { path: `${mounts.database}/creds/${DEMO.databaseRole}`, capabilities: ['read'] },
  ]);
  const grants = { policies: [policy] };

  const approle = { root: newAppRole(), teamA: newAppRole(), platform: newAppRole() };
  server.enableAppRole('', mounts.approle, role, { ...approle.root, ...grants });
  server.enableJwt('', mounts.jwt, {
    publicKeyPem: server.oidc.publicKeyPem,
    roles: {
      [role]: { boundAudiences: [DEMO.jwt.audience], boundClaims: { repository: DEMO.jwt.repository }, ...grants },
    },
  });
  const kubernetesJwt = serviceAccountJwt();
  server.enableKubernetes('', mounts.kubernetes, {
    roles: { [role]: { serviceAccountJwts: [kubernetesJwt], ...grants } },
  });
  const userpassPassword = base62(20);
  const ldapPassword = base62(20);
  server.enableUserpass('', mounts.userpass, { [role]: { password: userpassPassword, ...grants } });
  server.enableLdap('', mounts.ldap, { [role]: { password: ldapPassword, ...grants } });

  // team-a: a tenant with its own secrets, policy and approle.
  const { teamA, platform, teamB } = DEMO.namespaces;
  server.mountKv(teamA, mounts.kv2, 2);
  server.putKv(teamA, mounts.kv2, 'ci/app', secrets.teamA);
  server.addPolicy(teamA, policy, readRules('', mounts.kv2));
  server.enableAppRole(teamA, mounts.approle, role, { ...approle.teamA, ...grants });

  // platform authenticates; its policy reaches into the child namespace platform/team-b.
  server.mountKv(teamB, mounts.kv2, 2);
  server.putKv(teamB, mounts.kv2, 'ci/app', secrets.teamB);
  const child = `${teamB.slice(platform.length + 1)}/`;
  server.addPolicy(platform, policy, readRules(child, mounts.kv2));
  server.enableAppRole(platform, mounts.approle, role, { ...approle.platform, ...grants });

  return { rootToken: server.rootToken, secrets, approle, kubernetesJwt, userpassPassword, ldapPassword };
}

/** A projected service-account token as a kubelet would mount it (signed by a throwaway key). */
function serviceAccountJwt(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { namespace, name } = DEMO.kubernetesServiceAccount;
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: now + 86400,
    iat: now,
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace, serviceaccount: { name, uid: randomUUID() } },
    nbf: now,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  return signJwt(claims, privateKey, base62(16));
}
