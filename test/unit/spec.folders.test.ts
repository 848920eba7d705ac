// Folder entries that descend: `path/ **` (every sub-folder) and `path/?depth=N`.
import { describe, expect, it } from 'vitest';
import { groupByPath, parseSpec } from '../../src/spec/index.js';

describe('recursive folder entries', () => {
  it('`**` after a folder reads every level; ?depth=N reads N; a plain folder stays one level', () => {
    const [all, two, one] = parseSpec('secret/ci/ ** | CI_\nsecret/ci/?depth=2 *\nsecret/ci/');
    expect(all).toMatchObject({
      path: 'secret/ci',
      folder: true,
      depth: Infinity,
      selector: { kind: 'all' },
      name: 'CI_',
    });
    expect(two).toMatchObject({ path: 'secret/ci', folder: true, depth: 2, selector: { kind: 'all' } });
    expect(one?.depth).toBeUndefined();
    expect(groupByPath([all, two, one].filter((r) => r !== undefined)).size).toBe(3);
  });

  it.each([
    ['secret/ci/app?depth=2 password', /only a folder \(ending with '\/'\) takes/],
    ['secret/ci/?depth=2 **', /has both \?depth and `\*\*`/],
    ['secret/ci/?depth=0', /only \?version=N .* or, on a folder, \?depth=N \(1 to 99\)/],
    ['secret/ci/?depth=100', /on a folder, \?depth=N \(1 to 99\)/],
    ['secret/ci/ **x', /'\*' \(every key\) must be the whole selector/],
  ])('rejects %j', (text, message) => {
    expect(() => parseSpec(text)).toThrow(message);
  });
});
