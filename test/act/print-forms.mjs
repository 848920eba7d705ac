// A careless step under act: prints each value named in FORMS_OF (read from its NAME_FILE)
// in every form the action registers a mask for, one form a line: raw, each line, base64
// at the three byte alignments inside a longer text, base64url, hex, URL and JSON escapes.
// act masks exact strings only, so each line shows *** only because the action
// registered that very form. Plain JavaScript: act runs it with the node on PATH.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';

const names = (process.env.FORMS_OF ?? '').split(/\s+/).filter(Boolean);
for (const name of names) {
  const file = process.env[`${name}_FILE`];
  if (!file) throw new Error(`${name}_FILE is not set`);
  const value = readFileSync(file, 'utf8');
  const bytes = Buffer.from(value, 'utf8');
  const print = (form, text) => console.log(`form ${name} ${form}: ${text}`);
  print('raw', value.replace(/\r?\n|\r/g, ' '));
  value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((line, i) => print(`line ${i + 1}`, line));
  for (const k of [0, 1, 2]) {
    const framed = Buffer.concat([Buffer.from('xyz'.slice(0, k)), bytes]);
    print(`base64 at alignment ${k}`, framed.toString('base64'));
    print(`base64url at alignment ${k}`, framed.toString('base64url'));
  }
  print('hex', bytes.toString('hex'));
  print('url', encodeURIComponent(value));
  print('json', JSON.stringify(value).slice(1, -1));
}
