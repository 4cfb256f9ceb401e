// «Защита от роботов»: ALTCHA proof-of-work challenges, each solution accepted once and before it expires.
import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Config } from '../../../core/config.js';
import { hashToken } from '../../../core/tokens.js';
import { UserError } from '../../../core/user-error.js';

const CHALLENGE_TTL_MS = 10 * 60_000;

/** 'weak': solved, but issued at a lower cost than the attempt now needs (failures came since). */
export type CaptchaCheck = 'ok' | 'missing' | 'invalid' | 'expired' | 'reused' | 'weak';

export class CaptchaService {
  constructor(
    private readonly secret: string,
    private readonly cost: number,
    private readonly maxCost = cost,
  ) {}

  static fromConfig(config: Pick<Config, 'captchaSecret' | 'captchaCost' | 'captchaMaxCost'>): CaptchaService {
    return new CaptchaService(config.captchaSecret, config.captchaCost, config.captchaMaxCost);
  }

  /** The difficulty at a level: CAPTCHA_COST doubled per level, never above CAPTCHA_MAX_COST. */
  costAt(level: number): number {
    return Math.min(this.maxCost, this.cost * 2 ** Math.max(0, Math.min(level, 40)));
  }

  /** A challenge whose counter is at most `cost` (a client tries counters from 0): the cost is signed into it. */
  async createChallenge(now = new Date(), cost = this.cost): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(0, cost + 1),
      data: { cost },
      deriveKey,
      hmacSignatureSecret: this.secret,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    });
  }

  /**
   * Checks the widget's payload (base64 JSON of { challenge, solution }) and records it as used in the caller's
   * transaction, so the same solution never passes twice. `minCost`: the difficulty the challenge must have been
   * issued at (a login after failures needs more than the base).
   */
  async verify(em: EntityManager, payload: string | null | undefined, minCost = 0): Promise<CaptchaCheck> {
    if (!payload) return 'missing';
    let decoded: { challenge: Challenge; solution: Solution };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof decoded;
      if (!decoded?.challenge?.parameters || !decoded.solution || !decoded.challenge.signature) return 'invalid';
    } catch {
      return 'invalid';
    }
    const result = await verifySolution({
      challenge: decoded.challenge,
      solution: decoded.solution,
      deriveKey,
      hmacSignatureSecret: this.secret,
    }).catch(() => null);
    if (!result) return 'invalid';
    if (result.expired) return 'expired';
    if (!result.verified) return 'invalid';
    // Signed with the challenge; challenges issued before costs were signed count as the base cost.
    const issuedCost = decoded.challenge.parameters.data?.cost;
    if ((typeof issuedCost === 'number' ? issuedCost : this.cost) < minCost) return 'weak';
    const expiresAt = new Date((decoded.challenge.parameters.expiresAt ?? 0) * 1000 || Date.now() + CHALLENGE_TTL_MS);
    const inserted = await em.getConnection().execute(
      `insert into "identity"."captcha_solution" ("signature_hash", "expires_at") values (?, ?)
         on conflict do nothing returning "signature_hash"`,
      [hashToken(decoded.challenge.signature), expiresAt],
      'all',
      em.getTransactionContext(),
    );
    return inserted.length === 1 ? 'ok' : 'reused';
  }

  /** Used solutions are only needed until their challenge expires. */
  static async purgeExpired(em: EntityManager): Promise<number> {
    const rows = await em
      .getConnection()
      .execute(`delete from "identity"."captcha_solution" where "expires_at" < now() returning 1`);
    return rows.length;
  }
}

/** The field error for a failed check (null when it passed). */
export function captchaError(check: CaptchaCheck, field = 'captcha'): UserError | null {
  switch (check) {
    case 'ok':
      return null;
    case 'missing':
      return UserError.of(field, 'CAPTCHA_REQUIRED', 'Подтвердите, что Вы не робот («Защита от роботов»).');
    case 'expired':
      return UserError.of(field, 'CAPTCHA_EXPIRED', 'Проверка «Защита от роботов» устарела: пройдите её ещё раз.');
    case 'weak':
      return UserError.of(
        field,
        'CAPTCHA_COST_RAISED',
        'После новых неудачных попыток входа проверка «Защита от роботов» стала сложнее: пройдите её ещё раз.',
      );
    case 'reused':
      return UserError.of(
        field,
        'CAPTCHA_REUSED',
        'Эта проверка «Защита от роботов» уже использована: пройдите её ещё раз.',
      );
    default:
      return UserError.of(field, 'CAPTCHA_INVALID', 'Проверка «Защита от роботов» не пройдена: пройдите её ещё раз.');
  }
}
