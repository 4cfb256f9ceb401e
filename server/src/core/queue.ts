// The durable job queue (pg-boss in PostgreSQL): jobs are enqueued in the transaction of the change that causes them.
import type { EntityManager } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import { DEFAULT_IDLE_TIMEOUT_MS } from './database.js';
import type { Logger } from './logger.js';

export interface JobDefinition<T extends object> {
  readonly name: string;
  readonly retryLimit?: number;
  /** Seconds before the first retry; doubled each time with retryBackoff. */
  readonly retryDelay?: number;
  readonly retryBackoff?: boolean;
  readonly expireInSeconds?: number;
  /** How often an idle worker looks for work (default 2 s). */
  readonly pollingIntervalSeconds?: number;
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
  // Events are facts other subgraphs depend on: picked up quickly (a link should reach metering before the abonent
  // types a reading) and retried for a long while before a delivery is given up.
  return { name: eventQueueName(subgraph, event), retryLimit: 10, pollingIntervalSeconds: 0.5, handle };
}

export interface Schedule {
  readonly job: string;
  readonly cron: string;
}

export class JobQueue {
  private constructor(
    readonly boss: PgBoss,
    private readonly log: Logger,
    private readonly eventQueues: EventQueues,
  ) {}

  /**
   * `eventQueues` names, for each event, the queue of every subgraph that consumes it (static, from the subgraph
   * definitions): publishing sends to each of them in the publisher's transaction, with no lookup on another
   * connection (pg-boss's own publish looks subscribers up on its pool, which deadlocks the embedded database).
   */
  static async start(
    databaseUrl: string,
    log: Logger,
    max: number,
    eventQueues: EventQueues = {},
    idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
  ): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max,
      application_name: 'kabinet-queue',
      // How often an active job past its expiry is failed for a retry (default 120 s): a crashed worker's job is
      // taken again within seconds of its expiry, at a few statements every 15 s per process.
      maintenanceIntervalSeconds: 15,
      // pg-boss hands its whole configuration to pg.Pool (src/db.js), whose option this is; its types omit it.
      ...{ idleTimeoutMillis: idleTimeoutMs },
    });
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    for (const name of Object.values(eventQueues).flat()) await boss.createQueue(name, { name });
    return new JobQueue(boss, log.child({ module: 'queue' }), eventQueues);
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
    await this.boss.work<T>(
      job.name,
      { batchSize: 1, pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2 },
      async ([item]) => {
        if (!item) return;
        try {
          await job.handle(item.data);
        } catch (error) {
          this.log.warn({ err: error, job: job.name, jobId: item.id }, 'job failed; it will be retried');
          throw error;
        }
      },
    );
  }

  async schedule(schedule: Schedule): Promise<void> {
    await this.boss.schedule(schedule.job, schedule.cron, {}, { tz: 'UTC' });
  }

  /**
   * Enqueues a job through the EntityManager's open transaction, so the job exists exactly when the change
   * that caused it is committed.
   */
  async enqueue<T extends object>(em: EntityManager, name: string, data: T, options: { singletonKey?: string } = {}) {
    await this.boss.send(name, data, { ...options, db: this.transactionDb(em, name) });
  }

  /** Publishes an event to the queue of every subgraph that consumes it, in the caller's transaction. */
  async publish<T extends object>(em: EntityManager, event: string, data: T): Promise<void> {
    for (const queue of this.eventQueues[event] ?? []) {
      await this.boss.send(queue, data, { db: this.transactionDb(em, queue) });
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
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
