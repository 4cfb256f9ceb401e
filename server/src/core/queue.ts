// The durable job queue: pg-boss keeps the jobs in PostgreSQL (retries, back-off, expiry, schedules), and one
// dispatcher per process works them. Jobs are enqueued in the transaction of the change that causes them.
//
// The dispatcher, not pg-boss's per-queue polling workers, decides when to fetch: a queue is fetched when a job is
// enqueued for it (woken in-process once the enqueueing transaction commits, and across processes by LISTEN/NOTIFY
// on PostgreSQL), again at once while the last fetch came back full, and otherwise only by one slow sweep that asks,
// in one query for every queue this process works, which of them hold jobs due now (retries coming due, wakes
// missed while the listening connection was down). Idle, a process runs one cheap query per sweep.
import { AsyncResource } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { DEFAULT_IDLE_TIMEOUT_MS } from './database.js';
import type { Logger } from './logger.js';
import { injectTraceContext, runJobInContext } from './tracing.js';

export interface JobDefinition<T extends object> {
  readonly name: string;
  readonly retryLimit?: number;
  /** Seconds before the first retry; doubled each time with retryBackoff. */
  readonly retryDelay?: number;
  readonly retryBackoff?: boolean;
  /** Seconds a started job may run before it counts as failed (and is retried): its lock's lifetime. */
  readonly expireInSeconds?: number;
  /** Jobs of this kind handled at the same time in one process (default 1: one after another, in order). */
  readonly concurrency?: number;
  /** Jobs taken per fetch (default: `concurrency`, at least 1); a sequential kind may take more and work them in order. */
  readonly batchSize?: number;
  handle(data: T): Promise<void>;
}

/** Event name → the queues (one per consuming subgraph) it is delivered to. */
export type EventQueues = Readonly<Record<string, readonly string[]>>;

/** The queue through which a subgraph consumes an event. */
export function eventQueueName(subgraph: string, event: string): string {
  return `${subgraph}.on.${event}`;
}

/** The job through which `subgraph` works the deliveries of `event` (see `SubgraphDefinition.consumes`). */
export function eventConsumer<T extends object>(
  subgraph: string,
  event: string,
  handle: (data: T) => Promise<void>,
): JobDefinition<T> {
  // Events are facts other subgraphs depend on: retried for a long while before a delivery is given up, and worked
  // one after another (a link and its unlink must not overtake each other), many per fetch.
  return { name: eventQueueName(subgraph, event), retryLimit: 10, concurrency: 1, batchSize: 50, handle };
}

export interface Schedule {
  readonly job: string;
  readonly cron: string;
}

/** Priority of a job among the waiting ones of its queue: higher is fetched first. */
export const PRIORITY = { urgent: 10, normal: 0, bulk: -10 } as const;

/** The channel enqueueing transactions notify with the queue's name. */
export const JOBS_CHANNEL = 'kabinet_jobs';

export interface QueueOptions {
  /** Connections of pg-boss's own pool (fetches, completions, schedules, maintenance). */
  readonly max: number;
  readonly eventQueues?: EventQueues;
  readonly idleTimeoutMs?: number;
  /**
   * Whether to LISTEN for other processes' jobs (PostgreSQL). The embedded database is one process and one session,
   * where a notification would reach whichever connection ran the next statement: there, in-process wakes suffice.
   */
  readonly listen?: boolean;
  /** How often the sweep looks for due jobs nobody woke (retries coming due); default 5 s. */
  readonly sweepIntervalMs?: number;
}

/** Another module's channel on the queue's listening connection (see JobQueue.listenTo). */
export interface ChannelListener {
  /** A notification on the channel, with its payload. */
  notify(payload: string): void;
  /**
   * The connection (re)connected and listens (true), or dropped (false): either way notifications may have been
   * missed since the last call, so whatever they keep fresh must be thrown away.
   */
  reset(listening: boolean): void;
}

interface Job {
  id: string;
  data: object;
}

