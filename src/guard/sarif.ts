// The leak guard's findings as SARIF 2.1.0, for github/codeql-action/upload-sarif: one
// rule per form kind, one result per hit with file and line (or byte offset). Pure.
// A result names the secret and the form, never the value nor any part of it: no
// snippet, no context region, no fingerprint derived from the bytes.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormKind } from '../mask/forms.js';
import type { Hit } from './scanner.js';
import { where } from './report.js';

const KINDS: Readonly<Record<FormKind, string>> = {
  value: 'the value as fetched',
  line: 'one line of a multi-line value',
  'json-leaf': 'a leaf of a JSON value',
  base64: 'base64 of the value or a part of it',
  base64url: 'base64url of the value or a part of it',
  hex: 'hex of the value or a part of it',
  'base64-base64': 'base64 of its base64 (double base64, as the tj-actions/changed-files payload printed memory)',
  url: 'the value URL-encoded',
  'json-escape': 'the value escaped as a JSON string',
  'shell-escape': 'the value quoted for a shell',
  'basic-auth': 'base64 of user:password, as docker and HTTP basic auth write it',
};

export interface SarifOptions {
  /** Paths under it are given relative to it, as code scanning expects (GITHUB_WORKSPACE). */
  readonly workspace: string | undefined;
  readonly level: 'error' | 'warning';
  readonly version: string;
  /**
   * Hides every form of every value in text taken from the workspace (file names,
   * archive member names): the file is not masked by the runner.
   */
  readonly redact: (text: string) => string;
}

export function toSarif(hits: readonly Hit[], opts: SarifOptions): object {
  const kinds = [...new Set(hits.map((h) => h.form))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vault-secrets-action leak guard',
            version: opts.version,
            rules: kinds.map((kind) => ({
              id: ruleId(kind),
              name: `LeakedSecret/${kind}`,
              shortDescription: { text: `A secret fetched from Vault, as ${KINDS[kind]}` },
              fullDescription: {
                text: 'A file the job is about to upload, deploy or publish holds a secret. Remove it from the output, and rotate the secret.',
              },
              defaultConfiguration: { level: opts.level },
              properties: { tags: ['security', 'secret'] },
            })),
          },
        },
        results: hits.map((hit) => result(hit, kinds.indexOf(hit.form), opts)),
      },
    ],
  };
}

function ruleId(kind: FormKind): string {
  return `leaked-secret-${kind}`;
}

function result(hit: Hit, ruleIndex: number, opts: SarifOptions): object {
  const image = hit.path.startsWith('image ');
  // the offset is in the file itself only when the hit is not inside an archive
  const region = {
    ...(hit.line !== undefined ? { startLine: hit.line } : {}),
    ...(hit.inner === '' ? { byteOffset: hit.offset } : {}),
  };
  return {
    ruleId: ruleId(hit.form),
    ruleIndex,
    level: opts.level,
    message: { text: opts.redact(`Secret ${hit.name} (as ${hit.form}) found in ${where(hit)}.`) },
    locations: image
      ? [
          {
            logicalLocations: [
              { name: opts.redact(hit.path), fullyQualifiedName: opts.redact(`${hit.path}!${hit.inner}`) },
            ],
          },
        ]
      : [
          {
            physicalLocation: {
              artifactLocation: { uri: opts.redact(uri(hit.path, opts.workspace)) },
              ...(Object.keys(region).length > 0 ? { region } : {}),
            },
          },
        ],
  };
}

function uri(path: string, workspace: string | undefined): string {
  if (workspace !== undefined && isAbsolute(path)) {
    const rel = relative(workspace, path);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel))
      return rel.split(sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(path).href;
}
