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

export {
  inert,
  inertMessage,
  say,
  inertProperties,
  summaryText,
  ACTION_NAME,
  errorMessage,
  failStep
};
//# sourceMappingURL=shared-OGSLN2KY.js.map
