import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  WILDCARDS,
  normalizeKey,
  require_jsonata
} from "./shared-74JYLPT2.js";
import {
  Cursor,
  SpecError,
  assertUniqueNames,
  parsePath
} from "./shared-TIJMJNMW.js";
import {
  __toESM
} from "./shared-BDLR4YRK.js";

// src/compat/spec.ts
var import_jsonata = __toESM(require_jsonata(), 1);
var GIVEN_NAME = /^[\p{L}\p{N}_-]+$/u;
function parseCompatSpec(text) {
  const requests = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = index + 1;
    for (const part of raw.split(";")) {
      const entry = part.trim();
      if (entry === "" || entry.startsWith("#")) continue;
      requests.push(parseEntry(entry, line));
    }
  }
  assertUniqueNames(
    requests.filter((r) => r.selector.kind !== "compat" || !WILDCARDS.has(r.selector.selector)).map((r) => ({ name: r.name ?? "", line: r.line, what: r.text }))
  );
  return requests;
}
function parseEntry(entry, line) {
  const fail = (message) => {
    throw new SpecError(line, `${message} Entry: \`${entry}\`.`);
  };
  const pipe = entry.lastIndexOf("|");
  const given = pipe < 0 ? void 0 : entry.slice(pipe + 1).trim();
  if (given === "") fail("`|` has nothing after it; write a name after it or remove it.");
  if (given !== void 0 && !GIVEN_NAME.test(given))
    fail(`invalid name \`${given}\`; use letters, digits, _ and - (it also names a file).`);
  const words = (pipe < 0 ? entry : entry.slice(0, pipe)).split(/\s+/).filter((w) => w !== "");
  const [rawPath, quoted] = words;
  if (words.length !== 2 || rawPath === void 0 || quoted === void 0)
    return fail("write a path and a key (or selector): PATH KEY [| NAME].");
  const cur = new Cursor(rawPath, line);
  for (const c of rawPath) cur.accept(c);
  const { path, folder, version } = parsePath(cur, rawPath, 1);
  if (folder) fail("a path ending in `/` is a folder, which vault-action cannot read; remove the trailing `/`.");
  const selector = quoted.replace(/"/g, "");
  if (!WILDCARDS.has(selector)) {
    let ast;
    try {
      ast = (0, import_jsonata.default)(quoted).ast();
    } catch (err) {
      const why = err.message;
      return fail(`selector \`${quoted}\` is not valid JSONata (${typeof why === "string" ? why : "syntax error"}).`);
    }
    const plain = ast.type === "path" && ast.steps?.[0]?.stages === void 0 || ast.type === "string";
    if (!plain && given === void 0) fail("a JSONata selector needs a name: add `| NAME`.");
  }
  const wildcard = WILDCARDS.has(selector);
  const outputName = given ?? (wildcard ? "" : normalizeKey(selector, false));
  const name = given ?? (wildcard ? "" : normalizeKey(selector, true));
  if (!wildcard && name === "") fail("no name can be made from this selector (no letter or digit); add `| NAME`.");
  return {
    line,
    text: entry,
    path,
    folder: false,
    version,
    selector: { kind: "compat", selector },
    name,
    outputName
  };
}
export {
  parseCompatSpec
};
//# sourceMappingURL=shared-BUCMSVG3.js.map
