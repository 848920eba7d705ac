import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  replacePrivateFile
} from "./shared-BQJEDI5I.js";

// src/renew/plan.ts
import { readFileSync } from "node:fs";
function writeRenewPlan(paths, plan) {
  replacePrivateFile(paths.renewFile, JSON.stringify(plan));
}
function readRenewPlan(paths) {
  return JSON.parse(readFileSync(paths.renewFile, "utf8"));
}

export {
  writeRenewPlan,
  readRenewPlan
};
//# sourceMappingURL=shared-2T3Q5VDH.js.map
