// What every process that runs subgraphs starts once: the job queue and, with REDIS_URL, the Redis client.
import { Redis } from 'ioredis';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { configureCpuPool } from './cpu-pool.js';
import type { SubgraphDependencies } from './context.js';
import type { Database } from './database.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { JobQueue, type EventQueues } from './queue.js';

export interface RunningDependencies extends SubgraphDependencies {
  readonly metrics: Metrics;
  close(): Promise<void>;
}

export async function startDependencies(
  config: Config,
  database: Database,
  log: Logger,
  eventQueues: EventQueues,
  clock: Clock = systemClock,
  metrics: Metrics = new Metrics('kabinet'),
): Promise<RunningDependencies> {
  configureCpuPool(config.cpuPoolThreads, config.cpuPoolQueue);
  // The queue's share of the budget: pg-boss's pool, and on PostgreSQL one more connection that LISTENs for jobs.
  const queueConnections = database.queueMax ?? (database.embedded ? 2 : 4);
  const listen = !database.embedded;
  const queue = await JobQueue.start(database.url, log, {
    max: Math.max(1, queueConnections - (listen ? 1 : 0)),
    eventQueues,
    idleTimeoutMs: database.idleTimeoutMs,
    // PostgreSQL tells every process of a job at commit; the embedded database has one process, woken in-process
    // (and, for processes sharing it in tests, by a sweep a little more often).
    listen,
    sweepIntervalMs: database.embedded ? 2000 : 5000,
  });
  watchQueue(metrics, queue);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : undefined;
  redis?.on('error', (error: unknown) => log.warn({ err: error }, 'Redis error'));
  return {
    config,
    clock,
    queue,
    redis,
    metrics,
    async close() {
      await queue.stop();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

/** Queue depth and age per job kind, both from one query per scrape. */
function watchQueue(metrics: Metrics, queue: JobQueue): void {
  metrics.gaugesFromQuery(
    () => queue.backlog(),
    [
      {
        name: 'kabinet_queue_jobs',
        help: 'Jobs of each queue worked by this process, by state: waiting (due or later), due (waiting and due now), active',
        labelNames: ['queue', 'state'],
        values: (queues) =>
          queues.flatMap((q) => [
            { labels: { queue: q.queue, state: 'waiting' }, value: q.waiting },
            { labels: { queue: q.queue, state: 'due' }, value: q.due },
            { labels: { queue: q.queue, state: 'active' }, value: q.active },
          ]),
      },
      {
        name: 'kabinet_queue_oldest_due_seconds',
        help: 'How long the longest-due waiting job of each queue has been due (0: none waits)',
        labelNames: ['queue'],
        values: (queues) => queues.map((q) => ({ labels: { queue: q.queue }, value: q.oldestDueSeconds })),
      },
    ],
  );
}