/** One queue this process works: its definition, the jobs fetched and not yet started, how many run. */
interface WorkedQueue {
  readonly job: JobDefinition<object>;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly fetched: Job[];
  running: number;
  /** There may be due jobs in the database (a wake, or the last fetch came back full). */
  more: boolean;
  fetching: boolean;
  /** Resolves when nothing of this queue runs any more (awaited by offWork and stop). */
  idle: Set<Promise<void>>;
  /**
   * `fill`, bound to the async context of the registration: a wake at a caller's commit must not carry the caller's
   * MikroORM context into the jobs it starts (identity's handler would run with metering's entity manager).
   */
  fill(): void;
}

/** Milliseconds stop() waits for running jobs before it lets go of them (their locks expire and they are retried). */
const STOP_GRACE_MS = 5000;
const LISTEN_RETRY_MS = 2000;

export class JobQueue {
  private readonly worked = new Map<string, WorkedQueue>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private listener: pg.Client | undefined;
  private listenRetry: NodeJS.Timeout | undefined;
  private readonly channels = new Map<string, ChannelListener>();
  private stopping = false;

  private constructor(
    readonly boss: PgBoss,
    private readonly log: Logger,
    private readonly eventQueues: EventQueues,
    private readonly databaseUrl: string,
    private readonly options: QueueOptions,
  ) {}

