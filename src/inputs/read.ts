// Reading one input: the typed accessors every input module uses.
import { readFileSync } from 'node:fs';
import { rawInput } from './compat.js';

/** Bad input: the message names the input and says what to write instead. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Our input `name`, or hashicorp/vault-action's name for it (compat.ts). */
export function text(name: string): string | undefined {
  return nonEmpty(rawInput(name));
}

export function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** Non-empty lines, comments (`#`) and surrounding space dropped; commas also split when `commas`. */
export function list(name: string, commas = false): string[] {
  const raw = rawInput(name);
  return raw
    .split(commas ? /[\n,]/ : /\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function need(v: string | undefined, name: string, forWhat: string): string {
  if (v === undefined) throw new InputError(`${name} is required for ${forWhat}.`);
  return v;
}

export function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = text(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new InputError(`${name}: "${v}" is not one of ${allowed.join(', ')}.`);
  return v as T;
}

export function bool(name: string, fallback: boolean): boolean {
  const v = text(name)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new InputError(`${name}: "${v}" is not true or false.`);
}

export function integer(name: string, fallback: number, min: number, max: number): number {
  const v = text(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(`${name}: "${v}" must be a whole number from ${min} to ${max}.`);
  return n;
}

export function seconds(name: string, fallback: number): number {
  const v = text(name);
  if (v === undefined) return fallback * 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw new InputError(`${name}: "${v}" must be a number of seconds above 0 and at most 3600.`);
  return Math.round(n * 1000);
}

/** PEM text, a path to a PEM file, or base64 of PEM (as hashicorp/vault-action takes). */
export function pem(name: string): string | undefined {
  const value = text(name);
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN')) return value;
  const decoded =
    /^[A-Za-z0-9+/=\s]+$/.test(value) && value.length > 64 ? Buffer.from(value, 'base64').toString('utf8') : '';
  if (decoded.includes('-----BEGIN')) return decoded;
  try {
    const file = readFileSync(value, 'utf8');
    if (file.includes('-----BEGIN')) return file;
  } catch (err) {
    throw new InputError(
      `${name}: cannot read the file "${value}" (${(err as NodeJS.ErrnoException).code ?? 'error'}): give PEM text, base64 of it, or a readable path.`,
    );
  }
  throw new InputError(`${name}: "${value}" holds no PEM block: give PEM text, base64 of it, or a path to a PEM file.`);
}
