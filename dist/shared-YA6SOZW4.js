import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  Scanner
} from "./shared-C7MYC6N4.js";
import {
  childEnv
} from "./shared-J5QQXKHR.js";
import {
  say
} from "./shared-73F27MEW.js";
import {
  error,
  group,
  info
} from "./shared-QCDMWCIP.js";

// src/guard/image.ts
import { spawn } from "node:child_process";

// src/guard/report.ts
import { closeSync, openSync, readSync } from "node:fs";
function addLineNumbers(hits) {
  const byFile = /* @__PURE__ */ new Map();
  for (const h of hits) if (h.inner === "") byFile.set(h.path, [...byFile.get(h.path) ?? [], h]);
  const buf = Buffer.allocUnsafe(1 << 20);
  for (const [path, fileHits] of byFile) {
    let fd;
    try {
      fd = openSync(path, "r");
    } catch {
      continue;
    }
    try {
      const sorted = [...fileHits].sort((a, b) => a.offset - b.offset);
      let pos = 0;
      let line = 1;
      let binary = false;
      for (const hit of sorted) {
        while (pos < hit.offset && !binary) {
          const n = readSync(fd, buf, 0, Math.min(buf.length, hit.offset - pos), pos);
          if (n === 0) break;
          const chunk = buf.subarray(0, n);
          const nul = chunk.indexOf(0);
          const end = nul >= 0 ? nul : n;
          for (let i = chunk.indexOf(10); i >= 0 && i < end; i = chunk.indexOf(10, i + 1)) line++;
          binary = nul >= 0;
          pos += n;
        }
        if (!binary) hit.line = line;
      }
    } finally {
      closeSync(fd);
    }
  }
}
function tally(hits) {
  const counts = /* @__PURE__ */ new Map();
  for (const h of hits) {
    const key = `${h.name} as ${h.form}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort().map(([k, n]) => `${k}: ${n}`);
}
function where(hit) {
  return `${hit.path}${hit.inner ? `!${hit.inner}` : ""} at byte ${hit.offset}${hit.line !== void 0 ? ` (line ${hit.line})` : ""}`;
}

// src/guard/image.ts
async function scanImage(scanner, image, env) {
  const child = spawn("docker", ["save", image], {
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv(env)
  });
  let stderr = "";
  child.stderr.on("data", (d) => stderr += d.toString());
  const closed = new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const end = new TarEnd();
  await scanner.scanStream(`image ${image}`, end.watch(child.stdout));
  const code = await closed;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim().split("\n")[0] ?? `exit ${code}`}`);
  if (!end.complete())
    throw new Error(
      `docker save ${image} failed: the stream was cut short after ${end.bytes} byte(s), before the end of the archive, so part of the image was not scanned.`
    );
}
var TarEnd = class {
  bytes = 0;
  #tail = Buffer.alloc(0);
  async *watch(source) {
    for await (const chunk of source) {
      this.bytes += chunk.length;
      this.#tail = Buffer.concat([this.#tail, chunk]).subarray(-1024);
      yield chunk;
    }
  }
  complete() {
    return this.bytes >= 1024 && this.bytes % 512 === 0 && this.#tail.every((b) => b === 0);
  }
};
async function guardImage(masks, image, env) {
  const scanner = new Scanner(masks.forms());
  await group(`Leak guard: scan image ${image}`, () => scanImage(scanner, image, env));
  info(
    say`leak guard: image ${image}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} stream(s), ${scanner.hits.length} hit(s)`
  );
  if (scanner.hits.length === 0) return;
  for (const hit of scanner.hits.slice(0, 20))
    error(say`secret ${hit.name} (as ${hit.form}) is in image ${image} at ${hit.inner || "its config"}`, {
      title: "Leaked secret"
    });
  throw new Error(
    `the image holds secrets (${tally(scanner.hits).join("; ")}): it was not pushed. Read secrets with RUN --mount=type=secret and do not write them into the image.`
  );
}

export {
  addLineNumbers,
  tally,
  where,
  scanImage,
  guardImage
};
//# sourceMappingURL=shared-YA6SOZW4.js.map
