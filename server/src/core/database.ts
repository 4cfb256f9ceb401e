// Where the data lives: the PostgreSQL at DATABASE_URL, or an embedded one (PGlite on a loopback socket).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/**
 * PGlite is one database session behind the socket: each pool gets one connection, see STACK.md. The cap is for
 * clients, not sessions: processes sharing an embedded database in tests (distributed mode: five processes, each
 * with a pool, the job queue's connections and a migration lock) need a few dozen.
 */
const EMBEDDED_CONNECTIONS = 64;

export async function openDatabase(
  options: { url: string | undefined; dataDir: string; poolMax: number },
  log: Logger,
): Promise<Database> {
  if (options.url) {
    return { url: options.url, embedded: false, poolMax: options.poolMax, close: async () => {} };
  }
  const dir = path.join(options.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir);
  const db = await startEmbedded(dir).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  log.info({ dataDir: dir }, 'embedded PostgreSQL (PGlite) started; set DATABASE_URL to use a PostgreSQL server');
  return {
    ...db,
    async close() {
      await db.close();
      await unlock();
    },
  };
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * PGlite's files belong to one process: a second one (another `npm start`, `npm run partner`) would corrupt them.
 * A lock file with the owner's pid keeps it out; a lock left by a process that no longer runs is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new DataDirInUseError(
          `The embedded database in ${dataDir} is in use by process ${owner} (a running Kabinet?). ` +
            `Stop it first, or set DATABASE_URL to a PostgreSQL server. (If no Kabinet runs, delete ${lockFile}.)`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock the embedded database in ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
