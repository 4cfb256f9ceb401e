// Counters that slow down guessing and mail flooding, kept in PostgreSQL (rate-limiter-flexible).
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

export interface Limit {
  /** Counts one event; resolves with the seconds to wait when the limit is already used up, else null. */
  hit(key: string): Promise<number | null>;
  /** How many events were counted in the current window. */
  count(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

function limit(orm: { getKnex(): unknown }, keyPrefix: string, points: number, durationSeconds: number): Limit {
  const limiter = new RateLimiterPostgres({
    storeClient: orm.getKnex(),
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
    async count(key) {
      return (await limiter.get(key))?.consumedPoints ?? 0;
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

export function createRateLimits(orm: { getKnex(): unknown }) {
  return {
    /** Failed logins from one address: past this, the address waits. */
    loginFailuresByIp: limit(orm, 'login-ip', 30, 15 * 60),
    /** Failed logins for one account: past this a CAPTCHA is required (the owner is never locked out). */
    loginFailuresByAccount: limit(orm, 'login-account', 5, 15 * 60),
    resendPerMinute: limit(orm, 'resend-minute', 1, 60),
    resendPerDay: limit(orm, 'resend-day', 10, 24 * 60 * 60),
    resetByEmail: limit(orm, 'reset-email', 3, 60 * 60),
    resetByIp: limit(orm, 'reset-ip', 20, 60 * 60),
    supportByIp: limit(orm, 'support-ip', 10, 60 * 60),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;

/** The account failure count at which a login needs a CAPTCHA. */
export const LOGIN_CAPTCHA_AFTER = 3;
