// The two pictures in the README as HTML pages (pure): the job summary rendered as
// GitHub renders markdown, and the masked step log. Also the normalisation that lets a
// test compare a fresh demo run with the committed sources of the pictures.
import { createHash } from 'node:crypto';
import { marked } from 'marked';

/** Replaces what differs from run to run (ports, temp names, timings, counts that depend on random values). */
export function normalise(text: string): string {
  return (
    text
      .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
      .replace(/(vault-secrets-|job-)[A-Za-z0-9]{6}/g, '$1XXXXXX')
      .replace(/\b\d+ ms\b/g, 'N ms')
      .replace(/\b\d+ (byte|mask)\(s\)/g, 'N $1(s)')
      // the demo's TLS key is a fresh RSA key: its PEM length varies by a few bytes
      .replace(/<td>\d+<\/td><\/tr>/g, '<td>N</td></tr>')
      .replace(/\b\d+ bytes\)/g, 'N bytes)')
      // the renewal helper's pid and its hard cap (start time plus the bound)
      .replace(/\(pid \d+\)/g, '(pid N)')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME')
      // Vault's request ids (the summary's list, the login line)
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'UUID')
      // a masked base64 run ends in 1-3 characters of the value's tail
      .replace(/\*\*\*[A-Za-z0-9+/]{1,3}=*/g, '***~')
  );
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (title: string, style: string, body: string): string =>
  `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escape(title)}</title><style>${style}</style></head>\n<body>${body}</body></html>\n`;

const SUMMARY_STYLE = [
  'body{margin:0;padding:24px;background:#fff;color:#1f2328;width:952px;',
  'font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}',
  '.box{border:1px solid #d1d9e0;border-radius:6px;padding:8px 24px 16px}',
  '.head{font-weight:600;padding:8px 0 4px;border-bottom:1px solid #d1d9e0;margin-bottom:8px}',
  'h3{font-size:1.25em;margin:16px 0 8px}h4{margin:16px 0 8px}',
  'table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d1d9e0;padding:4px 12px;text-align:left}',
  'tr:nth-child(2n){background:#f6f8fa}code{background:#eff1f3;border-radius:4px;padding:1px 4px;font-size:85%}',
].join('');

/** The job summary (markdown and HTML, as the action wrote it) inside GitHub's summary box. */
export function summaryPage(summary: string): string {
  const html = marked.parse(summary, { async: false, gfm: true });
  return page('Job summary', SUMMARY_STYLE, `<div class="box"><div class="head">demo summary</div>${html}</div>`);
}

const LOG_STYLE = [
  'body{margin:0;padding:16px 24px;background:#0d1117;color:#e6edf3;width:1152px;',
  'font:13px/1.55 ui-monospace,"DejaVu Sans Mono",monospace}',
  'pre{margin:0;white-space:pre-wrap;font:inherit}.h{color:#58a6ff;font-weight:bold}',
  '.g{color:#8b949e}.w{color:#d29922}.m{color:#3fb950;font-weight:bold}',
].join('');

/** The demo's step log (already masked by the runner's rules), coloured like GitHub's log view. */
export function logPage(log: string): string {
  const lines = log.split('\n').map((line) => {
    const html = escape(line).replace(/\*\*\*/g, '<span class="m">***</span>');
    if (line.startsWith('== ')) return `<span class="h">${html}</span>`;
    if (/^\s+▸/.test(line)) return `<span class="g">${html}</span>`;
    if (/^\s+warning:/.test(line)) return `<span class="w">${html}</span>`;
    return html;
  });
  return page('Step log', LOG_STYLE, `<pre>${lines.join('\n')}</pre>`);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The demo's stdout cut to the step logs (what the log picture shows). */
export const stepLog = (stdout: string): string => stdout.slice(0, stdout.indexOf('\n== Job summary')).trim() + '\n';
