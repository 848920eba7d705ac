// Everything delivery could refuse, checked before anything is written, so a refusal
// leaves no partial delivery behind (post removes the session folder regardless).
import type { Delivery } from '../inputs/index.js';
import type { Secret } from '../secret.js';
import { envNameRefusal, fileVariableRefusal } from './env-names.js';

export function checkDelivery(secrets: readonly Secret[], deliveries: ReadonlySet<Delivery>): void {
  const names = new Set(secrets.map((s) => s.name.toUpperCase()));
  for (const s of secrets) {
    for (const d of ['env', 'env-file'] as const) {
      const why = deliveries.has(d) ? envNameRefusal(s.name) : undefined;
      if (why !== undefined)
        throw new Error(
          `deliver ${d}: ${s.name} would replace a variable that changes how ${d === 'env' ? 'later programs' : "the container's programs"} run (${why}); it comes from ${s.source}. Give it another NAME in the secrets spec, e.g. "| APP_${s.name}".`,
        );
    }
    if (deliveries.has('files')) {
      const variable = `${s.name}_FILE`;
      const why = fileVariableRefusal(variable);
      if (why !== undefined)
        throw new Error(
          `deliver files: ${s.name} would export ${variable}, ${why}, pointing at the secret; it comes from ${s.source}. Give it another NAME in the secrets spec (a prefix after \`*\`, e.g. "| APP_").`,
        );
      if (deliveries.has('env') && names.has(variable.toUpperCase()))
        throw new Error(
          `deliver files, env: ${variable} is both the path of ${s.name}'s file and a secret's name, so one would overwrite the other. Rename one of them in the secrets spec.`,
        );
    }
    // The runner's GITHUB_ENV and GITHUB_OUTPUT readers stop at a NUL byte: the rest of
    // the file, the heredoc delimiter included, would be misread.
    for (const d of ['env', 'outputs'] as const) {
      if (deliveries.has(d) && s.reveal().includes('\0'))
        throw new Error(
          `deliver ${d}: ${s.name} (from ${s.source}) holds a NUL byte, which ${d === 'env' ? 'environment variables' : 'step outputs'} cannot carry. Deliver it as files.`,
        );
    }
  }
}