  /**
   * `eventQueues` names, for each event, the queue of every subgraph that consumes it (static, from the subgraph
   * definitions): publishing sends to each of them in the publisher's transaction, with no lookup on another
   * connection (pg-boss's own publish looks subscribers up on its pool, which deadlocks the embedded database).
   */
  static async start(databaseUrl: string, log: Logger, options: QueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max: options.max,
      application_name: 'kabinet-queue',
      // pg-boss's own timers, at what the jobs need and no faster. Maintenance fails an active job past its expiry
      // for a retry (default every 120 s): a crashed worker's job is taken again within 15 s of its expiry, at a few
      // statements every 15 s. Scheduled (cron) jobs are moved within half a minute of their minute. Its state
      // monitor stays off.
      maintenanceIntervalSeconds: 15,
      cronMonitorIntervalSeconds: 30,
      cronWorkerIntervalSeconds: 30,
      // pg-boss hands its whole configuration to pg.Pool (src/db.js), whose option this is; its types omit it.
      ...{ idleTimeoutMillis: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS },
    });
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    const eventQueues = options.eventQueues ?? {};
    for (const name of Object.values(eventQueues).flat()) await boss.createQueue(name, { name });
    const queue = new JobQueue(boss, log.child({ module: 'queue' }), eventQueues, databaseUrl, options);
    queue.sweepTimer = setInterval(() => void queue.sweep(), options.sweepIntervalMs ?? 5000);
    queue.sweepTimer.unref();
    if (options.listen) await queue.listen();
    return queue;
  }

  /** Creates the queue and starts working it in this process. */
  async register<T extends object>(job: JobDefinition<T>): Promise<void> {
    const options = {
      name: job.name,
      retryLimit: job.retryLimit ?? 5,
      retryDelay: job.retryDelay ?? 30,
      retryBackoff: job.retryBackoff ?? true,
      expireInSeconds: job.expireInSeconds ?? 300,
    };
    await this.boss.createQueue(job.name, options);
    // A queue created by an earlier version keeps its options otherwise (createQueue does nothing then).
    await this.boss.updateQueue(job.name, options);
    const concurrency = Math.max(1, job.concurrency ?? 1);
    const worked: WorkedQueue = {
      job,
      concurrency,
      batchSize: Math.max(1, job.batchSize ?? concurrency),
      fetched: [],
      running: 0,
      more: true,
      fetching: false,
      idle: new Set(),
      fill: AsyncResource.bind(() => void this.fill(worked)),
    };
    this.worked.set(job.name, worked);
    worked.fill();
  }

  /** Stops working `name` here: nothing more is fetched, and the running jobs are awaited. */
  async offWork(name: string): Promise<void> {
    const worked = this.worked.get(name);
    if (!worked) return;
    this.worked.delete(name);
    await this.release(worked);
  }

  async schedule(schedule: Schedule): Promise<void> {
    await this.boss.schedule(schedule.job, schedule.cron, {}, { tz: 'UTC' });
  }

  /**
   * Enqueues a job through the EntityManager's open transaction, so the job exists exactly when the change
   * that caused it is committed; the queue is woken when it is.
   */
  async enqueue<T extends object>(
    em: EntityManager,
    name: string,
    data: T,
    options: { singletonKey?: string; priority?: number } = {},
  ) {
    const db = this.transactionDb(em, name);
    await this.boss.send(name, injectTraceContext(data), { ...definedOnly(options), db });
    await this.announce(db, name);
    this.wakeAfterCommit(em, name);
  }

  /** Publishes an event to the queue of every subgraph that consumes it, in the caller's transaction. */
  async publish<T extends object>(em: EntityManager, event: string, data: T): Promise<void> {
    for (const queue of this.eventQueues[event] ?? []) {
      const db = this.transactionDb(em, queue);
      await this.boss.send(queue, injectTraceContext(data), { db });
      await this.announce(db, queue);
      this.wakeAfterCommit(em, queue);
    }
  }

  /**
   * Enqueues through a plain pg connection inside its own open transaction (code that does not use the ORM); the
   * caller wakes the queue with `wake` once it has committed.
   */
  async enqueueOn(
    client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> },
    name: string,
    data: object,
    options: { priority?: number } = {},
  ): Promise<void> {
    const db = { executeSql: async (text: string, values: unknown[]) => client.query(text, values) };
    await this.boss.send(name, injectTraceContext(data), { ...definedOnly(options), db });
    await this.announce(db, name);
  }

  /**
   * Hears `channel` on the connection that listens for jobs (PostgreSQL; one connection a process, in the queue's
   * share of DB_CONNECTIONS), so that a module that keeps something fresh by notifications (identity's session
   * cache) needs no connection of its own. Answers whether notifications can ever arrive here: false on the
   * embedded database, where nothing listens. `reset(true)` follows once the channel is listened to.
   */
  listenTo(channel: string, listener: ChannelListener): boolean {
    if (!this.options.listen || this.stopping) return false;
    this.channels.set(channel, listener);
    const client = this.listener;
    if (client) {
      client.query(`listen "${channel}"`).then(
        () => this.listener === client && listener.reset(true),
        () => undefined, // the connection failed: its error handler reconnects, and listens to every channel again
      );
    }
    return true;
  }

  /** Fetches `name` now if this process works it (a job was committed for it). */
  wake(name: string): void {
    const worked = this.worked.get(name);
    if (!worked || this.stopping) return;
    worked.more = true;
    worked.fill();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.listenRetry);
    const listener = this.listener;
    this.listener = undefined;
    for (const channel of this.channels.values()) channel.reset(false);
    this.channels.clear();
    await listener?.end().catch(() => {});
    const queues = [...this.worked.values()];
    this.worked.clear();
    await Promise.all(queues.map((q) => this.release(q)));
    await this.boss.stop({ graceful: true, timeout: STOP_GRACE_MS, wait: true });
  }

  /** Takes due jobs of `worked` while there is room and there may be more; starts them. */
  private async fill(worked: WorkedQueue): Promise<void> {
    if (worked.fetching) return;
    worked.fetching = true;
    try {
      while (!this.stopping && worked.more && worked.fetched.length === 0 && worked.running < worked.concurrency) {
        worked.more = false;
        const wanted = worked.concurrency === 1 ? worked.batchSize : worked.concurrency - worked.running;
        // pg-boss answers [] when the fetch fails (a database outage): the sweep tries again.
        const jobs = (await this.boss.fetch<object>(worked.job.name, { batchSize: wanted })) as Job[];
        if (jobs.length === wanted) worked.more = true;
        if (!this.worked.has(worked.job.name)) {
          // offWork came while fetching: give the jobs back for another worker (or a later start).
          if (jobs.length) await this.failQuietly(worked, jobs, new Error('the queue stopped before the job ran'));
          return;
        }
        worked.fetched.push(...jobs);
        this.startFetched(worked);
      }
    } finally {
      worked.fetching = false;
    }
  }

  private startFetched(worked: WorkedQueue): void {
    while (worked.running < worked.concurrency && worked.fetched.length > 0) {
      const job = worked.fetched.shift()!;
      worked.running += 1;
      const done = this.run(worked, job).finally(() => {
        worked.running -= 1;
        worked.idle.delete(done);
        if (this.stopping || !this.worked.has(worked.job.name)) return;
        this.startFetched(worked);
        void this.fill(worked);
      });
      worked.idle.add(done);
    }
  }

  private async run(worked: WorkedQueue, job: Job): Promise<void> {
    const name = worked.job.name;
    try {
      await runJobInContext(name, job.data, (data: object) => worked.job.handle(data));
    } catch (error) {
      this.log.warn({ err: error, job: name, jobId: job.id }, 'job failed; it will be retried');
      await this.failQuietly(worked, [job], error);
      return;
    }
    try {
      await this.boss.complete(name, job.id);
    } catch (error) {
      // The work is done but not marked: its lock expires and it runs again, which handlers are written to bear.
      this.log.error({ err: error, job: name, jobId: job.id }, 'could not mark a job done');
    }
  }

  private async failQuietly(worked: WorkedQueue, jobs: Job[], error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    for (const job of jobs) {
      await this.boss
        .fail(worked.job.name, job.id, { message })
        .catch((failError: unknown) =>
          this.log.error(
            { err: failError, job: worked.job.name, jobId: job.id },
            'could not record a failed job (its lock will expire)',
          ),
        );
    }
  }

  /** Waits (bounded) for the running jobs of `worked`; jobs fetched and not started are given back at once. */
  private async release(worked: WorkedQueue): Promise<void> {
    const unstarted = worked.fetched.splice(0);
    if (unstarted.length) await this.failQuietly(worked, unstarted, new Error('the queue stopped before the job ran'));
    if (worked.idle.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...worked.idle]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS))),
    ]);
    clearTimeout(timer);
  }

  /**
   * Per queue worked in this process (so processes sharing a database do not report a queue twice): jobs waiting
   * (due now or later: retries, delayed starts), running, and how long the longest-due one has waited, in seconds.
   */
  async backlog(): Promise<
    Array<{ queue: string; waiting: number; due: number; active: number; oldestDueSeconds: number }>
  > {
    if (this.worked.size === 0) return [];
    const { rows } = await this.boss.getDb().executeSql(
      `select name,
              count(*) filter (where state < 'active')::int as waiting,
              count(*) filter (where state < 'active' and start_after <= now())::int as due,
              count(*) filter (where state = 'active')::int as active,
              coalesce(extract(epoch from now() - min(start_after) filter (where state < 'active' and start_after <= now())), 0)::float8 as oldest
         from pgboss.job where name = any($1::text[]) and state <= 'active' group by name`,
      [[...this.worked.keys()]],
    );
    const found = new Map(
      (rows as Array<{ name: string; waiting: number; due: number; active: number; oldest: number }>).map((r) => [
        r.name,
        r,
      ]),
    );
    return [...this.worked.keys()].sort().map((queue) => {
      const row = found.get(queue);
      return {
        queue,
        waiting: row?.waiting ?? 0,
        due: row?.due ?? 0,
        active: row?.active ?? 0,
        oldestDueSeconds: row?.oldest ?? 0,
      };
    });
  }

  /** One query: which of the queues worked here hold jobs due now; each of them is woken. */
  private async sweep(): Promise<void> {
    if (this.stopping || this.worked.size === 0) return;
    try {
      const { rows } = await this.boss
        .getDb()
        .executeSql(
          `select distinct name from pgboss.job where name = any($1::text[]) and state < 'active' and start_after < now()`,
          [[...this.worked.keys()]],
        );
      for (const row of rows as Array<{ name: string }>) this.wake(row.name);
    } catch (error) {
      this.log.warn({ err: error }, 'job queue sweep failed; it runs again shortly');
    }
  }

  /** The dedicated connection that hears other processes' jobs; reconnects after it drops. */
  private async listen(): Promise<void> {
    if (this.stopping) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'kabinet-queue-listener' });
    const retry = () => {
      if (this.listener === client) {
        this.listener = undefined;
        for (const listener of this.channels.values()) listener.reset(false);
      }
      client.end().catch(() => {});
      if (this.stopping || this.listenRetry) return;
      this.listenRetry = setTimeout(() => {
        this.listenRetry = undefined;
        void this.listen();
      }, LISTEN_RETRY_MS);
      this.listenRetry.unref();
    };
    client.on('notification', (message) => {
      if (message.channel === JOBS_CHANNEL && message.payload) this.wake(message.payload);
      else if (message.payload !== undefined) this.channels.get(message.channel)?.notify(message.payload);
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'job queue: the listening connection failed; reconnecting');
      retry();
    });
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`listen ${JOBS_CHANNEL}`);
      for (const channel of this.channels.keys()) await client.query(`listen "${channel}"`);
      this.listener = client;
      for (const listener of this.channels.values()) listener.reset(true);
      // Jobs committed while no one listened: look now rather than at the next sweep.
      void this.sweep();
    } catch (error) {
      this.log.warn({ err: error }, 'job queue: could not listen for jobs; retrying');
      retry();
    }
  }

  /** Tells every listening process, at commit, that `name` has a job (PostgreSQL; nothing on the embedded database). */
  private async announce(db: { executeSql(text: string, values: unknown[]): Promise<unknown> }, name: string) {
    if (this.options.listen) await db.executeSql('select pg_notify($1, $2)', [JOBS_CHANNEL, name]);
  }

  /** Wakes this process's worker of `name` once the outermost transaction of `em` has committed. */
  private wakeAfterCommit(em: EntityManager, name: string): void {
    if (!this.worked.has(name)) return;
    afterCommit(em, () => this.wake(name));
  }

  private transactionDb(em: EntityManager, what: string) {
    const transaction = em.getTransactionContext();
    if (!transaction) throw new Error(`${what} must be enqueued inside a transaction`);
    const connection = em.getConnection();
    return {
      executeSql: async (text: string, values: unknown[]) => {
        const { sql, bindings } = toKnexBindings(text, values);
        return { rows: await connection.execute(sql, bindings, 'all', transaction) };
      },
    };
  }
}

