// The environment a child process (docker, zstd) gets: only what such tools read, never
// the step's INPUT_* (credentials given as inputs), ACTIONS_* (runtime, cache and OIDC
// request tokens), STATE_*, GITHUB_TOKEN or VAULT_* variables. An allow list, so a
// variable added to the runner tomorrow is not handed on by default.
const PASSED = [
  /^(PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|TZ|TMPDIR|TERM|NO_COLOR|XDG_RUNTIME_DIR|XDG_CONFIG_HOME)$/,
  /^LC_[A-Z]+$/,
  // docker, buildx and BuildKit settings; the registry credentials live in DOCKER_CONFIG, not env
  /^(DOCKER|BUILDX|BUILDKIT)_[A-Z0-9_]+$/,
  /^(HTTPS?_PROXY|NO_PROXY|ALL_PROXY|https?_proxy|no_proxy|all_proxy)$/,
  /^SSL_CERT_(FILE|DIR)$/,
];

/** process.env filtered to what children need, plus `extra` (set by the action itself). */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && PASSED.some((p) => p.test(name))) out[name] = value;
  return { ...out, ...extra };
}
