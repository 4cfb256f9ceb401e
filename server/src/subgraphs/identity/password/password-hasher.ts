// Password hashing with argon2id (OWASP: m=19456 KiB, t=2, p=1), a bounded number at a time.
import { hash, verify } from '@node-rs/argon2';
import pLimit, { type LimitFunction } from 'p-limit';
import { AppError, ErrorCode } from '../../../core/errors.js';

/** `Algorithm.Argon2id` is a const enum, which isolated modules cannot import: its value is 2. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const SERVER_BUSY_MESSAGE =
  'Сервер сейчас занят проверкой паролей других абонентов. Попробуйте ещё раз через несколько секунд.';

/** How many hashes run at once (0: no cap) and how many may wait for a turn (PASSWORD_HASH_CONCURRENCY, _QUEUE). */
export interface PasswordHashLimits {
  readonly concurrency: number;
  readonly queue: number;
}

/**
 * Each hash holds a libuv threadpool thread (4 by default, shared with fs, dns and crypto) and a core for tens of
 * milliseconds: a burst of logins would take every core from the requests around it. So hashes take turns, as many
 * at once as configured, and when the line is full too the caller is refused at once (SERVER_BUSY) rather than
 * adding to a wait nobody would sit through. Unconfigured (scripts such as the bench seed): no cap.
 */
let limits: PasswordHashLimits = { concurrency: 0, queue: 0 };
let limiter: LimitFunction | undefined;

/** Applies the configured limits; a no-op while they stay the same (the identity subgraph calls it per request). */
export function configurePasswordHashing(next: PasswordHashLimits): void {
  if (next.concurrency === limits.concurrency && next.queue === limits.queue) return;
  limits = { concurrency: next.concurrency, queue: next.queue };
  limiter = next.concurrency > 0 ? pLimit(next.concurrency) : undefined;
}

/** Hashes running and waiting for a turn now. */
export function passwordHashingLoad(): { running: number; waiting: number } {
  return { running: limiter?.activeCount ?? 0, waiting: limiter?.pendingCount ?? 0 };
}

/** Runs `work` in its turn among the password hashes, or refuses with SERVER_BUSY when the line is full. */
export function inHashingTurn<T>(work: () => Promise<T>): Promise<T> {
  if (!limiter) return work();
  // p-limit counts a job as pending until its turn starts on a later tick, so the sum is what is taken.
  if (limiter.activeCount + limiter.pendingCount >= limits.concurrency + limits.queue) {
    return Promise.reject(new AppError(ErrorCode.SERVER_BUSY, SERVER_BUSY_MESSAGE, { retryAfterSeconds: 1 }));
  }
  return limiter(work);
}

export function hashPassword(password: string): Promise<string> {
  return inHashingTurn(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return inHashingTurn(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

/** A hash to verify against when the login is unknown, so a wrong e-mail costs the same time as a wrong password. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  // Computed outside the turns: it is made once per process, and a refusal must not be remembered.
  dummy ??= hash('kabinet-timing-equaliser', OPTIONS);
  return dummy;
}
