// Messages between the leak guard's pool (parallel.ts) and its workers (worker.ts).
import type { GuardForm, Hit, ScanStats } from './scanner.js';

export interface WorkerSetup {
  readonly forms: readonly GuardForm[];
  /** Plain files larger than this are handed back to be split into ranges. */
  readonly splitAbove: number;
}

export type Task =
  | { readonly kind: 'files'; readonly paths: readonly string[] }
  | { readonly kind: 'range'; readonly path: string; readonly start: number; readonly end: number }
  | { readonly kind: 'finish' };

export type Reply =
  | { readonly kind: 'ready'; readonly split: readonly { readonly path: string; readonly size: number }[] }
  | { readonly kind: 'result'; readonly hits: readonly Hit[]; readonly stats: ScanStats }
  | { readonly kind: 'failed'; readonly message: string };
