import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/spec/types.ts
var SpecError = class extends Error {
  name = "SpecError";
  line;
  /** 1-based, in UTF-16 code units, when the problem has a position on the line. */
  column;
  constructor(line, message, column) {
    super(`secrets line ${line}: ${message}`);
    this.line = line;
    this.column = column;
  }
};

// src/spec/names.ts
var NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isValidName(s) {
  return NAME_PATTERN.test(s);
}
function deriveName(segments, prefix = "") {
  const core = segments.join("_").toUpperCase().replace(/[^A-Z0-9_]/gu, "_");
  if (!/[A-Z0-9]/.test(core)) return "";
  const name = prefix + core;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
var MAX_NAME_LENGTH = 255;
function assertFileName(item) {
  if (item.name.length <= MAX_NAME_LENGTH) return;
  const short = (s) => s.length > 60 ? `${s.slice(0, 60)}\u2026` : s;
  throw new SpecError(
    item.line,
    `name ${short(item.name)} (${item.name.length} characters) from \`${short(item.what)}\` is longer than ${MAX_NAME_LENGTH}, the most a file name may be, and each secret is also a file \u2014 give that key a shorter NAME on a line of its own (\`path "key" | NAME\`)`
  );
}
function assertUniqueNames(items) {
  const seen = /* @__PURE__ */ new Map();
  for (const item of items) {
    assertFileName(item);
    const key = item.name.toUpperCase();
    const first = seen.get(key);
    if (first !== void 0) {
      throw new SpecError(
        item.line,
        `name ${item.name} from \`${item.what}\` clashes with ${first.name} from line ${first.line} (\`${first.what}\`); names must differ even ignoring case \u2014 give one of them another NAME with \`| NAME\` (or another prefix after \`*\`)`
      );
    }
    seen.set(key, item);
  }
}

// src/spec/cursor.ts
var SPACE = /^[^\S\n\v\f\r]$/;
var CONTROL = /^[\u0000-\u001f\u007f-\u009f]$/;
var Cursor = class {
  text;
  line;
  pos = 0;
  constructor(text, line) {
    this.text = text;
    this.line = line;
  }
  get char() {
    return this.text[this.pos];
  }
  get column() {
    return this.pos + 1;
  }
  /** The character at `pos` if it belongs to a word: not a space, `;`, `|` or the end. */
  wordChar(pos = this.pos) {
    const c = this.text[pos];
    return c === void 0 || SPACE.test(c) || c === ";" || c === "|" ? void 0 : c;
  }
  fail(message, column = this.column) {
    throw new SpecError(this.line, message, column);
  }
  /** Moves past spaces and returns the character it stopped at. */
  skipSpaces() {
    while (this.char !== void 0 && SPACE.test(this.char)) this.pos++;
    return this.char;
  }
  /** Every character that ends up in a request passes through here. */
  accept(c) {
    if (CONTROL.test(c)) {
      const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      this.fail(`control character U+${code} at column ${this.column}; remove it`);
    }
    this.pos++;
    return c;
  }
  /** PATH and NAME never need quoting, so they end at the first space, `;` or `|`. */
  readPlain() {
    const start = this.pos;
    for (let c = this.wordChar(); c !== void 0; c = this.wordChar()) this.accept(c);
    return this.text.slice(start, this.pos);
  }
};

// src/spec/path.ts
var EXAMPLE = "e.g. secret/data/ci/aws";
function parsePath(cur, raw, column) {
  const query = raw.indexOf("?");
  const depthMatch = query < 0 ? null : /^depth=([1-9][0-9]?)$/.exec(raw.slice(query + 1));
  const depth = depthMatch ? Number(depthMatch[1]) : void 0;
  const version = query < 0 || depth !== void 0 ? void 0 : parseVersion(cur, raw.slice(query + 1), column + query);
  let path = query < 0 ? raw : raw.slice(0, query);
  if (path.startsWith("/")) path = path.slice(1);
  const folder = path.endsWith("/");
  if (folder) path = path.slice(0, -1);
  if (path === "") cur.fail(`PATH \`${raw}\` names no secret; write the path after the mount, ${EXAMPLE}`, column);
  for (const segment of path.split("/")) {
    if (segment === "") {
      cur.fail(`PATH \`${raw}\` has an empty segment ('//'); remove the extra '/'`, column);
    }
    if (segment === "." || segment === "..") {
      cur.fail(`PATH \`${raw}\` has a '${segment}' segment; write the path without '.' or '..', ${EXAMPLE}`, column);
    }
  }
  if (folder && version !== void 0) {
    cur.fail(`PATH \`${raw}\` is a folder (ends with '/'), which has no version; remove ?version=${version}`, column);
  }
  if (depth !== void 0 && !folder) {
    cur.fail(`PATH \`${raw}\` has ?depth=${depth}, which only a folder (ending with '/') takes`, column);
  }
  return { path, folder, version, depth };
}
function parseVersion(cur, query, column) {
  const match = /^version=([1-9][0-9]*)$/.exec(query);
  const version = Number(match?.[1]);
  if (Number.isSafeInteger(version)) return version;
  cur.fail(
    query.startsWith("version=") ? `bad version \`${query.slice("version=".length)}\`; write ?version=N, N a positive whole number, e.g. ?version=3` : `unsupported query \`?${query}\` after the PATH; only ?version=N (a KV v2 version) or, on a folder, ?depth=N (1 to 99) is allowed`,
    column
  );
}

// src/spec/group.ts
function groupByPath(requests) {
  const groups = /* @__PURE__ */ new Map();
  for (const request of requests) {
    const version = request.version === void 0 ? "" : `?version=${request.version}`;
    const depth = (request.depth ?? 1) === 1 ? "" : `?depth=${String(request.depth)}`;
    const key = `${request.path}${request.folder ? "/" : ""}${version}${depth}`;
    const group = groups.get(key);
    if (group === void 0) groups.set(key, [request]);
    else group.push(request);
  }
  return groups;
}

// src/spec/selector.ts
function readSelector(cur) {
  if (cur.char === "*" && cur.wordChar(cur.pos + 1) === void 0) {
    cur.pos++;
    return { kind: "all" };
  }
  if (cur.char === "#") {
    cur.fail(
      "a selector cannot start with '#', which looks like a comment; comments start their line or follow `;`, and a key starting with # must be quoted, e.g. \"#key\""
    );
  }
  const segments = [];
  for (; ; ) {
    segments.push(cur.char === '"' ? readQuoted(cur) : readBare(cur));
    if (cur.char !== ".") return { kind: "key", segments };
    cur.pos++;
  }
}
function readBare(cur) {
  const start = cur.pos;
  for (let c = cur.wordChar(); c !== void 0 && c !== "."; c = cur.wordChar()) {
    if (c === '"') {
      cur.fail(
        'a quote must wrap a whole selector segment; write e.g. config."a.b".c, with \\" for a quote inside the key'
      );
    }
    if (c === "*") {
      cur.fail(`'*' (every key) must be the whole selector; to select a key containing '*', quote it, e.g. "a*b"`);
    }
    cur.accept(c);
  }
  if (cur.pos === start) {
    cur.fail(`empty selector segment; remove the extra '.', or quote a key that contains dots, e.g. "tls.crt"`);
  }
  return cur.text.slice(start, cur.pos);
}
function readQuoted(cur) {
  const open = cur.column;
  const unterminated = () => cur.fail('unterminated quote in the selector; end the key with " (write \\" for a quote inside it)', open);
  cur.pos++;
  let key = "";
  for (let c = cur.char; c !== '"'; c = cur.char) {
    if (c === void 0) unterminated();
    if (c === "\\") {
      const escaped = cur.text[cur.pos + 1];
      if (escaped === void 0) unterminated();
      if (escaped !== '"' && escaped !== "\\") {
        cur.fail('in a quoted key a backslash must be followed by " or \\; write \\\\ for a backslash itself');
      }
      cur.pos += 2;
      key += escaped;
    } else {
      key += cur.accept(c);
    }
  }
  cur.pos++;
  if (cur.wordChar() !== void 0 && cur.char !== ".") {
    cur.fail(`text right after a closing quote; put the whole key inside the quotes, or separate segments with '.'`);
  }
  if (key === "") cur.fail('empty quoted key ""; write the key between the quotes', open);
  return key;
}

// src/spec/entry.ts
function parseEntry(cur) {
  const start = cur.pos;
  if (cur.char === "|") cur.fail("missing PATH before `|`; write PATH [SELECTOR] [| NAME]");
  const pathColumn = cur.column;
  const rawPath = cur.readPlain();
  const parsed = parsePath(cur, rawPath, pathColumn);
  const { path, folder, version } = parsed;
  cur.skipSpaces();
  const selectorColumn = cur.column;
  const recursive = folder && cur.text.startsWith("**", cur.pos) && cur.wordChar(cur.pos + 2) === void 0;
  if (recursive) {
    if (parsed.depth !== void 0) cur.fail(`\`${rawPath}\` has both ?depth and \`**\`; keep one`, selectorColumn);
    cur.pos += 2;
  }
  const selector = recursive || cur.wordChar() === void 0 ? void 0 : readSelector(cur);
  if (folder && selector?.kind === "key") {
    cur.fail(
      `\`${rawPath}\` is a folder (it ends with '/'), which takes '*' or no selector, not a key; remove the trailing '/' to read one secret`,
      selectorColumn
    );
  }
  rejectExtraWord(cur, "the selector", 'quote a key that contains spaces (e.g. "my key"), or ');
  const name = readName(cur, folder || selector?.kind === "all" ? "prefix" : "NAME");
  return {
    line: cur.line,
    text: cur.text.slice(start, cur.pos).trimEnd(),
    path,
    folder,
    // Omitted for the usual one level, so a plain folder request reads as before.
    ...recursive ? { depth: Infinity } : parsed.depth !== void 0 && parsed.depth > 1 ? { depth: parsed.depth } : {},
    version,
    ...resolve(cur, rawPath, folder, selector, name, selectorColumn)
  };
}
var MORE_THAN_ONE_PIPE = "more than one `|`; write PATH [SELECTOR] [| NAME], quoting a key that contains `|`";
function readName(cur, noun) {
  if (cur.char !== "|") return void 0;
  const pipeColumn = cur.column;
  cur.pos++;
  if (cur.skipSpaces() === "|") cur.fail(MORE_THAN_ONE_PIPE);
  const nameColumn = cur.column;
  const name = cur.readPlain();
  if (name === "") cur.fail(`\`|\` has nothing after it; write a ${noun} after it or remove it`, pipeColumn);
  if (!isValidName(name)) {
    cur.fail(
      `invalid ${noun} \`${name}\`; use letters, digits and _, not starting with a digit, e.g. ${suggestName(name)}`,
      nameColumn
    );
  }
  if (cur.skipSpaces() === "|") cur.fail(MORE_THAN_ONE_PIPE);
  rejectExtraWord(cur, `the ${noun}`, "");
  return name;
}
function rejectExtraWord(cur, after, hint) {
  cur.skipSpaces();
  const column = cur.column;
  const word = cur.readPlain();
  if (word === "") return;
  const fix = word.startsWith("#") ? "a comment must start its line or follow `;`" : `${hint}end the entry with \`;\` or a new line`;
  cur.fail(`unexpected \`${word}\` after ${after}; ${fix}`, column);
}
function resolve(cur, rawPath, folder, selector, name, selectorColumn) {
  if (folder || selector?.kind === "all") return { selector: { kind: "all" }, name: name ?? "" };
  if (selector === void 0) {
    if (name === void 0) {
      cur.fail(
        `\`${rawPath}\` has neither a selector nor a NAME; add a key (\`${rawPath} password\`), \`*\` for every key, or \`| NAME\` for the whole secret as one JSON document`,
        selectorColumn
      );
    }
    return { selector: { kind: "whole" }, name };
  }
  const derived = name ?? deriveName(selector.segments);
  if (derived === "") {
    cur.fail(
      "cannot make a NAME from this selector (it has no letter or digit A-Z, 0-9); add `| NAME`",
      selectorColumn
    );
  }
  return { selector, name: derived };
}
function suggestName(name) {
  const cleaned = name.replace(/[^A-Za-z0-9_]/gu, "_");
  if (!/[A-Za-z0-9]/.test(cleaned)) return "MY_SECRET";
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

// src/spec/parse.ts
var MAX_BYTES = 1024 * 1024;
var MAX_ENTRIES = 1e4;
function parseSpec(text) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_BYTES) {
    throw new SpecError(1, `the spec is ${bytes} bytes, over the 1 MiB limit; split the secrets across several steps`);
  }
  const requests = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const cur = new Cursor(raw.endsWith("\r") ? raw.slice(0, -1) : raw, index + 1);
    for (let c = cur.skipSpaces(); c !== void 0 && c !== "#"; c = cur.skipSpaces()) {
      if (c === ";") {
        cur.pos++;
      } else if (requests.length === MAX_ENTRIES) {
        cur.fail(`more than ${MAX_ENTRIES} entries; split the secrets across several steps`);
      } else {
        requests.push(parseEntry(cur));
      }
    }
  }
  assertUniqueNames(
    requests.filter((request) => request.selector.kind !== "all").map((request) => ({ name: request.name, line: request.line, what: request.text }))
  );
  return requests;
}

export {
  groupByPath,
  SpecError,
  isValidName,
  deriveName,
  assertUniqueNames,
  Cursor,
  parsePath,
  parseSpec
};
//# sourceMappingURL=shared-TIJMJNMW.js.map
