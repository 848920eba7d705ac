// Which names a secret may give the variables later steps (or a container) see. Pure:
// the one place for the policy (README "Delivery" and "Threat model").
//
// A variable name is an instruction to every program that reads it: `SHELLOPTS=xtrace`
// with `PS4='$(cmd)'` runs cmd in every later bash step, `LD_AUDIT` loads a library into
// every process, and `AWS_CONFIG_FILE` pointing at a file whose content Vault chose runs
// its `credential_process` in the next aws step. Two rules, both always:
//  1. Names Vault chooses (`*` keys, folder entries) become variable names only behind a
//     prefix from the workflow file (`secret/app * | APP_`), for the deliveries whose names
//     are arbitrary variables: env and env-file (the container's environment). No list of
//     tools is ever complete; a prefix the workflow picked is outside all of them.
//     Files delivery exports only `NAME_FILE` names, whose readers (tools that take a
//     path from `*_FILE`) the list below names from their documentation, so `*` keeps
//     working there without a prefix, as it does in vault-action compat mode (whose
//     documented `*` and `**` lines must keep working).
//  2. Every variable a step exports (env NAME, env-file NAME, files NAME_FILE, in native
//     and compat modes) is checked against the deny list below, case-insensitively
//     (Windows names are, curl and most HTTP clients read `http_proxy` before
//     `HTTP_PROXY`). A family is read wholesale by its tool (bundler takes every BUNDLE_*
//     as a setting, pip every PIP_*, npm every npm_config_*): any member, `_FILE` or not,
//     can be a setting the next release adds.

/** Exact names that change how shells, loaders, runtimes, tools and the runner behave. */
const EXACT = new Set(
  [
    // the runner and the job
    'PATH',
    'HOME',
    'SHELL',
    'USER',
    'LOGNAME',
    'PWD',
    'OLDPWD',
    'TMPDIR',
    'TMP',
    'TEMP',
    'CI',
    'TERM',
    'LANG',
    'LANGUAGE',
    'TZ',
    // shells (bash(1), dash(1), zsh)
    'IFS',
    'ENV',
    'BASH_ENV',
    'SHELLOPTS',
    'BASHOPTS',
    'PS1',
    'PS2',
    'PS3',
    'PS4',
    'PROMPT_COMMAND',
    'CDPATH',
    'GLOBIGNORE',
    'HISTFILE',
    'FPATH',
    'ZDOTDIR',
    'INPUTRC',
    // C library and loader (ld.so(8), glibc)
    'GCONV_PATH',
    'GLIBC_TUNABLES',
    'HOSTALIASES',
    'LOCPATH',
    'NLSPATH',
    'RESOLV_HOST_CONF',
    'MALLOC_CHECK_',
    // C toolchains and make (the compiler and flags every build runs)
    'CC',
    'CXX',
    'CPP',
    'AR',
    'AS',
    'LD',
    'CFLAGS',
    'CXXFLAGS',
    'CPPFLAGS',
    'LDFLAGS',
    'MAKEFLAGS',
    'MAKEFILES',
    'PKG_CONFIG_PATH',
    // runtimes that take code or options from the environment
    'JAVA_TOOL_OPTIONS',
    '_JAVA_OPTIONS',
    'JDK_JAVA_OPTIONS',
    'CLASSPATH',
    'MAVEN_OPTS',
    'MAVEN_ARGS',
    'GRADLE_OPTS',
    'GRADLE_USER_HOME',
    'SBT_OPTS',
    // Go (`go help environment`)
    'GOFLAGS',
    'GOPROXY',
    'GOTOOLCHAIN',
    'GOENV',
    'GOAUTH',
    'GOCACHEPROG',
    'GOPATH',
    'GOROOT',
    'GOBIN',
    'GOCACHE',
    'GOMODCACHE',
    'GOWORK',
    'GOPRIVATE',
    'GONOPROXY',
    'GONOSUMDB',
    'GOINSECURE',
    'GOSUMDB',
    'GOVCS',
    'GODEBUG',
    'GOEXPERIMENT',
    'GOTMPDIR',
    // Rust (cargo's "Environment variables" page)
    'RUSTC',
    'RUSTDOC',
    'RUSTC_WRAPPER',
    'RUSTFLAGS',
    'RUSTDOCFLAGS',
    'DOTNET_STARTUP_HOOKS',
    // programs tools start
    'EDITOR',
    'VISUAL',
    'PAGER',
    'LESSOPEN',
    'LESSCLOSE',
    'MANPAGER',
    'SSH_AUTH_SOCK',
    'SSH_ASKPASS',
    'SUDO_ASKPASS',
    // a path to trust anchors: whoever picks the file picks whom TLS trusts
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'SSLKEYLOGFILE',
    'CURL_CA_BUNDLE',
    'REQUESTS_CA_BUNDLE',
    'NIX_SSL_CERT_FILE',
    'HTTPLIB2_CA_CERTS',
    'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH',
    // a path to a config or credentials file a tool runs commands from, or an endpoint
    // that receives credentials
    // AWS CLI and SDKs ("Environment variables to configure the AWS CLI", SDK reference)
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CA_BUNDLE',
    'AWS_DATA_PATH',
    'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    // Azure CLI and azure-identity
    'AZURE_CONFIG_DIR',
    'AZURE_FEDERATED_TOKEN_FILE',
    'AZURE_CLIENT_CERTIFICATE_PATH',
    'AZURE_AUTHORITY_HOST',
    // Google Cloud (ADC, gsutil's boto)
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_GHA_CREDS_PATH',
    'BOTO_CONFIG',
    'BOTO_PATH',
    // curl, wget, .netrc readers, GnuPG, Kerberos, PostgreSQL's libpq, MySQL, Mercurial, gh
    'CURL_HOME',
    'NETRC',
    'WGETRC',
    'GNUPGHOME',
    'KRB5_CONFIG',
    'KRB5CCNAME',
    'KRB5_KTNAME',
    'PGPASSFILE',
    'PGSERVICEFILE',
    'PGSYSCONFDIR',
    'PGSSLROOTCERT',
    'PGSSLCERT',
    'PGSSLKEY',
    'PGSSLCRL',
    'MYSQL_TEST_LOGIN_FILE',
    'MYSQL_HOME',
    'HGRCPATH',
    'GH_CONFIG_DIR',
    'GH_HOST',
    // package managers' single files (the rest are families below)
    'GEMRC',
    'CONDARC',
    'PNPM_HOME',
  ].map((n) => n.toUpperCase()),
);

