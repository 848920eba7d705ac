import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  create
} from "./shared-CSGAVOOU.js";
import {
  addLineNumbers,
  scanImage,
  tally,
  where
} from "./shared-YA6SOZW4.js";
import {
  isWithin
} from "./shared-DTXL6YP6.js";
import {
  MAX_HITS,
  Matcher,
  Scanner,
  scannable,
  tooShortToScan,
  zstdDecoder
} from "./shared-C7MYC6N4.js";
import {
  MIN_SECRET_LENGTH
} from "./shared-J5QQXKHR.js";
import {
  inertMessage,
  inertProperties,
  say
} from "./shared-73F27MEW.js";
import {
  error,
  group,
  info,
  warning
} from "./shared-QCDMWCIP.js";

// src/guard/stage.ts
import { lstatSync as lstatSync2, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname as dirname2, sep as sep2 } from "node:path";

// src/guard/parallel.ts
import { Worker } from "node:worker_threads";
import { lstatSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
var BATCH = 128;
var SPLIT_ABOVE = 32 << 20;
var RANGE_BYTES = 16 << 20;
async function scanParallel(forms, roots, opts = {}) {
  const count = opts.workers !== void 0 && opts.workers > 0 ? opts.workers : availableParallelism();
  const stats = { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
  const rangeBytes = Math.max(1, opts.rangeBytes ?? RANGE_BYTES);
  const splitAbove = count > 1 ? opts.splitAbove ?? SPLIT_ABOVE : Number.POSITIVE_INFINITY;
  const setup = { forms, splitAbove };
  const url = opts.workerUrl ?? new URL("./guard-worker.js", import.meta.url);
  const wanted = Math.max(1, Math.min(count, busyWorkers(roots, splitAbove, count)));
  const workers = Array.from({ length: wanted }, () => new Worker(url, { workerData: setup }));
  const { files } = walk(roots, stats);
  const queue = [];
  for (let i = 0; i < files.length; i += BATCH) queue.push({ kind: "files", paths: files.slice(i, i + BATCH) });
  const parked = [];
  let busy = 0;
  const feed = (worker) => {
    const task = queue.shift();
    if (task) {
      busy++;
      worker.postMessage(task);
      return;
    }
    parked.push(worker);
    if (busy === 0) for (const w of parked.splice(0)) w.postMessage({ kind: "finish" });
  };
  try {
    const results = await Promise.all(
      workers.map(
        (worker) => new Promise((resolve2, reject) => {
          worker.on("message", (reply) => {
            if (reply.kind === "failed") reject(new Error(`leak guard worker: ${reply.message}`));
            else if (reply.kind === "result") resolve2(reply);
            else {
              busy--;
              for (const { path, size } of reply.split)
                for (let start = 0; start < size; start += rangeBytes)
                  queue.push({ kind: "range", path, start, end: Math.min(size, start + rangeBytes) });
              for (const w of parked.splice(0, queue.length)) feed(w);
              feed(worker);
            }
          });
          worker.once("error", reject);
          worker.once("exit", (code) => reject(new Error(`leak guard worker exited (${code})`)));
          feed(worker);
        })
      )
    );
    return { ...merge(stats, results), workers: workers.length };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
function merge(walked, results) {
  const stats = { ...walked, notes: [...walked.notes] };
  const all = [];
  for (const r of results) {
    all.push(...r.hits);
    stats.files += r.stats.files;
    stats.bytes += r.stats.bytes;
    stats.archives += r.stats.archives;
    stats.skipped += r.stats.skipped;
    stats.notes.push(...r.stats.notes);
    stats.dropped += r.stats.dropped;
  }
  all.sort(compareHits);
  stats.notes.sort();
  stats.dropped += Math.max(0, all.length - MAX_HITS);
  return { hits: all.slice(0, MAX_HITS), stats };
}
function compareHits(a, b) {
  return cmp(a.path, b.path) || cmp(a.inner, b.inner) || a.offset - b.offset || cmp(a.name, b.name) || cmp(a.form, b.form);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function busyWorkers(roots, splitAbove, count) {
  let n = 0;
  for (const root of roots) {
    try {
      const st = lstatSync(root);
      if (st.isDirectory() || st.isFile() && st.size > splitAbove) return count;
      if (st.isFile()) n++;
    } catch {
    }
  }
  return n;
}
function walk(roots, stats) {
  const files = [];
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      stats.notes.push(`${dir}: ${err.code ?? "unreadable"}`);
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.isFile()) files.push(path);
      else stats.skipped++;
    }
  };
  for (const root of roots) {
    let st;
    try {
      st = lstatSync(root);
    } catch (err) {
      stats.notes.push(`${root}: ${err.code ?? "unreadable"}`);
      continue;
    }
    if (st.isDirectory()) visit(root);
    else if (st.isFile()) files.push(root);
    else stats.skipped++;
  }
  return { files };
}

// src/guard/sarif.ts
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
var KINDS = {
  value: "the value as fetched",
  line: "one line of a multi-line value",
  "json-leaf": "a leaf of a JSON value",
  base64: "base64 of the value or a part of it",
  base64url: "base64url of the value or a part of it",
  hex: "hex of the value or a part of it",
  "base64-base64": "base64 of its base64 (double base64, as the tj-actions/changed-files payload printed memory)",
  url: "the value URL-encoded",
  "json-escape": "the value escaped as a JSON string",
  "shell-escape": "the value quoted for a shell",
  "basic-auth": "base64 of user:password, as docker and HTTP basic auth write it"
};
function toSarif(hits, opts) {
  const kinds = [...new Set(hits.map((h) => h.form))].sort();
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "vault-secrets-action leak guard",
            version: opts.version,
            rules: kinds.map((kind) => ({
              id: ruleId(kind),
              name: `LeakedSecret/${kind}`,
              shortDescription: { text: `A secret fetched from Vault, as ${KINDS[kind]}` },
              fullDescription: {
                text: "A file the job is about to upload, deploy or publish holds a secret. Remove it from the output, and rotate the secret."
              },
              defaultConfiguration: { level: opts.level },
              properties: { tags: ["security", "secret"] }
            }))
          }
        },
        results: hits.map((hit) => result(hit, kinds.indexOf(hit.form), opts))
      }
    ]
  };
}
function ruleId(kind) {
  return `leaked-secret-${kind}`;
}
function result(hit, ruleIndex, opts) {
  const image = hit.path.startsWith("image ");
  const region = {
    ...hit.line !== void 0 ? { startLine: hit.line } : {},
    ...hit.inner === "" ? { byteOffset: hit.offset } : {}
  };
  return {
    ruleId: ruleId(hit.form),
    ruleIndex,
    level: opts.level,
    message: { text: opts.redact(`Secret ${hit.name} (as ${hit.form}) found in ${where(hit)}.`) },
    locations: image ? [
      {
        logicalLocations: [
          { name: opts.redact(hit.path), fullyQualifiedName: opts.redact(`${hit.path}!${hit.inner}`) }
        ]
      }
    ] : [
      {
        physicalLocation: {
          artifactLocation: { uri: opts.redact(uri(hit.path, opts.workspace)) },
          ...Object.keys(region).length > 0 ? { region } : {}
        }
      }
    ]
  };
}
function uri(path, workspace) {
  if (workspace !== void 0 && isAbsolute(path)) {
    const rel = relative(workspace, path);
    if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel))
      return rel.split(sep).map(encodeURIComponent).join("/");
  }
  return pathToFileURL(path).href;
}

