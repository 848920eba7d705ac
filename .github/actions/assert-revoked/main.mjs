// Records the tokens that exist before the action under test logs in.
import { save, tokens } from './vault.mjs';

const before = await tokens();
save('GITHUB_STATE', 'tokens', before.join(','));
save('GITHUB_OUTPUT', 'tokens-before', String(before.length));
console.log(`${before.length} token(s) exist before the action runs`);
