import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/renew/process.ts
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}
function commandSource(platform) {
  if (platform === "linux") return "proc";
  return platform === "win32" ? "none" : "ps";
}
function commandLine(pid, platform = process.platform) {
  const source = commandSource(platform);
  if (source === "none") return void 0;
  if (source === "proc") {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    } catch {
    }
  }
  const ps = spawnSync("ps", ["-ww", "-o", "command=", "-p", String(pid)], { encoding: "utf8" });
  return ps.error ? void 0 : ps.stdout;
}
function helperIdentity(pid, root, platform = process.platform) {
  const command = commandLine(pid, platform);
  if (command === void 0) return "unknown";
  return command.includes("renew.js") && command.includes(root) ? "ours" : "other";
}

export {
  isRunning,
  helperIdentity
};
//# sourceMappingURL=shared-UPGPQH6V.js.map