/** Prefixes whose whole family is read by one tool (new members appear all the time). */
const PREFIXES = [
  'LD_',
  'DYLD_',
  'GIT_',
  'GCM_',
  'DOCKER_',
  'BUILDKIT_',
  'BUILDX_',
  'COMPOSE_',
  'KUBE',
  'HELM_',
  'TF_',
  'ANSIBLE_',
  'CLOUDSDK_',
  'AWS_ENDPOINT_URL',
  'NODE_',
  'NPM_CONFIG_',
  'YARN_',
  'COREPACK_',
  'DENO_',
  'PYTHON',
  'PIP_',
  'PIPX_',
  'UV_',
  'POETRY_',
  'CONDA_',
  'PERL5',
  'PERL_',
  'RUBY',
  'GEM_',
  'BUNDLE_',
  'CARGO_',
  'RUSTUP_',
  'CGO_',
  'DOTNET_',
  'CORECLR_',
  'COMPLUS_',
  'OPENSSL_',
  'LC_',
  'XDG_',
  'BASH_FUNC_',
  'VAULT_',
  'GITHUB_',
  'RUNNER_',
  'ACTIONS_',
  'INPUT_',
  'STATE_',
];

/**
 * Credentials a tool reads only as a credential, inside a refused family: npm's token as
 * setup-node's `.npmrc` reads it (and its file), Terraform's variables and host tokens.
 */
const ALLOWED = new Set(['NODE_AUTH_TOKEN', 'NODE_AUTH_TOKEN_FILE']);
const ALLOWED_PREFIXES = ['TF_VAR_', 'TF_TOKEN_'];

/** Why no step may get a variable `name` from a secret, or undefined when it may. */
export function variableRefusal(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (ALLOWED.has(upper) || ALLOWED_PREFIXES.some((p) => upper.startsWith(p))) return undefined;
  if (EXACT.has(upper)) return 'a variable shells, the loader, a runtime, a tool or the runner read';
  // HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY, FTP_PROXY (curl, @actions/http-client,
  // requests, Go, lower case first) and every other tool's *_PROXY
  if (upper.endsWith('_PROXY')) return 'a proxy setting every HTTP client reads';
  const prefix = PREFIXES.find((p) => upper.startsWith(p));
  return prefix === undefined ? undefined : `in the ${prefix}* family, read by the tool of that name`;
}

/** Why deliver env (or env-file) may not export `name`, or undefined when it may. */
export const envNameRefusal = variableRefusal;

/** Why NAME_FILE (a path to the secret's file) may not be exported, or undefined. */
export function fileVariableRefusal(variable: string): string | undefined {
  const why = variableRefusal(variable);
  return why === undefined ? undefined : `a variable a tool reads a path or setting from (${why})`;
}

/**
 * The delivery that would turn names Vault chooses (`*`, folder entries) into arbitrary
 * variable names, so that such an entry needs a prefix from the workflow file; undefined
 * when none of `deliveries` does (files exports only NAME_FILE, checked by name).
 */
export function prefixNeededFor(deliveries: ReadonlySet<string>): 'env' | 'env-file' | undefined {
  if (deliveries.has('env')) return 'env';
  return deliveries.has('env-file') ? 'env-file' : undefined;
}
