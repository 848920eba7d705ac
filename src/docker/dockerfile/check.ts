import { argAssignments, envAssignments } from './assignments.js';
import { detectSyntax } from './frontend.js';
import { secretMounts } from './mounts.js';
import { parseDockerfile, type Instruction } from './parse.js';

export type Severity = 'error' | 'warning';
export type Rule = 'secret-name' | 'secret-value' | 'unknown-secret-mount' | 'unused-secret' | 'remote-frontend';

export interface Finding {
  readonly rule: Rule;
  readonly severity: Severity;
  /** 1-based; 0 for the whole file. */
  readonly line: number;
  readonly message: string;
}

export interface CheckOptions {
  /** The ids this build passes with --secret. */
  readonly secretIds: readonly string[];
  /** Returns the NAME of a fetched secret that `text` contains in any form, or undefined. Never returns or needs the value. */
  readonly findSecret: (text: string) => string | undefined;
  /** 'default': value hits are errors, name hits warnings; 'error': all errors; 'warn': all warnings. */
  readonly level: 'default' | 'error' | 'warn';
}

// BuildKit's SecretsUsedInArgOrEnv check, token for token. The `u` flag makes the
// case folding Unicode's, as in Go: the Kelvin sign K matches `k`, long ſ matches `s`.
const SECRET_NAME = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/iu;
const ALLOWED_NAME = /(?:_|^)(?:public|file|version)(?:_|$)/iu;
// Only these are named in a message: any other first word is arbitrary text.
const INSTRUCTIONS = new Set(
  'ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL MAINTAINER ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR'.split(
    ' ',
  ),
);

/** Checks a Dockerfile for secrets misused or missing before BuildKit builds it. Sorted by line; never throws unless findSecret does. */
export function checkDockerfile(text: string, opts: CheckOptions): Finding[] {
  const parsed = parseDockerfile(text);
  // Messages reach logs and annotations: Dockerfile text quoted in one must not carry a secret.
  const show: Show = (fragment) => {
    const secret = opts.findSecret(fragment);
    return secret === undefined ? fragment : `(text holding secret ${secret})`;
  };
  const used = new Set<string>();
  let dynamicMount = false;
  const findings: Finding[] = [...remoteFrontend(text, show)];
  for (const instruction of parsed.instructions) {
    findings.push(...instructionFindings(instruction, parsed.escape, opts.findSecret, show));
    if (instruction.keyword !== 'RUN') continue;
    for (const mount of secretMounts(instruction.args)) {
      if (mount.kind === 'dynamic') dynamicMount = true;
      else if (mount.kind === 'invalid') findings.push(invalidMount(instruction.line, mount.reason));
      else {
        used.add(mount.id);
        if (!opts.secretIds.includes(mount.id))
          findings.push(unknownMount(instruction.line, show(mount.id), mount.required));
      }
    }
  }
  // An id from a build arg may be any of them, so none can be called unused.
  if (!dynamicMount) findings.push(...[...new Set(opts.secretIds)].filter((id) => !used.has(id)).map(unusedSecret));
  return findings.map((f) => ({ ...f, severity: levelled(f.severity, opts.level) })).sort((a, b) => a.line - b.line);
}

type Show = (fragment: string) => string;

function levelled(natural: Severity, level: CheckOptions['level']): Severity {
  if (level === 'default') return natural;
  return level === 'error' ? 'error' : 'warning';
}

/**
 * ARG and ENV names that look like secrets, values that hold one; for any other
 * instruction (heredoc bodies included), or where no single ARG or ENV value holds
 * it, a secret anywhere in its text.
 */
function instructionFindings(
  instruction: Instruction,
  escape: string,
  findSecret: CheckOptions['findSecret'],
  show: Show,
): Finding[] {
  const { keyword, args, line } = instruction;
  const assignments =
    keyword === 'ARG' ? argAssignments(args, escape) : keyword === 'ENV' ? envAssignments(args, escape) : [];
  const findings: Finding[] = [];
  for (const { key, value } of assignments) {
    if (SECRET_NAME.test(key) && !ALLOWED_NAME.test(key)) {
      findings.push({
        rule: 'secret-name',
        severity: 'warning',
        line,
        message: `${keyword} ${show(key)} looks like a secret: build args and ENV are stored in the image history and provenance. Mount it with RUN --mount=type=secret,id=... instead.`,
      });
    }
    const secret = value === undefined ? undefined : findSecret(value);
    if (secret !== undefined) {
      findings.push({
        rule: 'secret-value',
        severity: 'error',
        line,
        message: `${keyword} ${show(key)} holds the value of secret ${secret}: it would be baked into the image layers and history. Use RUN --mount=type=secret.`,
      });
    }
  }
  if (findings.some((f) => f.rule === 'secret-value')) return findings;
  const secret = findSecret([args, ...instruction.heredocs].join('\n'));
  if (secret === undefined) return findings;
  return [
    ...findings,
    {
      rule: 'secret-value',
      severity: 'error',
      line,
      message: `${INSTRUCTIONS.has(keyword) ? keyword : 'This instruction'} contains the value of secret ${secret}: instruction text is kept in the image history, layers or provenance. Read it from a RUN --mount=type=secret file instead.`,
    },
  ];
}

function remoteFrontend(text: string, show: Show): Finding[] {
  const syntax = detectSyntax(text);
  if (!syntax) return [];
  const image = show(syntax.value.split(' ')[0] ?? '');
  const pin = image.includes('@')
    ? ''
    : ` Pin it by digest (${image}@sha256:...) or remove it to use the frontend built into BuildKit.`;
  return [
    {
      rule: 'remote-frontend',
      severity: 'warning',
      line: syntax.line,
      message: `The syntax directive makes BuildKit pull the frontend image ${image} from a registry at build time and hand it the whole build, secrets included.${pin}`,
    },
  ];
}

function unknownMount(line: number, id: string, required: boolean): Finding {
  const message = required
    ? `RUN mounts secret "${id}" with required=true, which this build does not provide: add it to build-secrets, or this step fails.`
    : `RUN mounts secret "${id}", which this build does not provide: add it to build-secrets (or the mount is silently empty unless required=true).`;
  return { rule: 'unknown-secret-mount', severity: required ? 'error' : 'warning', line, message };
}

function invalidMount(line: number, reason: string): Finding {
  return {
    rule: 'unknown-secret-mount',
    severity: 'error',
    line,
    message: `RUN has a secret mount that BuildKit rejects ("${reason}"): name the secret with id=ID alone, or give only target=PATH, whose last path element is then the id.`,
  };
}

function unusedSecret(id: string): Finding {
  return {
    rule: 'unused-secret',
    severity: 'warning',
    line: 0,
    message: `This build passes secret "${id}", but no RUN --mount=type=secret uses it: remove it from build-secrets, or mount it where it is needed.`,
  };
}
