// Login sessions: start (with throttling that never locks the owner out), resolve on each request, end.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, type Caller } from '../../../core/caller.js';
import type { Config } from '../../../core/config.js';
import type { JobQueue } from '../../../core/queue.js';
import { sessionClearCookie, sessionSetCookie } from '../../../core/session-cookie.js';
import { readRows, statement } from '../../../core/sql.js';
import { hashToken, newToken } from '../../../core/tokens.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { Abonent } from '../abonent/abonent.entity.js';
import { checkEmail, normalizeEmail } from '../abonent/email-address.js';
import { CaptchaService, captchaError } from '../captcha/captcha.service.js';
import type { IdentityContext } from '../identity.context.js';
import { dummyHash, verifyPassword } from '../password/password-hasher.js';
import { createRateLimits } from '../rate-limits.js';
import { LoginThrottle } from './login-throttle.js';
import {
  forgetSessionsOf,
  sessionCacheOf,
  TOUCH_EVERY_MS,
  type CachedSession,
  type SessionCache,
} from './session-cache.js';
import { Session } from './session.entity.js';
import type { LoginInput } from './session.inputs.js';
import { LoginPayload } from './session.payloads.js';

const INVALID_CREDENTIALS = UserError.of(null, 'INVALID_CREDENTIALS', 'Неверный адрес электронной почты или пароль.');

export class SessionService {
  constructor(private readonly ctx: IdentityContext) {}

  async login(input: LoginInput): Promise<LoginPayload> {
    const { em, config } = this.ctx;
    const email = checkEmail(input.email, 'email');
    if ('error' in email)
      return failed(LoginPayload, [email.error], { abonent: null, captchaRequired: false, retryAfterSeconds: null });
    if (!input.password) {
      return failed(LoginPayload, [UserError.of('password', 'PASSWORD_REQUIRED', 'Укажите пароль.')], {
        abonent: null,
        captchaRequired: false,
        retryAfterSeconds: null,
      });
    }
    const normalized = normalizeEmail(email.email);
    const address = this.ctx.clientIp;
    const captcha = CaptchaService.fromConfig(config);
    const throttle = new LoginThrottle(createRateLimits(this.ctx), captcha);
    const cost = await throttle.cost(address, normalized);
    if (cost.retryAfterSeconds !== null) {
      // This address has guessed on this account enough for now; the owner elsewhere is not held up by it.
      return failed(
        LoginPayload,
        [
          UserError.of(
            null,
            'RATE_LIMITED',
            'Слишком много неудачных попыток входа в этот Личный кабинет с Вашего адреса. ' +
              `Попробуйте через ${Math.ceil(cost.retryAfterSeconds / 60)} мин.`,
          ),
        ],
        { abonent: null, captchaRequired: cost.captchaRequired, retryAfterSeconds: cost.retryAfterSeconds },
      );
    }
    if (cost.captchaRequired) {
      const check = await em.transactional((tx) => captcha.verify(tx, input.captcha, cost.captchaCost));
      const problem = captchaError(check);
      if (problem)
        return failed(LoginPayload, [problem], { abonent: null, captchaRequired: true, retryAfterSeconds: null });
    }

    const abonent = await em.findOne(Abonent, { emailNormalized: normalized });
    // Verify against a dummy hash for an unknown login: the answer and its timing are the same.
    const valid = await verifyPassword(abonent?.passwordHash ?? (await dummyHash()), input.password);
    if (!abonent || !valid) {
      await throttle.failed(address, normalized);
      const next = await throttle.cost(address, normalized);
      return failed(LoginPayload, [INVALID_CREDENTIALS], {
        abonent: null,
        captchaRequired: next.captchaRequired,
        retryAfterSeconds: next.retryAfterSeconds,
      });
    }
    await throttle.succeeded(address, normalized);
    // A new session on every login; the one the browser had (if any) ends, so a planted cookie gains nothing.
    if (this.ctx.sessionToken) await endSession(this.ctx, this.ctx.sessionToken);
    const token = await startSession(em, config, abonent.id, this.ctx.clock.now());
    this.ctx.response.appendSetCookie(sessionSetCookie(token, config.sessionAbsoluteTtlMs / 1000, config.publicUrl));
    this.ctx.log.info('login succeeded');
    return succeeded(LoginPayload, { abonent, captchaRequired: false, retryAfterSeconds: null });
  }

