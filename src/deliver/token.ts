// The Vault token itself, for workflows that call Vault on their own (vault-token-delivery,
// or hashicorp/vault-action's exportToken/outputToken). Post still revokes a token this
// step logged in for, unless vault-revoke-token is false.
import * as core from '@actions/core';
import { join } from 'node:path';
import type { TokenDelivery } from '../inputs/index.js';
import type { Secret } from '../secret.js';
import type { Session } from './session.js';
import { writePrivateFile } from './private-file.js';
import { requireFileCommand } from './env.js';

export function deliverToken(token: Secret, ways: ReadonlySet<TokenDelivery>, session: Session): void {
  if (ways.has('files')) {
    const path = join(session.files, 'VAULT_TOKEN');
    writePrivateFile(path, token.reveal());
    core.exportVariable('VAULT_TOKEN_FILE', path);
    core.setOutput('vault-token-file', path);
    core.info(`Wrote the Vault token to ${path} (0600); its path is in VAULT_TOKEN_FILE.`);
  }
  if (ways.has('env')) {
    requireFileCommand('GITHUB_ENV', 'the token to env');
    core.exportVariable('VAULT_TOKEN', token.reveal());
  }
  if (ways.has('outputs')) {
    requireFileCommand('GITHUB_OUTPUT', 'the token to outputs');
    core.setOutput('vault_token', token.reveal());
  }
}
