// What a verify line found (pure): the container's file against the secret's value,
// compared in constant time, and the words for it. Neither text ever holds a byte of
// either value: byte counts, mode and owner only.
import { timingSafeEqual } from 'node:crypto';
import type { TarEntry } from './tar-entry.js';

export type Outcome = 'equal' | 'different' | 'empty' | 'missing' | 'not-a-file' | 'unreadable';

export interface Finding {
  readonly outcome: Outcome;
  /** One line for the log: state, byte count, mode and owner inside the container. */
  readonly text: string;
  /** Readable by every user in the container. */
  readonly worldReadable: boolean;
}

/** Same bytes, in time that depends on the length only (which the report states anyway). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function judge(entry: TarEntry | undefined, value: Uint8Array, limit: number): Finding {
  if (entry === undefined) return { outcome: 'missing', text: 'missing', worldReadable: false };
  const meta = `mode ${entry.mode.toString(8).padStart(4, '0')}, owner ${entry.uid}:${entry.gid}`;
  const worldReadable = (entry.mode & 0o004) !== 0;
  if (entry.type !== 'file')
    return { outcome: 'not-a-file', text: `not a regular file but a ${entry.type} (${meta})`, worldReadable };
  if (entry.size === 0) return { outcome: 'empty', text: `empty (${meta})`, worldReadable };
  if (!entry.complete)
    return { outcome: 'different', text: `present but different (over ${limit} bytes; ${meta})`, worldReadable };
  if (sameBytes(entry.data, value))
    return { outcome: 'equal', text: `present, ${entry.size} bytes, equal (${meta})`, worldReadable };
  return {
    outcome: 'different',
    text: `present but different (${entry.size} bytes, the secret has ${value.length}; ${meta})`,
    worldReadable,
  };
}

/** Fails the step by default: the container did not get what was fetched. */
export const FAILING: ReadonlySet<Outcome> = new Set(['different', 'empty', 'missing', 'not-a-file', 'unreadable']);
