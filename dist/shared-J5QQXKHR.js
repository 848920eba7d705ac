import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/mask/forms.ts
var MIN_DERIVED_LENGTH = 8;
var MIN_SECRET_LENGTH = 6;
function plainParts(value) {
  return dedupe([
    { kind: "value", text: value },
    ...innerParts(value).filter((p) => p.text.length >= MIN_SECRET_LENGTH)
  ]);
}
function shortParts(value) {
  return dedupe(innerParts(value).filter((p) => p.text.length < MIN_SECRET_LENGTH && p.text !== value));
}
function innerParts(value) {
  const parts = [];
  const addLines = (text) => {
    for (const line of text.split(/\r\n|\r|\n/)) {
      const trimmed = line.trim();
      if (trimmed !== text) parts.push({ kind: "line", text: trimmed });
    }
  };
  addLines(value);
  for (const leaf of jsonLeaves(value)) {
    parts.push({ kind: "json-leaf", text: leaf });
    addLines(leaf);
  }
  return parts;
}
var LARGE_VALUE_CHARS = 64 * 1024;
function formsOf(value) {
  if (value.length > LARGE_VALUE_CHARS) return plainParts(value);
  const forms = [];
  for (const part of plainParts(value)) {
    forms.push(part);
    forms.push(...encodingsOf(part.text));
  }
  return dedupe(forms);
}
var RECORDED_FORM_CHARS = 4096;
var RECORDED_CHARS_PER_VALUE = 512 * 1024;
function recordedForms(forms) {
  const out = [];
  let budget = RECORDED_CHARS_PER_VALUE;
  for (const form of forms) {
    if (budget <= 0) break;
    const text = form.text.length > RECORDED_FORM_CHARS ? head(form.text, RECORDED_FORM_CHARS) : form.text;
    budget -= text.length;
    out.push(text === form.text ? form : { ...form, text });
  }
  return out;
}
function head(text, n) {
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 55296 && last <= 56319 ? n - 1 : n);
}
function basicAuthForms(user, password) {
  const bytes = Buffer.from(`${user}:${password}`, "utf8");
  const padded = bytes.toString("base64");
  return dedupe([
    { kind: "basic-auth", text: padded },
    ...base64Alignments(bytes, "base64").map((text) => ({ kind: "basic-auth", text }))
  ]).filter((f) => f.text.length >= MIN_DERIVED_LENGTH);
}
function encodingsOf(text) {
  if (text.trim() === "") return [];
  const bytes = Buffer.from(text, "utf8");
  const out = [];
  for (const b of base64Alignments(bytes, "base64")) out.push({ kind: "base64", text: b });
  for (const b of base64Alignments(bytes, "base64url")) out.push({ kind: "base64url", text: b });
  const hex = bytes.toString("hex");
  out.push({ kind: "hex", text: hex }, { kind: "hex", text: hex.toUpperCase() });
  out.push(...layeredForms(bytes));
  const uri = encodeURIComponent(text);
  out.push(
    { kind: "url", text: uri },
    { kind: "url", text: uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) },
    { kind: "url", text: uri.replace(/%20/g, "+") }
  );
  const json = JSON.stringify(text).slice(1, -1);
  out.push(
    { kind: "json-escape", text: json },
    {
      kind: "json-escape",
      text: json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    }
  );
  if (text.includes("'")) out.push({ kind: "shell-escape", text: text.replace(/'/g, `'\\''`) });
  return dedupe(out).filter((f) => f.text !== text && f.text.length >= MIN_DERIVED_LENGTH);
}
function layeredForms(bytes) {
  const out = [];
  for (const inner of base64Alignments(bytes, "base64"))
    for (const outer of base64Alignments(Buffer.from(inner, "latin1"), "base64"))
      out.push({ kind: "base64-base64", text: outer });
  return out;
}
function base64Alignments(bytes, alphabet) {
  const out = [];
  for (let offset = 0; offset < 3; offset++) {
    const bitStart = offset * 8;
    const bitEnd = bitStart + bytes.length * 8;
    const first = Math.ceil(bitStart / 6);
    const last = Math.floor(bitEnd / 6);
    if (last <= first) continue;
    const framed = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]);
    out.push(framed.toString(alphabet).slice(first, last));
  }
  return [...new Set(out)];
}
function jsonLeaves(value) {
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return [];
  let doc;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const leaves = [];
  const walk = (node) => {
    if (typeof node === "string") {
      if (node.trim() !== "") leaves.push(node);
    } else if (typeof node === "number") {
      leaves.push(String(node));
    } else if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === "object") {
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return leaves;
}
function dedupe(forms) {
  const seen = /* @__PURE__ */ new Set();
  return forms.filter((f) => {
    if (f.text.trim() === "" || seen.has(f.text)) return false;
    seen.add(f.text);
    return true;
  });
}

// src/child-env.ts
var PASSED = [
  /^(PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|TZ|TMPDIR|TERM|NO_COLOR|XDG_RUNTIME_DIR|XDG_CONFIG_HOME)$/,
  /^LC_[A-Z]+$/,
  // docker, buildx and BuildKit settings; the registry credentials live in DOCKER_CONFIG, not env
  /^(DOCKER|BUILDX|BUILDKIT)_[A-Z0-9_]+$/,
  /^(HTTPS?_PROXY|NO_PROXY|ALL_PROXY|https?_proxy|no_proxy|all_proxy)$/,
  /^SSL_CERT_(FILE|DIR)$/
];
function childEnv(extra = {}) {
  const out = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== void 0 && PASSED.some((p) => p.test(name))) out[name] = value;
  return { ...out, ...extra };
}

export {
  MIN_DERIVED_LENGTH,
  MIN_SECRET_LENGTH,
  shortParts,
  LARGE_VALUE_CHARS,
  formsOf,
  recordedForms,
  basicAuthForms,
  encodingsOf,
  childEnv
};
//# sourceMappingURL=shared-J5QQXKHR.js.map
