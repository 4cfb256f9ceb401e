// The identity subgraph's rate limits: they slow down guessing and mail flooding.
import type { Redis } from 'ioredis';
import { cachedPerStore, createLimit, type RateLimitStores } from '../../core/rate-limit.js';

export type { Limit } from '../../core/rate-limit.js';

const build = cachedPerStore((stores: RateLimitStores) => ({
  /** Failed logins from one address: past this, the address waits. */
  loginFailuresByIp: createLimit(stores, 'login-ip', 30, 15 * 60),
  /** Failed logins for one account: past this a CAPTCHA is required (the owner is never locked out). */
  loginFailuresByAccount: createLimit(stores, 'login-account', 3, 15 * 60),
  resendPerMinute: createLimit(stores, 'resend-minute', 1, 60),
  resendPerDay: createLimit(stores, 'resend-day', 10, 24 * 60 * 60),
  resetByEmail: createLimit(stores, 'reset-email', 3, 60 * 60),
  resetByIp: createLimit(stores, 'reset-ip', 20, 60 * 60),
  supportByIp: createLimit(stores, 'support-ip', 10, 60 * 60),
}));

/** The limits over the `identity.rate_limit` table, or Redis when the context has it. */
export function createRateLimits(ctx: { em: { getKnex(): unknown }; redis?: Redis }) {
  return build({ em: ctx.em, redis: ctx.redis, schemaName: 'identity', tableName: 'rate_limit' });
}
