// Go's unicode.IsSpace, which BuildKit uses to trim and split lines. JavaScript's
// \s differs: it also matches U+FEFF and misses U+0085 (NEL).
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

export function trimLeadingSpace(s: string): string {
  let start = 0;
  while (isSpace(s[start])) start++;
  return s.slice(start);
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  let end = s.length;
  while (isSpace(s[end - 1])) end--;
  return trimLeadingSpace(s.slice(0, end));
}
