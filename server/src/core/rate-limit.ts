// One rate limit (rate-limiter-flexible): counted in a subgraph's own table, or in Redis when REDIS_URL is set.
import type { Redis } from 'ioredis';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashToken } from './tokens.js';

export interface Limit {
  /** Counts one event; resolves with the seconds to wait when the limit is already used up, else null. */
  hit(key: string): Promise<number | null>;
  /** Seconds until the limit frees up when it is used up in the current window, else null. */
  exhausted(key: string): Promise<number | null>;
  /** Events counted in the current window (0 when none): can exceed the limit, every hit is counted. */
  count(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export interface RateLimitStores {
  /** The subgraph's EntityManager: its knex reaches the counters' table. */
  em: { getKnex(): unknown };
  /** The PostgreSQL schema and table that keep the counters. The table name must differ between subgraphs: the
   * library names its prepared statements after it, and on the embedded database all subgraphs share a session. */
  schemaName: string;
  tableName: string;
  redis?: Redis;
}

/**
 * The key as stored: a long one (an e-mail of 254 characters, an account number of 256, with the library's prefix)
 * would not fit the counters' `varchar(255)`, so past 64 characters the key is its SHA-256. Short keys stay readable.
 */
export function storedKey(key: string): string {
  return key.length <= 64 ? key : `sha256:${hashToken(key)}`;
}

export function createLimit(
  stores: RateLimitStores,
  keyPrefix: string,
  points: number,
  durationSeconds: number,
): Limit {
  const limiter: RateLimiterAbstract = stores.redis
    ? new RateLimiterRedis({
        storeClient: stores.redis,
        keyPrefix: `kabinet:${keyPrefix}`,
        points,
        duration: durationSeconds,
      })
    : new RateLimiterPostgres({
        storeClient: stores.em.getKnex(),
        storeType: 'knex',
        schemaName: stores.schemaName,
        tableName: stores.tableName,
        tableCreated: true,
        keyPrefix,
        points,
        duration: durationSeconds,
        clearExpiredByTimeout: false,
      });
  return {
    async hit(key) {
      try {
        await limiter.consume(storedKey(key));
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
    async exhausted(key) {
      const state = await limiter.get(storedKey(key));
      if (!state || state.consumedPoints < points) return null;
      return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    },
    async count(key) {
      return (await limiter.get(storedKey(key)))?.consumedPoints ?? 0;
    },
    async reset(key) {
      await limiter.delete(storedKey(key));
    },
  };
}

/** Builds a subgraph's limits once per store (the limiters are plain objects over it), not once per request. */
export function cachedPerStore<T>(build: (stores: RateLimitStores) => T): (stores: RateLimitStores) => T {
  const built = new WeakMap<object, T>();
  return (stores) => {
    const key = (stores.redis ?? stores.em.getKnex()) as object;
    let limits = built.get(key);
    if (limits === undefined) {
      limits = build(stores);
      built.set(key, limits);
    }
    return limits;
  };
}
