// The SARIF 2.1.0 JSON schema (as shipped by @microsoft/jest-sarif; draft-04, hence
// ajv-draft-04), compiled once for the guard tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

// CommonJS: its default export is under .default when imported from ESM. The schema's
// patterns predate the u flag, and its formats (uri) are checked by the tests themselves.
export const validateSarif = new AjvDraft04.default({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  validateFormats: false,
}).compile(schema);
