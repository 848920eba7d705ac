import { DirectiveScanner, type Directive } from './directives.js';

/**
 * The `syntax` directive as BuildKit's dockerfile frontend finds it before parsing
 * (parser.DetectSyntax), and then hands the whole build to that image: after an
 * optional `#!` line, `# syntax=` directives, else `// syntax=` ones, else a file
 * that is a JSON object with a "syntax" string.
 */
export function detectSyntax(text: string): Directive | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const shebang = lines[0]?.startsWith('#!') ? 1 : 0;
  const body = lines.slice(shebang);
  for (const prefix of ['#', '//']) {
    const scanner = new DirectiveScanner(prefix);
    for (const [index, raw] of body.entries()) {
      // bufio.ScanLines drops one \r before the \n, and no other space
      const directive = scanner.read(raw.endsWith('\r') ? raw.slice(0, -1) : raw, index + 1 + shebang);
      if (directive === undefined) break;
      if (directive.name === 'syntax') return directive;
    }
  }
  const value = jsonSyntax(body.join('\n'));
  return value ? { name: 'syntax', value, line: 1 + shebang } : undefined;
}

function jsonSyntax(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const syntax: unknown = (parsed as Record<string, unknown>)['syntax'];
      return typeof syntax === 'string' ? syntax : undefined;
    }
  } catch {
    // not JSON: an ordinary Dockerfile
  }
  return undefined;
}
