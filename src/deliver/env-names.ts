// Which names a secret may take in the environment of later steps. Pure.
//
// A variable name is an instruction to every program that reads it: `SHELLOPTS=xtrace`
// with `PS4='$(cmd)'` runs cmd in every later bash step, `LD_AUDIT` loads a library into
// every process. Two rules (README "Threat model"):
//  1. With deliver env, a name Vault chooses (`*`, a folder) needs a prefix from the
//     workflow file (`secret/app * | APP_`): then no tool's variable can be hit.
//  2. Every name deliver env exports is checked against the deny list below,
//     case-insensitively (Windows names are, and proxies read both). NAME_FILE (files,
//     the default, whose value is a path) is checked against the exact names only:
//     SSL_CERT_FILE or PIP_CONFIG_FILE pointing at a secret's file would change trust.

/** Exact names that change how shells, loaders, runtimes and the runner behave. */
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
    // shells
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
    // C library and loader
    'GCONV_PATH',
    'GLIBC_TUNABLES',
    'HOSTALIASES',
    'LOCPATH',
    'NLSPATH',
    'RESOLV_HOST_CONF',
    'MALLOC_CHECK_',
    // runtimes that take code or options from the environment
    'JAVA_TOOL_OPTIONS',
    '_JAVA_OPTIONS',
    'JDK_JAVA_OPTIONS',
    'CLASSPATH',
    'MAVEN_OPTS',
    'GRADLE_OPTS',
    'GOFLAGS',
    'GOPROXY',
    'GOTOOLCHAIN',
    'GOENV',
    'RUSTC_WRAPPER',
    'RUSTFLAGS',
    'DOTNET_STARTUP_HOOKS',
    'EDITOR',
    'VISUAL',
    'PAGER',
    'LESSOPEN',
    'LESSCLOSE',
    'MANPAGER',
    'KUBECONFIG',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'CURL_CA_BUNDLE',
    'REQUESTS_CA_BUNDLE',
    'SSH_AUTH_SOCK',
    'SSH_ASKPASS',
    'SUDO_ASKPASS',
    'PKG_CONFIG_PATH',
    'VAULT_ADDR',
    'VAULT_TOKEN',
    'VAULT_NAMESPACE',
  ].map((n) => n.toUpperCase()),
);

/** Prefixes whose whole family is read by one tool (new members appear all the time). */
const PREFIXES = [
  'LD_',
  'DYLD_',
  'GIT_',
  'DOCKER_',
  'BUILDKIT_',
  'BUILDX_',
  'NODE_',
  'NPM_CONFIG_',
  'YARN_',
  'PYTHON',
  'PIP_',
  'PERL5',
  'PERL_',
  'RUBY',
  'GEM_',
  'BUNDLE_',
  'LC_',
  'XDG_',
  'BASH_FUNC_',
  'GITHUB_',
  'RUNNER_',
  'ACTIONS_',
  'INPUT_',
  'STATE_',
];

/** Credential variables a tool reads only as a credential, inside a refused family. */
const ALLOWED = new Set(['NODE_AUTH_TOKEN']);

/** Why `name` may not be exported with deliver env, or undefined when it may. */
export function envNameRefusal(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (ALLOWED.has(upper)) return undefined;
  if (EXACT.has(upper)) return 'a variable shells, the loader, a runtime or the runner read';
  if (upper.endsWith('_PROXY')) return 'a proxy setting every HTTP client reads';
  const prefix = PREFIXES.find((p) => upper.startsWith(p));
  return prefix === undefined ? undefined : `in the ${prefix}* family, read by the tool of that name`;
}

/** Why NAME_FILE (a path to the secret's file) may not be exported, or undefined. */
export function fileVariableRefusal(variable: string): string | undefined {
  return EXACT.has(variable.toUpperCase()) || /^PIP_CONFIG_FILE$/i.test(variable)
    ? 'a variable a tool reads a path from'
    : undefined;
}