// src/guard/inside.ts
import { realpathSync } from "node:fs";
import { dirname, join as join2, relative as relative2, resolve } from "node:path";
var under = (path, dir) => isWithin(path, dir);
function leadsOutside(path, trees) {
  const abs = resolve(path);
  const anchor = trees.map((t) => resolve(t)).filter((t) => under(abs, t)).sort((a, b) => a.length - b.length)[0] ?? dirname(abs);
  let real;
  let top;
  try {
    real = realpathSync(abs);
    top = realpathSync(anchor);
  } catch {
    return { anchor, real: "" };
  }
  return real === join2(top, relative2(anchor, abs)) ? void 0 : { anchor, real };
}

// src/guard/stage.ts
var MAX_ANNOTATIONS = 50;
async function guardStage(run, forms) {
  const patterns = [...run.paths, ...run.cachePaths];
  if (patterns.length === 0 && run.image === void 0) return void 0;
  const roots = patterns.length > 0 ? await expand(patterns) : [];
  const started = Date.now();
  const tooShort = tooShortToScan(forms);
  const shortLine = tooShort > 0 ? [
    `leak guard: ${tooShort} value(s) shorter than ${MIN_SECRET_LENGTH} characters not looked for (they match ordinary text by chance); their longer encodings are`
  ] : [];
  const usable = scannable(forms);
  if (usable.length === 0) {
    const lines2 = ["leak guard: no secret long enough to look for, nothing scanned", ...shortLine];
    writeSarif(run, [], forms);
    return { roots, hits: [], files: 0, bytes: 0, millis: 0, cacheHits: 0, failed: false, lines: lines2 };
  }
  const result2 = await group(`Leak guard: scan ${roots.length} path(s)`, async () => {
    const scanned = roots.length > 0 ? await scanParallel(usable, roots, { workers: run.workers }) : void 0;
    const hits2 = scanned?.hits ?? [];
    const stats2 = scanned?.stats ?? { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
    if (run.image !== void 0) {
      const scanner = new Scanner(usable);
      await scanImage(scanner, run.image, {});
      hits2.push(...scanner.hits);
      stats2.files += scanner.stats.files;
      stats2.bytes += scanner.stats.bytes;
      stats2.notes.push(...scanner.stats.notes);
      stats2.dropped += scanner.stats.dropped;
    }
    return { hits: hits2, stats: stats2, workers: scanned?.workers ?? 0 };
  });
  const { hits, stats } = result2;
  addLineNumbers(hits);
  const millis = Date.now() - started;
  for (const note of stats.notes) info(say`leak guard could not read ${note}`);
  if (stats.dropped > 0)
    warning(`leak guard: ${stats.dropped} more hit(s) past the first ${hits.length} were counted but not listed`);
  const under2 = [...roots, ...run.image !== void 0 ? [`image ${run.image}`] : []];
  const lines = [
    `leak guard: scanned ${stats.files} file(s), ${stats.bytes} byte(s) in ${millis} ms on ${result2.workers} thread(s) under ${under2.join(", ") || "(no path matched)"}: ${hits.length === 0 ? "clean" : `${hits.length} hit(s)`}`,
    ...tally(hits).map((t) => `leak guard hit: ${t}`),
    ...shortLine
  ];
  if (stats.notes.some((n) => n.includes("zstd"))) lines.push(`leak guard: zstd decoded with ${zstdDecoder}`);
  writeSarif(run, hits, forms);
  if (run.sarifFile !== void 0) lines.push(`leak guard: SARIF written to ${run.sarifFile}`);
  const cacheHits = run.cachePaths.length > 0 ? hitsUnder(hits, await expand(run.cachePaths)).length : 0;
  const refused = act(run.onLeak, hits, { trees: deleteTrees(roots), redact: redactor(forms) });
  lines.push(...refused);
  return {
    roots,
    hits,
    files: stats.files,
    bytes: stats.bytes,
    millis,
    cacheHits,
    // a hit on-leak delete may not remove stays where the job would ship it
    failed: run.onLeak === "fail" && hits.length > 0 || refused.length > 0,
    lines
  };
}
function writeSarif(run, hits, forms) {
  if (run.sarifFile === void 0) return;
  const sarif = toSarif(hits, {
    workspace: process.env["GITHUB_WORKSPACE"],
    level: run.onLeak === "fail" ? "error" : "warning",
    version: "1",
    redact: redactor(forms)
  });
  mkdirSync(dirname2(run.sarifFile), { recursive: true });
  writeFileSync(run.sarifFile, `${JSON.stringify(sarif, null, 2)}
`);
}
function redactor(forms) {
  const patterns = [...new Set(forms.map((f) => f.text))].filter((t) => t !== "").map((t) => Buffer.from(t, "utf8"));
  const matcher = new Matcher(patterns);
  return (text) => {
    const bytes = Buffer.from(text, "utf8");
    const spans = [];
    matcher.scan(bytes, (i, offset) => spans.push([offset, offset + (patterns[i]?.length ?? 0)]));
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0]);
    const parts = [];
    let at = 0;
    for (const [from, to] of spans) {
      if (from >= at) parts.push(bytes.subarray(at, from), STARS);
      at = Math.max(at, to);
    }
    parts.push(bytes.subarray(at));
    return Buffer.concat(parts).toString("utf8");
  };
}
var STARS = Buffer.from("***");
function deleteTrees(roots) {
  const job = ["GITHUB_WORKSPACE", "HOME", "RUNNER_TEMP"].flatMap((v) => process.env[v] ? [process.env[v]] : []);
  return [...job, ...roots.filter((r) => isDirectory(r))];
}
function isDirectory(path) {
  try {
    return lstatSync2(path).isDirectory();
  } catch {
    return false;
  }
}
function act(onLeak, hits, { trees, redact }) {
  hits.slice(0, MAX_ANNOTATIONS).forEach((hit) => {
    const message = redact(`secret ${hit.name} (as ${hit.form}) found in ${where(hit)}`);
    const named = redact(hit.path) !== hit.path;
    const props = {
      title: "Leaked secret",
      ...named ? {} : { file: hit.path },
      ...hit.line !== void 0 && !named ? { startLine: hit.line } : {}
    };
    if (onLeak === "fail") error(inertMessage(message), inertProperties(props));
    else warning(inertMessage(message), inertProperties(props));
  });
  if (hits.length > MAX_ANNOTATIONS)
    info(`leak guard: ${hits.length - MAX_ANNOTATIONS} more hit(s) not annotated`);
  if (onLeak !== "delete") return [];
  const refused = [];
  for (const path of new Set(hits.filter((h) => !h.path.startsWith("image ")).map((h) => h.path))) {
    const outside = leadsOutside(path, trees);
    if (outside) {
      const line = redact(
        `leak guard did not delete ${path}: it leads outside ${outside.anchor} through a link${outside.real ? ` (to ${outside.real})` : ""}. Remove it yourself, and the link.`
      );
      const named = redact(path) !== path;
      error(
        inertMessage(line),
        inertProperties({ title: "Leaked secret not deleted", ...named ? {} : { file: path } })
      );
      refused.push(line);
      continue;
    }
    rmSync(path, { force: true });
    warning(say`leak guard deleted ${path}: it held a secret (on-leak: delete)`);
  }
  return refused;
}
async function expand(patterns) {
  const excludes = patterns.filter((p) => p.trimStart().startsWith("!"));
  const found = /* @__PURE__ */ new Set();
  for (const include of patterns.filter((p) => !excludes.includes(p))) {
    const globber = await create([include, ...excludes].join("\n"), {
      followSymbolicLinks: false,
      implicitDescendants: false,
      matchDirectories: true
    });
    for (const path of await globber.glob()) found.add(path);
  }
  const sorted = [...found].sort();
  return sorted.filter(
    (p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q.endsWith(sep2) ? q : q + sep2) && leadsOutside(p, [q]) === void 0)
  );
}
function hitsUnder(hits, roots) {
  return hits.filter((h) => roots.some((r) => h.path === r || h.path.startsWith(r.endsWith(sep2) ? r : r + sep2)));
}

export {
  guardStage
};
//# sourceMappingURL=shared-XGG7ZBUV.js.map
