// Runs the dev server standalone with the demo data:
//   npm run vault-dev -- [--port 8200] [--host 127.0.0.1]
// Prints shell exports for VAULT_ADDR, VAULT_TOKEN and the GitHub OIDC variables, then the demo
// credentials. Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { DEMO, seedDemo } from './seed.js';
import { startVaultDevServer } from './server.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8200' }, host: { type: 'string', default: '127.0.0.1' } },
});
const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}"`);
const server = await startVaultDevServer({ host: values.host, port }).catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    fail(
      `port ${port} on ${values.host} is taken (another Vault?): stop it, or pick another: npm run vault-dev -- --port 8201`,
    );
  if (code === 'EACCES') fail(`port ${port} on ${values.host} needs privileges: pick one above 1023 with --port`);
  if (code === 'EADDRNOTAVAIL') fail(`--host ${values.host} is not an address of this machine`);
  throw err;
});
const demo = seedDemo(server);
const quote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

console.log(
  [
    `export VAULT_ADDR=${quote(server.url)}`,
    `export VAULT_TOKEN=${quote(server.rootToken)}`,
    `export ACTIONS_ID_TOKEN_REQUEST_URL=${quote(server.oidc.requestUrl)}`,
    `export ACTIONS_ID_TOKEN_REQUEST_TOKEN=${quote(server.oidc.requestToken)}`,
    '',
    `# policy "${DEMO.policy}" reads secret/data/ci/*, kv1/ci/*, database/creds/${DEMO.databaseRole}`,
    `# approle (mount "approle", role "${DEMO.role}"):`,
    `#   root namespace:        role_id=${demo.approle.root.roleId} secret_id=${demo.approle.root.secretId}`,
    `#   namespace ${DEMO.namespaces.teamA}:      role_id=${demo.approle.teamA.roleId} secret_id=${demo.approle.teamA.secretId}`,
    `#   namespace ${DEMO.namespaces.platform}:    role_id=${demo.approle.platform.roleId} secret_id=${demo.approle.platform.secretId} (reads ${DEMO.namespaces.teamB})`,
    `# userpass: ${DEMO.role} / ${demo.userpassPassword}`,
    `# ldap:     ${DEMO.role} / ${demo.ldapPassword}`,
    `# jwt:      role "${DEMO.role}", audience ${DEMO.jwt.audience}, tokens from ACTIONS_ID_TOKEN_REQUEST_URL`,
    `# kubernetes: role "${DEMO.role}", jwt=${demo.kubernetesJwt}`,
  ].join('\n'),
);

function fail(message: string): never {
  process.stderr.write(`vault-dev: ${message}\n`);
  process.exit(1);
}

process.once('SIGINT', () => {
  void server.close().then(() => process.exit(0));
});
