// Counters that slow down guessing and mail flooding (rate-limiter-flexible): in PostgreSQL, or Redis when REDIS_URL is set.
import type { Redis } from 'ioredis';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface Limit {
  /** Counts one event; resolves with the seconds to wait when the limit is already used up, else null. */
  hit(key: string): Promise<number | null>;
  /** Whether the limit is used up in the current window. */
  exhausted(key: string): Promise<boolean>;
  reset(key: string): Promise<void>;
}

export interface RateLimitStores {
  /** The identity subgraph's EntityManager: its knex reaches the `identity.rate_limit` table. */
  em: { getKnex(): unknown };
  redis?: Redis;
}

function limit(stores: RateLimitStores, keyPrefix: string, points: number, durationSeconds: number): Limit {
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
        schemaName: 'identity',
        tableName: 'rate_limit',
        tableCreated: true,
        keyPrefix,
        points,
        duration: durationSeconds,
        clearExpiredByTimeout: false,
      });
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
    async exhausted(key) {
      return ((await limiter.get(key))?.consumedPoints ?? 0) >= points;
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/** The limiters are plain objects over a shared store: built once per store, not once per request. */
const built = new WeakMap<object, ReturnType<typeof buildRateLimits>>();

export function createRateLimits(stores: RateLimitStores) {
  const key = (stores.redis ?? stores.em.getKnex()) as object;
  let limits = built.get(key);
  if (!limits) {
    limits = buildRateLimits(stores);
    built.set(key, limits);
  }
  return limits;
}

function buildRateLimits(stores: RateLimitStores) {
  return {
    /** Failed logins from one address: past this, the address waits. */
    loginFailuresByIp: limit(stores, 'login-ip', 30, 15 * 60),
    /** Failed logins for one account: past this a CAPTCHA is required (the owner is never locked out). */
    loginFailuresByAccount: limit(stores, 'login-account', 3, 15 * 60),
    resendPerMinute: limit(stores, 'resend-minute', 1, 60),
    resendPerDay: limit(stores, 'resend-day', 10, 24 * 60 * 60),
    resetByEmail: limit(stores, 'reset-email', 3, 60 * 60),
    resetByIp: limit(stores, 'reset-ip', 20, 60 * 60),
    supportByIp: limit(stores, 'support-ip', 10, 60 * 60),
  };
}
