// What main hands the renewal helper (private/renew.json, 0600): where Vault is, what to
// renew and until when. The token stays in the private token file, never in here.
import { readFileSync } from 'node:fs';
import type { SessionPlan, SessionPaths } from '../state.js';
import { replacePrivateFile } from '../deliver/private-file.js';
import type { Renewable } from './schedule.js';

export interface RenewPlan {
  readonly connection: SessionPlan['connection'];
  /** The hard cap (epoch ms): main's start plus vault-renew-for. */
  readonly until: number;
  /** The runner process that ran main: when it is gone, so is the job. */
  readonly watchPid: number;
  readonly items: Renewable[];
}

export function writeRenewPlan(paths: SessionPaths, plan: RenewPlan): void {
  replacePrivateFile(paths.renewFile, JSON.stringify(plan));
}

export function readRenewPlan(paths: SessionPaths): RenewPlan {
  return JSON.parse(readFileSync(paths.renewFile, 'utf8')) as RenewPlan;
}
