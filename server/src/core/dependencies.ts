// What every process that runs subgraphs starts once: the job queue and, with REDIS_URL, the Redis client.
import { Redis } from 'ioredis';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { configureCpuPool } from './cpu-pool.js';
import type { SubgraphDependencies } from './context.js';
import type { Database } from './database.js';
import type { Logger } from './logger.js';
import { JobQueue, type EventQueues } from './queue.js';

export interface RunningDependencies extends SubgraphDependencies {
  close(): Promise<void>;
}

export async function startDependencies(
  config: Config,
  database: Database,
  log: Logger,
  eventQueues: EventQueues,
  clock: Clock = systemClock,
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
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : undefined;
  redis?.on('error', (error: unknown) => log.warn({ err: error }, 'Redis error'));
  return {
    config,
    clock,
    queue,
    redis,
    async close() {
      await queue.stop();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
