// Issuing and redeeming single-use e-mailed links.
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { hashToken, newToken } from '../../../core/tokens.js';
import { EmailToken, type EmailTokenPurpose } from './email-token.entity.js';

export type Redeemed =
  { ok: true; token: EmailToken } | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'revoked' };

/** Issues a new link for the purpose; earlier unused links of that purpose stop working. */
export async function issueEmailToken(
  em: EntityManager,
  abonentId: string,
  purpose: EmailTokenPurpose,
  expiresAt: Date,
  now = new Date(),
): Promise<string> {
  await em.nativeUpdate(EmailToken, { abonentId, purpose, usedAt: null, revokedAt: null }, { revokedAt: now });
  const { token, hash } = newToken();
  em.create(EmailToken, { abonentId, purpose, tokenHash: hash, expiresAt, createdAt: now });
  await em.flush();
  return token;
}

/** Marks the link used if it is valid, in the caller's transaction (row-locked against a double click). */
export async function redeemEmailToken(
  em: EntityManager,
  token: string,
  purpose: EmailTokenPurpose,
  /** The request's clock: a link expires by the app's time. */
  now = new Date(),
): Promise<Redeemed> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: 'unknown' };
  const found = await em.findOne(
    EmailToken,
    { tokenHash: hashToken(token), purpose },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!found) return { ok: false, reason: 'unknown' };
  if (found.usedAt) return { ok: false, reason: 'used' };
  if (found.revokedAt) return { ok: false, reason: 'revoked' };
  if (found.expiresAt.getTime() < now.getTime()) return { ok: false, reason: 'expired' };
  found.usedAt = now;
  await em.flush();
  return { ok: true, token: found };
}

/** What a link would do if redeemed now, without redeeming it (a page says so before asking for anything). */
export async function inspectEmailToken(
  em: EntityManager,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<'valid' | 'unknown' | 'used' | 'expired' | 'revoked'> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return 'unknown';
  const found = await em.findOne(EmailToken, { tokenHash: hashToken(token), purpose });
  if (!found) return 'unknown';
  if (found.usedAt) return 'used';
  if (found.revokedAt) return 'revoked';
  if (found.expiresAt.getTime() < now.getTime()) return 'expired';
  return 'valid';
}
