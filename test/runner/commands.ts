// What the runner reads from a step: workflow commands on stdout and the file commands
// (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE), parsed as the runner parses them.

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
  /** 0-based index of the stdout line it came from. */
  readonly line: number;
}

/** `::name k=v,k=v::message`, with the runner's unescaping of %25, %0D, %0A (and %3A, %2C in properties). */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  stdout.split('\n').forEach((raw, line) => {
    const text = raw.replace(/\r$/, '');
    const m = /^::([A-Za-z-]+)( [^:]*)?::(.*)$/.exec(text);
    if (!m) return;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const i = pair.indexOf('=');
      if (i > 0) properties[pair.slice(0, i)] = unescapeProperty(pair.slice(i + 1));
    }
    out.push({ command: m[1] ?? '', properties, message: unescapeData(m[3] ?? ''), line });
  });
  return out;
}

export function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
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
