// Where the data lives: the PostgreSQL at DATABASE_URL, or an embedded one (PGlite on a loopback socket).
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { isUnavailable } from './errors.js';
import type { Logger } from './logger.js';

export interface Database {
  /** A postgres:// URL every subgraph's pool connects to. */
  readonly url: string;
  readonly embedded: boolean;
  /** Connections each subgraph's pool may open. */
  readonly poolMax: number;
  /** Connections the job queue's pool may open (default: 2 embedded, 4 on a server). */
  readonly queueMax?: number;
  /** Connections the sandbox acquirer's pool may open (default 4). */
  readonly sandboxMax?: number;
  /** How long a pooled connection may sit unused before its pool closes it (every pool: ORM, queue, sandbox). */
  readonly idleTimeoutMs?: number;
  close(): Promise<void>;
}

/** What pools close an unused connection after unless DB_IDLE_TIMEOUT says otherwise. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * PGlite is one database session behind the socket: each pool gets one connection, see STACK.md. The cap is for
 * clients, not sessions: processes sharing an embedded database in tests (distributed mode: five processes, each
 * with a pool, the job queue's connections and a migration lock) need a few dozen.
 */
const EMBEDDED_CONNECTIONS = 64;

/** How one process's DB_CONNECTIONS are split between its pools. */
export interface PoolSizes {
  /** Each subgraph's ORM pool. */
  readonly subgraph: number;
  readonly queue: number;
  /** The sandbox acquirer's pool (0 where it is not served). */
  readonly sandbox: number;
  /** Held back for migrations at start: the advisory-lock session and the migrating ORM's one connection. */
  readonly migration: number;
}

/** Connections migrations take at start besides the pools (subgraph.ts: the advisory lock and the migration). */
export const MIGRATION_CONNECTIONS = 2;

/**
 * Splits one process's connection budget (DB_CONNECTIONS) between its pools, so that all of them together, at
 * their fullest, never open more: migrations 2, the job queue 15 % (at least 2), the sandbox acquirer 8 % (at
 * least 1) where it runs, the rest in equal shares to the subgraphs this process serves. Too small a budget is
 * refused with the least that would do.
 */
export function splitConnections(budget: number, subgraphs: number, sandbox: boolean): PoolSizes {
  const queue = Math.max(2, Math.round(budget * 0.15));
  const sandboxShare = sandbox ? Math.max(1, Math.round(budget * 0.08)) : 0;
  const subgraph = Math.floor((budget - MIGRATION_CONNECTIONS - queue - sandboxShare) / subgraphs);
  if (subgraph < 1) {
    const least = MIGRATION_CONNECTIONS + 2 + (sandbox ? 1 : 0) + subgraphs;
    throw new Error(
      `DB_CONNECTIONS=${budget} is too few for ${subgraphs} subgraph(s), the job queue and migrations: ` +
        `set at least ${least}.`,
    );
  }
  return { subgraph, queue, sandbox: sandboxShare, migration: MIGRATION_CONNECTIONS };
}

export interface OpenDatabaseOptions {
  url: string | undefined;
  dataDir: string;
  /** The pool sizes (splitConnections); on the embedded database every subgraph pool has one connection. */
  pools: PoolSizes;
  idleTimeoutMs?: number;
  /** How long to keep retrying a server that refuses connections at start (DB_START_TIMEOUT; default 60 s). */
  startTimeoutMs?: number;
  /** How long a lock of another process on DATA_DIR may go without a refresh before it counts as dead. */
  lockStaleMs?: number;
}

export async function openDatabase(options: OpenDatabaseOptions, log: Logger): Promise<Database> {
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const { pools } = options;
  if (options.url) {
    await waitForDatabase(options.url, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, log);
    return {
      url: options.url,
      embedded: false,
      poolMax: pools.subgraph,
      queueMax: pools.queue,
      sandboxMax: pools.sandbox,
      idleTimeoutMs,
      close: async () => {},
    };
  }
  const dir = path.join(options.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir, log, options.lockStaleMs);
  const db = await startEmbedded(dir, idleTimeoutMs).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  log.info({ dataDir: dir }, 'embedded PostgreSQL (PGlite) started; set DATABASE_URL to use a PostgreSQL server');
  return {
    ...db,
    queueMax: Math.min(pools.queue, 2),
    sandboxMax: Math.min(pools.sandbox, 2),
    async close() {
      await db.close();
      await unlock();
    },
  };
}

export const DEFAULT_START_TIMEOUT_MS = 60_000;
const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5_000;

