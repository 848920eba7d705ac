// What the runner reads from a step: workflow commands on stdout and the file commands
// (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE), parsed as the runner parses them.

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
  /** 0-based index of the stdout line it came from. */
  readonly line: number;
  /** Which of the runner's parsers read it: `::` (TryParseV2) or `##[` (legacy TryParse). */
  readonly parser: 'v2' | 'legacy';
}

/** The commands the runner registers (ActionCommandManager's extensions, plus stop-commands). */
export const RUNNER_COMMANDS = [
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
] as const;

/**
 * The commands the runner processes from a step's stdout, as actions/runner's
 * ActionCommandManager.TryProcessCommand does: each line goes to TryParseV2 (`::name
 * props::data` after trimming leading whitespace) and, when that fails, to the legacy
 * TryParse (`##[name props]data` anywhere in the line); names are case-insensitive and
 * must be registered. `stop-commands` (either syntax) makes every later command
 * ignored until the line whose command name is its token; the stop and resume lines are
 * returned too, as they are processed.
 */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  const registered = new Set<string>(RUNNER_COMMANDS);
  let stopToken: string | undefined;
  stdout.split('\n').forEach((raw, line) => {
    const text = raw.replace(/\r$/, '');
    const cmd = parseV2(text, registered, line) ?? parseLegacy(text, registered, line);
    if (!cmd) return;
    if (stopToken !== undefined) {
      if (cmd.command !== stopToken) return;
      registered.delete(stopToken);
      stopToken = undefined;
      out.push(cmd);
      return;
    }
    if (cmd.command === 'stop-commands') {
      // the runner refuses an empty or registered token unless told to allow it
      if (cmd.message === '' || registered.has(cmd.message.toLowerCase())) return;
      stopToken = cmd.message.toLowerCase();
      registered.add(stopToken);
    }
    out.push(cmd);
  });
  return out;
}

function parseV2(raw: string, registered: ReadonlySet<string>, line: number): WorkflowCommand | undefined {
  const text = raw.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const i = pair.indexOf('=');
      if (i > 0 && i < pair.length - 1) properties[pair.slice(0, i)] = unescapeProperty(pair.slice(i + 1));
    }
  }
  return { command, properties, message: unescapeData(text.slice(end + 2)), line, parser: 'v2' };
}

function parseLegacy(text: string, registered: ReadonlySet<string>, line: number): WorkflowCommand | undefined {
  const prefix = text.indexOf('##[');
  if (prefix < 0) return undefined;
  const rb = text.indexOf(']', prefix);
  if (rb < 0) return undefined;
  const info = text.slice(prefix + 3, rb);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const i = pair.indexOf('=');
      if (i > 0 && i < pair.length - 1) properties[pair.slice(0, i)] = unescapeLegacy(pair.slice(i + 1));
    }
  }
  return { command, properties, message: unescapeLegacy(text.slice(rb + 1)), line, parser: 'legacy' };
}

export function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function unescapeLegacy(s: string): string {
  return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');
}

/** `name=value` lines and `name<<DELIMITER` heredocs, as the runner's FileCommandManager reads them. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] ?? '');
      if (i >= lines.length) throw new Error(`file command: heredoc for ${name} has no closing delimiter`);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`file command: cannot read line ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
