// What the action reads from real server replies that are not successes: the body of a KV v2
// 404 for a deleted or destroyed version (as OpenBao 2.7.2 sends it), and the batch-token warning.
import { describe, expect, it } from 'vitest';
import { kvGoneOf } from '../../src/vault/errors.js';
import { batchTokenWarning } from '../../src/vault/stage.js';

const metadata = { created_time: '2026-12-04T01:09:27.1Z', custom_metadata: null, destroyed: false, version: 2 };

describe('kvGoneOf', () => {
  it("reads a deleted or destroyed version from OpenBao's 404 body", () => {
    const deleted = { data: { data: null, metadata: { ...metadata, deletion_time: '2026-12-04T01:09:28.5Z' } } };
    expect(kvGoneOf(deleted)).toEqual({ version: 2, destroyed: false });
    const destroyed = { data: { data: null, metadata: { ...metadata, deletion_time: '', destroyed: true } } };
    expect(kvGoneOf(destroyed)).toEqual({ version: 2, destroyed: true });
  });

  it('a plain 404 (no such secret), or metadata without a deletion, is not a gone version', () => {
    expect(kvGoneOf({ errors: [] })).toBeUndefined();
    expect(kvGoneOf(undefined)).toBeUndefined();
    expect(kvGoneOf({ data: { data: null, metadata: { ...metadata, deletion_time: '' } } })).toBeUndefined();
    expect(kvGoneOf({ data: { metadata: { deletion_time: 'x', version: '2' } } })).toBeUndefined();
  });
});

describe('batchTokenWarning', () => {
  it('names the TTL in the largest whole unit', () => {
    expect(batchTokenWarning(2764800)).toContain('for its TTL, 32 day(s).');
    expect(batchTokenWarning(7200)).toContain('for its TTL, 2 hour(s).');
    expect(batchTokenWarning(1200)).toContain('for its TTL, 20 minute(s).');
    expect(batchTokenWarning(90)).toContain('for its TTL, 90 s.');
    expect(batchTokenWarning(undefined)).toContain('for its TTL.');
  });
});
