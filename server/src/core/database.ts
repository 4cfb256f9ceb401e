// Where the data lives: the PostgreSQL at DATABASE_URL, or an embedded one (PGlite on a loopback socket).
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Logger } from './logger.js';

export interface Database {
  /** A postgres:// URL every subgraph's pool connects to. */
  readonly url: string;
  readonly embedded: boolean;
  /** Connections each subgraph's pool may open. */
  readonly poolMax: number;
  close(): Promise<void>;
}

/** PGlite is one database session behind the socket: each pool gets one connection, see STACK.md. */
const EMBEDDED_CONNECTIONS = 16;

export async function openDatabase(
  options: { url: string | undefined; dataDir: string; poolMax: number },
  log: Logger,
): Promise<Database> {
  if (options.url) {
    return { url: options.url, embedded: false, poolMax: options.poolMax, close: async () => {} };
  }
  const dir = path.join(options.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const db = await startEmbedded(dir);
  log.info({ dataDir: dir }, 'embedded PostgreSQL (PGlite) started; set DATABASE_URL to use a PostgreSQL server');
  return db;
}

/** Starts PGlite on a free loopback port. `dataDir` undefined keeps the data in memory (tests). */
export async function startEmbedded(dataDir: string | undefined): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: EMBEDDED_CONNECTIONS });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    embedded: true,
    poolMax: 1,
    close: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
