// How much the next login attempt costs: a CAPTCHA and its difficulty, or a wait for one address on one account.
// Nothing here refuses the owner of an account a login from an address that has not been guessing on it.
import { hashToken } from '../../../core/tokens.js';
import type { CaptchaService } from '../captcha/captcha.service.js';
import type { createRateLimits } from '../rate-limits.js';

type LoginLimits = Pick<
  ReturnType<typeof createRateLimits>,
  'loginFailuresByIp' | 'loginFailuresByAccount' | 'loginFailuresByIpAndAccount'
>;

/** Failed logins on one account (from anywhere) after which every attempt on it needs a CAPTCHA. */
export const CAPTCHA_AFTER_ACCOUNT_FAILURES = 3;
/** Failed logins from one address (on any accounts) after which every attempt from it needs a CAPTCHA. */
export const CAPTCHA_AFTER_ADDRESS_FAILURES = 30;
/** Each further this many failures from one address doubles its CAPTCHA's cost once more. */
export const ADDRESS_FAILURES_PER_LEVEL = 30;

export interface LoginCost {
  /** Seconds until this address may try this account again; null: it may try now. */
  retryAfterSeconds: number | null;
  captchaRequired: boolean;
  /** The difficulty the attempt's CAPTCHA must have been issued at (CAPTCHA_COST when none is required). */
  captchaCost: number;
}

/**
 * The CAPTCHA level (CAPTCHA_COST doubled this many times, up to CAPTCHA_MAX_COST) for these recent failures;
 * null when no CAPTCHA is needed. Each failure on the account past the third doubles it; an address past thirty
 * failures doubles it once, and once more every thirty after.
 */
export function captchaLevel(accountFailures: number, addressFailures: number): number | null {
  const byAccount = accountFailures >= CAPTCHA_AFTER_ACCOUNT_FAILURES;
  const byAddress = addressFailures >= CAPTCHA_AFTER_ADDRESS_FAILURES;
  if (!byAccount && !byAddress) return null;
  const accountSteps = byAccount ? accountFailures - CAPTCHA_AFTER_ACCOUNT_FAILURES : 0;
  const addressSteps = byAddress
    ? 1 + Math.floor((addressFailures - CAPTCHA_AFTER_ADDRESS_FAILURES) / ADDRESS_FAILURES_PER_LEVEL)
    : 0;
  return accountSteps + addressSteps;
}

/** The counters' keys hold the e-mail's hash, never the address itself (length alone createLimit handles). */
const accountKey = (account: string) => hashToken(account);
const pairKey = (address: string, account: string) => `${address} ${hashToken(account)}`;

export class LoginThrottle {
  constructor(
    private readonly limits: LoginLimits,
    private readonly captcha: CaptchaService,
  ) {}

  async cost(address: string, account: string): Promise<LoginCost> {
    const [accountFailures, addressFailures, retryAfterSeconds] = await Promise.all([
      this.limits.loginFailuresByAccount.count(accountKey(account)),
      this.limits.loginFailuresByIp.count(address),
      this.limits.loginFailuresByIpAndAccount.exhausted(pairKey(address, account)),
    ]);
    const level = captchaLevel(accountFailures, addressFailures);
    return {
      retryAfterSeconds,
      captchaRequired: level !== null,
      captchaCost: this.captcha.costAt(level ?? 0),
    };
  }

  async failed(address: string, account: string): Promise<void> {
    await this.limits.loginFailuresByIp.hit(address);
    await this.limits.loginFailuresByAccount.hit(accountKey(account));
    await this.limits.loginFailuresByIpAndAccount.hit(pairKey(address, account));
  }

  /** The owner is in: the account's count starts over (the address's stays, it may be guessing elsewhere). */
  async succeeded(address: string, account: string): Promise<void> {
    await this.limits.loginFailuresByAccount.reset(accountKey(account));
    await this.limits.loginFailuresByIpAndAccount.reset(pairKey(address, account));
  }
}
