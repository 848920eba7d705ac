import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/vault/pool.ts
async function mapSettled(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: "fulfilled", value: await fn(items[i]) };
      } catch (reason) {
        results[i] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export {
  mapSettled
};
//# sourceMappingURL=shared-S3OPN7WJ.js.map
