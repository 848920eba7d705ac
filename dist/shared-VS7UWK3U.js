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
function isHelper(pid, root) {
  let command;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    command = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" }).stdout;
  }
  return command.includes("renew.js") && command.includes(root);
}

export {
  isRunning,
  isHelper
};
//# sourceMappingURL=shared-VS7UWK3U.js.map
