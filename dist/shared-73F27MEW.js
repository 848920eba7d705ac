import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  debug,
  setFailed
} from "./shared-QCDMWCIP.js";

// src/output.ts
function inert(text) {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, controlEscape).replace(/##\[/g, "#\\#[").replace(/^(\s*)::/, "$1\\::");
}
function controlEscape(c) {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function inertMessage(text) {
  return text.split(/\r\n|\r|\n/).map((line) => inert(line)).join("\n");
}
function say(words, ...parts) {
  return words.reduce((line, word, i) => line + (i === 0 ? "" : inert(String(parts[i - 1] ?? ""))) + word, "");
}
function inertProperties(props) {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, typeof v === "string" ? inert(v) : v]));
}
function summaryText(text) {
  return inert(text).replace(/[&<>"'|`*[\]\\~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/errors.ts
var ACTION_NAME = "vault-secrets-action";
function errorMessage(err, fallback = "unknown error") {
  return err instanceof Error ? err.message : fallback;
}
function failStep(err, redact) {
  if (err instanceof Error && err.stack !== void 0) debug(inertMessage(redact(err.stack)));
  setFailed(inertMessage(`${ACTION_NAME}: ${redact(errorMessage(err))}`));
}

// src/deliver/private-file.ts
import { randomBytes } from "node:crypto";
import { closeSync, constants, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
var O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
function writePrivateFile(path, data) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 384);
  try {
    fchmodSync(fd, 384);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
function replacePrivateFile(path, data) {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writePrivateFile(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export {
  inert,
  inertMessage,
  say,
  inertProperties,
  summaryText,
  ACTION_NAME,
  errorMessage,
  failStep,
  O_NOFOLLOW,
  writePrivateFile,
  replacePrivateFile
};
//# sourceMappingURL=shared-73F27MEW.js.map
