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
  keepExtendedQueriesWhole(server);
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

/** What pglite-socket's (unexported) query queue looks like from here. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Messages of the extended query protocol that belong to one sequence, up to the Sync that ends it. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);
const SIMPLE_QUERY = 'Q'.charCodeAt(0);

/**
 * pglite-socket (0.2.17) runs the protocol messages of all its connections one at a time in arrival order, keeping
 * a connection's turn only inside an explicit transaction. But one session has one unnamed statement and portal:
 * when two connections interleave Parse/Bind/Execute, one binds the other's statement (`08P01`, or rows meant for
 * the other client — the job queue got other queues' jobs). Here a connection also keeps its turn from its first
 * extended-protocol message to its Sync.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (owner === handlerId) owner = null;
    clear(handlerId);
  };
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = holder === null ? 0 : this.queue.findIndex((q) => q.handlerId === holder);
        // The holder's next message has not arrived yet: enqueueing it starts processing again.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          if (owner === item.handlerId) owner = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0]!;
        if (EXTENDED.has(type)) owner = item.handlerId;
        else if (type === SYNC || type === SIMPLE_QUERY) owner = null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
