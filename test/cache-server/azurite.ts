// Azurite's blob service, started in this process, in memory, on a loopback port.
//
// Azurite ships CommonJS without type declarations and its package main only exports the VS Code
// extension, so the server and configuration classes are loaded from their files with require and
// described here by the few members used. Pinned: azurite 3.35.0, the last release whose engines
// field accepts Node 20 (3.36 asks for >=21, 3.37 for >=22).
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

interface BlobServerInstance {
  readonly httpServer: Server;
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
}
type BlobServerClass = new (config: unknown) => BlobServerInstance;
type BlobConfigurationClass = new (...args: unknown[]) => unknown;
type ChunkStoreClass = new (sizeLimit?: number) => unknown;

const { default: BlobServer } = require('azurite/dist/src/blob/BlobServer.js') as { default: BlobServerClass };
const { default: BlobConfiguration } = require('azurite/dist/src/blob/BlobConfiguration.js') as {
  default: BlobConfigurationClass;
};
const { MemoryExtentChunkStore } = require('azurite/dist/src/common/persistence/MemoryExtentStore.js') as {
  MemoryExtentChunkStore: ChunkStoreClass;
};
const constants = require('azurite/dist/src/blob/utils/constants.js') as {
  VERSION: string;
  BLOB_API_VERSION: string;
  EMULATOR_ACCOUNT_NAME: string;
  EMULATOR_ACCOUNT_KEY_STR: string;
};

/** Azurite's built-in development account, taken from Azurite itself so the key cannot drift. */
export const AZURITE_ACCOUNT = constants.EMULATOR_ACCOUNT_NAME; // 'devstoreaccount1'
export const AZURITE_KEY = constants.EMULATOR_ACCOUNT_KEY_STR;
export const AZURITE_VERSION = constants.VERSION;

export interface AzuriteBlob {
  /** `http://127.0.0.1:<port>/devstoreaccount1`: path-style account URL, as the emulator serves it. */
  readonly accountUrl: string;
  readonly httpServer: Server;
  close(): Promise<void>;
}

export async function startAzuriteBlob(opts: { host: string; memoryLimitBytes: number }): Promise<AzuriteBlob> {
  // The positional parameters of BlobConfiguration's constructor (azurite 3.35.0):
  const config = new BlobConfiguration(
    opts.host,
    0, // port: 0 = ephemeral
    undefined, // keepAliveTimeout (default 5 s)
    'cache-server-blob-metadata', // Loki DB name; never written with in-memory persistence
    'cache-server-blob-extents', // idem
    undefined, // persistence locations: only used by the file-system extent store
    false, // enableAccessLog: it would print every request on stdout
    undefined, // accessLogWriteStream
    false, // enableDebugLog
    undefined, // debugLogFilePath
    false, // loose
    // skipApiVersionCheck: @azure/storage-blob 12.31 sends x-ms-version 2026-02-06, newer than the
    // 2025-11-05 this Azurite knows; the blob operations the cache uses are unchanged.
    true,
    '', // cert
    '', // key
    '', // pwd
    undefined, // oauth
    false, // disableProductStyleUrl
    true, // isMemoryPersistence (--inMemoryPersistence)
    new MemoryExtentChunkStore(opts.memoryLimitBytes), // a chunk store of our own, not the process-wide one
  );
  const server = new BlobServer(config);
  await server.start();
  const { address, port } = server.httpServer.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closed = false;
  return {
    accountUrl: `http://${host}:${port}/${AZURITE_ACCOUNT}`,
    httpServer: server.httpServer,
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Promise<void>((resolve) => server.httpServer.once('close', () => resolve()));
      await server.close(); // removes the request listener and stops the (stoppable) HTTP server
      await stopped;
      await server.clean(); // drops blobs, metadata and the chunk store
    },
  };
}
