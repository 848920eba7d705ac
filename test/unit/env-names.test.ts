// The variable-name policy (src/deliver/env-names.ts), name by name: every name a
// well-known tool reads (a path, a setting, a proxy), in upper and lower case, as an env
// name and as the NAME_FILE files delivery exports; and the credentials that must pass.
import { describe, expect, it } from 'vitest';
import { envNameRefusal, fileVariableRefusal, prefixNeededFor } from '../../src/deliver/env-names.js';

/** Names issue 15 §3 and §9 list, and their families' documented members. */
const REFUSED = [
  // proxies (curl and most clients read the lower-case spelling first)
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'FTP_PROXY',
  'http_proxy',
  'https_proxy',
  'all_proxy',
  'no_proxy',
  'ftp_proxy',
  // paths tools read a config, credentials or trust anchors from
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CA_BUNDLE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'COMPOSE_FILE',
  'COMPOSE_ENV_FILES',
  'TF_CLI_CONFIG_FILE',
  'TF_CLI_ARGS',
  'KUBECONFIG',
  'KUBECONFIG_FILE',
  'KUBE_EDITOR',
  'KUBECTL_EXTERNAL_DIFF',
  'HELM_REGISTRY_CONFIG',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_FILE',
  'GIT_SSH_COMMAND',
  'CURL_HOME',
  'NETRC',
  'WGETRC',
  'PIP_CONFIG_FILE',
  'PIP_INDEX_URL',
  'UV_CONFIG_FILE',
  'NPM_CONFIG_USERCONFIG',
  'npm_config_userconfig',
  'YARN_RC_FILENAME',
  'BUNDLE_GEMFILE',
  'BUNDLE_GEM_FILE',
  'BUNDLE_USER_CONFIG',
  'GEMRC',
  'DOCKER_CONFIG',
  'DOCKER_HOST',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'REQUESTS_CA_BUNDLE',
  'NODE_EXTRA_CA_CERTS',
  'NODE_OPTIONS',
  'OPENSSL_CONF',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_CONFIG',
  'AZURE_CONFIG_DIR',
  'AZURE_FEDERATED_TOKEN_FILE',
  'ANSIBLE_CONFIG',
  'ANSIBLE_VAULT_PASSWORD_FILE',
  'CARGO_HOME',
  'GNUPGHOME',
  'PGPASSFILE',
  'KRB5_CONFIG',
  'GOAUTH',
  'CGO_LDFLAGS',
  'VAULT_ADDR',
  'VAULT_SECRETS_SESSION',
  // the runner, shells, the loader (kept from before)
  'PATH',
  'LD_PRELOAD',
  'BASH_ENV',
  'GITHUB_TOKEN',
];

/** Credentials and ordinary names that must stay deliverable. */
const ALLOWED = [
  'APP_PASSWORD',
  'DB_PASSWORD_FILE',
  'POSTGRES_PASSWORD_FILE',
  'NPM_TOKEN',
  'NPM_TOKEN_FILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ACCESS_KEY_ID_FILE',
  'NODE_AUTH_TOKEN',
  'NODE_AUTH_TOKEN_FILE',
  'TF_VAR_db_password',
  'TF_TOKEN_app_terraform_io',
  'GH_TOKEN',
  'PGPASSWORD',
  'proxy_user',
];

describe('variable names a secret may not take', () => {
  it.each(REFUSED)('refuses %s, in any case, as an env name and as NAME_FILE', (name) => {
    for (const spelling of [name, name.toLowerCase(), name.toUpperCase()]) {
      expect(envNameRefusal(spelling), spelling).toBeDefined();
      expect(fileVariableRefusal(spelling), spelling).toBeDefined();
    }
  });

  it.each(ALLOWED)('lets %s through', (name) => {
    expect(envNameRefusal(name)).toBeUndefined();
    expect(fileVariableRefusal(name)).toBeUndefined();
  });

  it('says why, without the value: a proxy, a family, or a variable tools read', () => {
    expect(envNameRefusal('no_proxy')).toBe('a proxy setting every HTTP client reads');
    expect(envNameRefusal('BUNDLE_GEM_FILE')).toBe('in the BUNDLE_* family, read by the tool of that name');
    expect(fileVariableRefusal('AWS_CONFIG_FILE')).toMatch(/^a variable a tool reads a path or setting from/);
  });

  it('needs a workflow prefix for names from Vault with env or env-file, not with files or outputs alone', () => {
    expect(prefixNeededFor(new Set(['env', 'files']))).toBe('env');
    expect(prefixNeededFor(new Set(['env-file']))).toBe('env-file');
    expect(prefixNeededFor(new Set(['files', 'outputs']))).toBeUndefined();
  });
});