/** `options` without its undefined entries (pg-boss asserts on a present `priority: undefined`). */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Runs `then` once the outermost transaction of `em` has committed (never, when it rolls back); answers false, and
 * runs nothing, when `em` is in no transaction.
 */
export function afterCommit(em: EntityManager, then: () => void): boolean {
  let transaction = em.getTransactionContext<KnexTransactor | undefined>();
  while (transaction?.parentTransaction) transaction = transaction.parentTransaction;
  const committed = transaction?.executionPromise;
  if (!committed) return false;
  committed.then(then, () => {});
  return true;
}

/** What a knex transaction object carries (knex sets both; its types do not declare them). */
interface KnexTransactor {
  parentTransaction?: KnexTransactor;
  executionPromise?: Promise<unknown>;
}

/**
 * pg-boss writes `$1`-style parameters; MikroORM's `execute` goes through knex, which binds `?` in order.
 * Each `$n` becomes a `?` with its value (a parameter may be used twice); literal `?` are escaped for knex.
 */
export function toKnexBindings(text: string, values: unknown[]): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = [];
  const sql = text.replace(/\?/g, '\\?').replace(/\$(\d+)/g, (_match, n: string) => {
    bindings.push(values[Number(n) - 1]);
    return '?';
  });
  return { sql, bindings };
}
