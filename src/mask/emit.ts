// Registers masks with the runner in batches. core.setSecret prints one `::add-mask::`
// line per call, one write each; a value's forms (a large value has one per line, tens
// of thousands) go out here as one write, in the same format: the data escaped as
// @actions/core escapes it (% CR LF), one command per line. process.stdout writes are
// synchronous for files and pipes, so every mask still lands before the next line the
// step prints.
import { EOL } from 'node:os';

export function addMaskLines(texts: readonly string[]): string {
  return texts
    .map((t) => `::add-mask::${t.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${EOL}`)
    .join('');
}

export function addMasks(texts: readonly string[]): void {
  if (texts.length > 0) process.stdout.write(addMaskLines(texts));
}