  async logout(): Promise<boolean> {
    if (this.ctx.sessionToken) await endSession(this.ctx, this.ctx.sessionToken);
    this.ctx.response.appendSetCookie(sessionClearCookie(this.ctx.config.publicUrl));
    return true;
  }
}

export async function startSession(
  em: EntityManager,
  config: Config,
  abonentId: string,
  at = new Date(),
): Promise<string> {
  const { token, hash } = newToken();
  const now = at.getTime();
  em.create(Session, {
    abonentId,
    tokenHash: hash,
    createdAt: new Date(now),
    lastUsedAt: new Date(now),
    idleExpiresAt: new Date(now + config.sessionIdleTtlMs),
    absoluteExpiresAt: new Date(now + config.sessionAbsoluteTtlMs),
  });
  await em.flush();
  return token;
}

/**
 * Ends the session of `token`. This process's session cache forgets it at once; the others hear it from the
 * trigger's notification at commit (as for every change below).
 */
async function endSession(ctx: IdentityContext, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await ctx.em.nativeDelete(Session, { tokenHash });
  sessionCacheOf(ctx.queue).forgetToken(tokenHash);
}

/** Ends every session of the abonent except, optionally, one. */
export async function endSessions(
  em: EntityManager,
  queue: JobQueue,
  abonentId: string,
  except?: string,
): Promise<void> {
  await em.nativeDelete(Session, except ? { abonentId, tokenHash: { $ne: hashToken(except) } } : { abonentId });
  forgetSessionsOf(em, queue, abonentId);
}

/** Every request of a logged-in abonent starts with it (unless the session cache remembers the token). */
const SESSION_BY_TOKEN = statement(
  `select s."id", s."abonent_id", s."last_used_at", s."idle_expires_at", s."absolute_expires_at",
          a."email_confirmed_at" is not null as "confirmed"
     from "identity"."session" s join "identity"."abonent" a on a."id" = s."abonent_id"
    where s."token_hash" = $1 and s."idle_expires_at" > $2 and s."absolute_expires_at" > $2`,
);

interface SessionRow {
  id: string;
  abonent_id: string;
  last_used_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  confirmed: boolean;
}

/**
 * Who holds the session token: remembered by the process's session cache for the minute between touches, else one
 * statement (session joined with its abonent) and a touch of the idle expiry at most once a minute. Expired
 * sessions are treated as none. `now` is the request's clock: expiry is judged, and the idle expiry moved on, by the
 * app's time, not the database's.
 */
export async function resolveSessionCaller(
  em: EntityManager,
  config: Config,
  token: string,
  now = new Date(),
  cache?: SessionCache,
): Promise<Caller> {
  return (await lookupSession(em, config, token, now, cache))?.caller ?? ANONYMOUS;
}

/** The session of the token with its times (what a gateway needs to remember it too); undefined when none. */
export async function lookupSession(
  em: EntityManager,
  config: Config,
  token: string,
  now = new Date(),
  cache?: SessionCache,
): Promise<CachedSession | undefined> {
  const tokenHash = hashToken(token);
  const at = now.getTime();
  const remembered = cache?.get(tokenHash, at);
  if (remembered) return remembered;
  const mark = cache?.mark() ?? 0;
  const rows = await readRows<SessionRow>(em, SESSION_BY_TOKEN, [tokenHash, now]);
  const row = rows[0];
  if (!row) return undefined;
  let lastUsedAt = new Date(row.last_used_at).getTime();
  let idleExpiresAt = new Date(row.idle_expires_at).getTime();
  const absoluteExpiresAt = new Date(row.absolute_expires_at).getTime();
  if (at - lastUsedAt > TOUCH_EVERY_MS) {
    await em.getConnection().execute(
      `update "identity"."session" set "last_used_at" = ?,
           "idle_expires_at" = least(?::timestamptz + make_interval(secs => ?), "absolute_expires_at") where "id" = ?`,
      [now, now, config.sessionIdleTtlMs / 1000, row.id],
    );
    lastUsedAt = at;
    idleExpiresAt = Math.min(at + config.sessionIdleTtlMs, absoluteExpiresAt);
  }
  const caller = Object.freeze({ kind: 'abonent', abonentId: row.abonent_id, emailConfirmed: row.confirmed } as const);
  const session = { caller, lastUsedAt, idleExpiresAt, absoluteExpiresAt };
  cache?.put(tokenHash, session, mark);
  return session;
}
