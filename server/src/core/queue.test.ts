// The dispatcher: batches while jobs wait, bounded concurrency, urgent before bulk, woken at commit and across
// processes, and nothing but its sweep while idle. Sweeps are set an hour apart where a test shows that something
// happened without one.
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testPool } from '../../test/support/database.js';
import type { Database } from './database.js';
import { createLogger } from './logger.js';
import { SmtpTransport } from './mail.js';
import { JobQueue, PRIORITY, type QueueOptions } from './queue.js';

const log = createLogger('silent');
const HOUR = 3_600_000;

let database: Database;
let sql: pg.Pool;
const queues: JobQueue[] = [];
let counter = 0;
const uniqueName = (what: string) => `test.${what}.${process.pid}.${counter++}`;

beforeAll(async () => {
  database = await createTestDatabase();
  sql = testPool(database.url);
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  await sql?.end();
  await database?.close();
});

async function startQueue(options: Partial<QueueOptions> = {}): Promise<JobQueue> {
  const queue = await JobQueue.start(database.url, log, {
    max: database.embedded ? 2 : 4,
    listen: !database.embedded,
    sweepIntervalMs: HOUR,
    ...options,
  });
  queues.push(queue);
  return queue;
}

/** Commits `jobs` for `name` in one transaction of a plain connection (as another process would). */
async function commitJobs(queue: JobQueue, name: string, jobs: Array<{ data: object; priority?: number }>) {
  const client = await sql.connect();
  try {
    await client.query('begin');
    for (const job of jobs) await queue.enqueueOn(client, name, job.data, { priority: job.priority });
    await client.query('commit');
  } finally {
    client.release();
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the job queue', () => {
  it('works a backlog without pausing between batches, never more at once than the kind allows', async () => {
    const queue = await startQueue();
    const name = uniqueName('backlog');
    let running = 0;
    let most = 0;
    const done = new Set<number>();
    await queue.register<{ n: number }>({
      name,
      concurrency: 4,
      async handle({ n }) {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
        done.add(n);
      },
    });
    await commitJobs(
      queue,
      name,
      Array.from({ length: 200 }, (_, n) => ({ data: { n } })),
    );
    queue.wake(name);
    // One wake, no sweep for an hour: every job is done only if a full batch leads straight to the next fetch.
    await until('all 200 jobs are done', () => done.size === 200);
    expect(most).toBe(4);
  });

  it('fetches a letter a person waits for before the reminders already waiting', async () => {
    const queue = await startQueue();
    const name = uniqueName('priority');
    const handled: string[] = [];
    const first = gate();
    await queue.register<{ kind: string }>({
      name,
      async handle({ kind }) {
        handled.push(kind);
        if (handled.length === 1) await first.opened;
      },
    });
    await commitJobs(
      queue,
      name,
      Array.from({ length: 30 }, () => ({ data: { kind: 'reminder' }, priority: PRIORITY.bulk })),
    );
    queue.wake(name);
    await until('the first reminder is being sent', () => handled.length === 1);
    await commitJobs(queue, name, [{ data: { kind: 'reset' }, priority: PRIORITY.urgent }]);
    first.open();
    await until('every letter is sent', () => handled.length === 31);
    expect(handled.indexOf('reset')).toBe(1);
  });

  it('keeps working a kind while one of its jobs hangs', async () => {
    const queue = await startQueue();
    const name = uniqueName('stuck');
    const stuck = gate();
    const done: number[] = [];
    await queue.register<{ n: number }>({
      name,
      concurrency: 2,
      async handle({ n }) {
        if (n === 0) await stuck.opened;
        done.push(n);
      },
    });
    await commitJobs(queue, name, [{ data: { n: 0 } }]);
    queue.wake(name);
    await commitJobs(
      queue,
      name,
      Array.from({ length: 20 }, (_, i) => ({ data: { n: i + 1 } })),
    );
    queue.wake(name);
    await until('the other 20 jobs are done', () => done.length === 20);
    expect(done).not.toContain(0);
    stuck.open();
    await until('the stuck job ends too', () => done.includes(0));
  });

  it('retries a failed job when it comes due, found by the sweep', async () => {
    const queue = await startQueue({ sweepIntervalMs: 200 });
    const name = uniqueName('retry');
    let attempts = 0;
    await queue.register<object>({
      name,
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: false,
      async handle() {
        attempts += 1;
        if (attempts === 1) throw new Error('the first attempt fails');
      },
    });
    await commitJobs(queue, name, [{ data: {} }]);
    queue.wake(name);
    await until('the job is retried', () => attempts === 2);
  });

  it('issues nothing but its sweep while idle', async () => {
    const queue = await startQueue({ sweepIntervalMs: 100 });
    const name = uniqueName('idle');
    await queue.register<object>({ name, async handle() {} });
    const db = queue.boss.getDb();
    const statements: string[] = [];
    const execute = db.executeSql.bind(db);
    db.executeSql = (text, values) => {
      statements.push(text);
      return execute(text, values);
    };
    await until('five sweeps have run', () => statements.filter(isSweep).length >= 5);
    db.executeSql = execute;
    // pg-boss's own timers run every 30 s at most; anything else here would be polling.
    const others = statements.filter((s) => !isSweep(s));
    expect(others.filter((s) => /state\s*=\s*'active'/.test(s) && /skip locked/i.test(s))).toEqual([]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL)(
    'hears of a job committed by another process (LISTEN/NOTIFY)',
    async () => {
      const worker = await startQueue();
      const producer = await startQueue();
      const name = uniqueName('notify');
      const done: string[] = [];
      await worker.register<{ id: string }>({
        name,
        async handle({ id }) {
          done.push(id);
        },
      });
      // The producer does not work this queue, and the worker neither sweeps nor is woken in-process.
      await commitJobs(producer, name, [{ data: { id: 'from another process' } }]);
      await until('the worker has done the job', () => done.length === 1);
    },
  );
});

function isSweep(statement: string): boolean {
  return statement.includes('select distinct name from pgboss.job');
}

describe('SMTP deadlines', () => {
  let silent: Server;
  let port: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts the connection and never greets, as a half-open server does.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
  });

  it('fails an attempt to a server that never greets at the step deadline', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'kabinet@example.ru', {
      connections: 1,
      timeoutMs: 300,
    });
    try {
      await expect(
        transport.send({ to: 'a@example.ru', subject: 's', text: 't', html: '<p>t</p>', kind: 'test' }),
      ).rejects.toThrow(/greeting|timeout/i);
    } finally {
      transport.close();
    }
  });
});
