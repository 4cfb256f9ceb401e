// The identity subgraph's rate limits: they slow down guessing and mail flooding.
import type { Redis } from 'ioredis';
import { cachedPerStore, createLimit, type RateLimitStores } from '../../core/rate-limit.js';

export type { Limit } from '../../core/rate-limit.js';

/** Failed logins are counted over this window. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** A count of failures, not a limit: the login counters are read, never refused on (see session/login-throttle.ts). */
const LOGIN_WINDOW_POINTS = 1_000_000;
/** Failed attempts one address may make on one account in a window; then it waits (as data, with the seconds). */
export const LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT = 10;

const build = cachedPerStore((stores: RateLimitStores) => ({
  /** Failed logins from one address (any account): counted for the CAPTCHA and its cost, never a refusal. */
  loginFailuresByIp: createLimit(stores, 'login-ip', LOGIN_WINDOW_POINTS, LOGIN_WINDOW_SECONDS),
  /** Failed logins for one account (any address): counted for the CAPTCHA and its cost, never a refusal. */
  loginFailuresByAccount: createLimit(stores, 'login-account', LOGIN_WINDOW_POINTS, LOGIN_WINDOW_SECONDS),
  /** Failed logins for one account from one address: past this, that address waits before trying that account. */
  loginFailuresByIpAndAccount: createLimit(
    stores,
    'login-ip-account',
    LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT,
    LOGIN_WINDOW_SECONDS,
  ),
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