/**
 * Connects once (and runs `select 1`) until the server accepts, retrying errors that say it is unreachable, full
 * or starting (ECONNREFUSED, 53300 too many clients, 57P03…) as `retryWhileUnavailable` does. Anything else (a
 * wrong password, no such database) fails at once.
 */
export async function waitForDatabase(url: string, timeoutMs: number, log: Logger): Promise<void> {
  await retryWhileUnavailable(
    async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: LONGEST_RETRY_MS });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('select 1');
      } finally {
        await client.end().catch(() => {});
      }
    },
    timeoutMs,
    log,
  );
}

/**
 * Runs `work` (a start: the probe, or opening every pool and migrating) until it succeeds, again after each failure
 * that says the database is out of reach (isUnavailable), with doubling pauses from 0.25 s up to 5 s, each logged,
 * for at most `timeoutMs` in all (DB_START_TIMEOUT); then, or on any other failure, it throws. `work` must clean
 * up after itself when it fails (createKabinet closes what it opened).
 */
export async function retryWhileUnavailable<T>(work: () => Promise<T>, timeoutMs: number, log: Logger): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let pause = FIRST_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await work();
      if (attempt > 1) log.info({ attempt }, 'database accepts connections');
      return result;
    } catch (error) {
      const left = deadline - Date.now();
      if (!isUnavailable(error)) throw error;
      if (left <= 0) {
        throw new Error(
          `The database refused connections for ${Math.round(timeoutMs / 1000)} s (DB_START_TIMEOUT); ` +
            `last: ${(error as Error).message}`,
          { cause: error },
        );
      }
      const wait = Math.min(pause, left);
      log.warn(
        { attempt, retryInMs: wait, code: (error as { code?: unknown }).code, reason: (error as Error).message },
        'database not reachable yet; retrying',
      );
      await sleep(wait);
      pause = Math.min(pause * 2, LONGEST_RETRY_MS);
    }
  }
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/** A live holder refreshes its lock this often; one not refreshed for DEFAULT_LOCK_STALE_MS belongs to nobody. */
const LOCK_UPDATE_MS = 2_000;
const DEFAULT_LOCK_STALE_MS = 10_000;

/**
 * PGlite's files belong to one process: a second one (another `npm start`, `npm run partner`) would corrupt them.
 * The lock is held by the living process, not named by a pid (a dead Kabinet's pid may belong to another process
 * by now): proper-lockfile's lock directory, whose mtime the holder refreshes every 2 s. A lock not refreshed for
 * `staleMs` (10 s) is a dead process's and is taken over; a start that finds a fresh one waits a little longer than
 * that (a process just killed leaves a fresh lock), then refuses with a message.
 */
async function lockDataDir(
  dataDir: string,
  log: Logger,
  staleMs = DEFAULT_LOCK_STALE_MS,
): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, 'kabinet.lock');
  const update = Math.min(LOCK_UPDATE_MS, Math.floor(staleMs / 2));
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: staleMs,
      update,
      // Long enough for a just-killed holder's lock to go stale; a live holder keeps it fresh throughout.
      retries: { retries: Math.ceil((staleMs + update) / update), factor: 1, minTimeout: update, maxTimeout: update },
      onCompromised: (error) =>
        log.error({ err: error }, 'the lock on the embedded database was lost (the process stalled too long?)'),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new DataDirInUseError(
      `The embedded database in ${dataDir} is in use by another running process (a running Kabinet, ` +
        '`npm run partner`?). Stop it first, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  // The pid file of earlier versions means nothing now; it must not confuse whoever reads the folder.
  await rm(path.join(dataDir, 'pglite.lock'), { force: true });
  return () => release().catch((error: unknown) => log.warn({ err: error }, 'could not release the data dir lock'));
}

/** Starts PGlite on a free loopback port. `dataDir` undefined keeps the data in memory (tests). */
export async function startEmbedded(
  dataDir: string | undefined,
  idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: EMBEDDED_CONNECTIONS });
  isolateConnections(server);
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    embedded: true,
    poolMax: 1,
    idleTimeoutMs,
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

const code = (c: string) => c.charCodeAt(0);
/** Messages of the extended query protocol that belong to one sequence, up to the Sync that ends it. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map(code));
const PARSE = code('P');
const BIND = code('B');
const DESCRIBE = code('D');
const CLOSE = code('C');
const EXECUTE = code('E');
const SYNC = code('S');
const SIMPLE_QUERY = code('Q');
const STATEMENT = code('S');
/** Handler ids pglite-socket never gives out (it counts up from 1): the session's own clean-up messages. */
let nextCleanupId = -1;

