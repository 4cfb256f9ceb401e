// Password hashing with argon2id (OWASP: m=19456 KiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` is a const enum, which isolated modules cannot import: its value is 2. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the login is unknown, so a wrong e-mail costs the same time as a wrong password. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('kabinet-timing-equaliser');
  return dummy;
}