/**
 * pglite-socket (0.2.17) serves every connection from ONE PostgreSQL session, so what one connection leaves in the
 * session is there for the next. Two things follow, and both are mended here, below the libraries that use it:
 *
 * - Named prepared statements outlive the connection that prepared them. A pool that closes an idle connection
 *   and opens a new one prepares the same names again and gets `42P05 prepared statement "…" already exists`
 *   (the rate limiter's `rlflx-get` after 30 s of quiet, our own `readRows`, any library that names statements).
 *   Each connection's statement and portal names are therefore given a prefix of its own, as if it had its own
 *   session, and what it prepared is deallocated when it goes.
 * - The session has one unnamed statement and portal, and the socket runs the messages of all connections in
 *   arrival order (keeping a connection's turn only inside an explicit transaction): when two connections
 *   interleave Parse/Bind/Execute, one binds the other's statement (`08P01`, or rows meant for the other client).
 *   A connection also keeps its turn from its first extended-protocol message to its Sync.
 *
 * SQL-level PREPARE/EXECUTE in a simple query is not renamed; nothing here sends it.
 */
export function isolateConnections(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const prepared = new Map<number, Set<string>>();
  let owner: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (owner === handlerId) owner = null;
    clear(handlerId);
    const names = prepared.get(handlerId);
    prepared.delete(handlerId);
    if (!names?.size) return;
    // Queued like any client's message, so it runs between other connections' sequences and transactions (after
    // pglite-socket rolls back the departed connection's open transaction, if any); one name a message, since an
    // error (a Parse that had failed) would end a multi-statement query.
    const cleanup = nextCleanupId--;
    for (const name of names) {
      queue.queue.push({
        handlerId: cleanup,
        message: simpleQuery(`DEALLOCATE ${quoteIdentifier(name)}`),
        resolve: () => {},
        reject: () => {},
        onData: () => {},
      });
    }
    void queue.processQueue();
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
        const message = item.handlerId > 0 ? ownNames(item.message, item.handlerId, prepared) : item.message;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(message, {
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
        const type = message[0]!;
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

/** The prefix that keeps a connection's statement and portal names apart from every other connection's. */
function prefixOf(handlerId: number): string {
  return `c${handlerId}/`;
}

/**
 * `message` with its statement and portal names (Parse, Bind, Describe, Close, Execute) prefixed for connection
 * `handlerId`, noting the statements it prepares and closes. Unnamed ones stay unnamed; other messages pass as they are.
 */
export function ownNames(message: Uint8Array, handlerId: number, prepared: Map<number, Set<string>>): Uint8Array {
  const type = message[0];
  if (type !== PARSE && type !== BIND && type !== DESCRIBE && type !== CLOSE && type !== EXECUTE) return message;
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const prefix = prefixOf(handlerId);
  const parts: Buffer[] = [];
  let at = 5;
  let kind: number | undefined;
  if (type === DESCRIBE || type === CLOSE) {
    kind = bytes[at]!;
    parts.push(bytes.subarray(at, at + 1));
    at += 1;
  }
  // Bind names a portal and then a statement; the others name one thing first.
  const names = type === BIND ? 2 : 1;
  let changed = false;
  for (let n = 0; n < names; n++) {
    const end = bytes.indexOf(0, at);
    if (end === -1) return message;
    const name = bytes.toString('utf8', at, end);
    if (name === '') {
      parts.push(bytes.subarray(at, end + 1));
    } else {
      const own = prefix + name;
      parts.push(Buffer.from(own + '\0', 'utf8'));
      changed = true;
      const isStatement = type === PARSE || (type === BIND && n === 1) || kind === STATEMENT;
      if (isStatement && type === PARSE) {
        let names = prepared.get(handlerId);
        if (!names) prepared.set(handlerId, (names = new Set()));
        names.add(own);
      } else if (isStatement && type === CLOSE) {
        prepared.get(handlerId)?.delete(own);
      }
    }
    at = end + 1;
  }
  if (!changed) return message;
  parts.push(bytes.subarray(at));
  return frontendMessage(type, Buffer.concat(parts));
}

function simpleQuery(sql: string): Uint8Array {
  return frontendMessage(SIMPLE_QUERY, Buffer.from(sql + '\0', 'utf8'));
}

/** A protocol message: its type byte, its length (itself included), its body. */
function frontendMessage(type: number, body: Buffer): Uint8Array {
  const out = Buffer.alloc(5 + body.length);
  out[0] = type;
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
