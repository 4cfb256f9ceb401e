// Removing a cabinet: on the abonent's request, or when the e-mail was not confirmed in time.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ABONENT_DELETED, type AbonentDeleted } from '../../../core/events.js';
import type { JobQueue } from '../../../core/queue.js';
import { sessionClearCookie } from '../../../core/session-cookie.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import type { IdentityContext } from '../identity.context.js';
import { verifyPassword } from '../password/password-hasher.js';
import { forgetSessionsOf } from '../session/session-cache.js';
import { Abonent } from './abonent.entity.js';
import { DeleteCabinetPayload } from './abonent.payloads.js';

/** Published when a cabinet is gone; subgraphs that keep data about abonents subscribe and remove theirs. */

export class CabinetService {
  constructor(private readonly ctx: IdentityContext) {}

  async delete(abonentId: string, password: string): Promise<DeleteCabinetPayload> {
    const { em, queue } = this.ctx;
    const abonent = await em.findOneOrFail(Abonent, { id: abonentId });
    if (!(await verifyPassword(abonent.passwordHash, password))) {
      return failed(DeleteCabinetPayload, [UserError.of('password', 'WRONG_PASSWORD', 'Пароль указан неверно.')]);
    }
    await em.transactional((tx) => deleteAbonents(tx, queue, [abonent.id], 'requested'));
    this.ctx.response.appendSetCookie(sessionClearCookie(this.ctx.config.publicUrl));
    this.ctx.log.info('cabinet deleted at the abonent’s request');
    return succeeded(DeleteCabinetPayload);
  }
}

/** Deletes abonents (sessions, links and support requests go with them) and tells the other subgraphs. */
async function deleteAbonents(tx: EntityManager, queue: JobQueue, ids: string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.nativeDelete(Abonent, { id: { $in: ids } });
  for (const id of ids) forgetSessionsOf(tx, queue, id);
  for (const id of ids) await queue.publish(tx, ABONENT_DELETED, { abonentId: id, reason } satisfies AbonentDeleted);
}

/** The scheduled job: cabinets whose confirmation deadline passed without confirmation. */
export async function purgeUnconfirmed(em: EntityManager, queue: JobQueue, now = new Date()): Promise<number> {
  return em.transactional(async (tx) => {
    const expired = await tx.find(
      Abonent,
      { emailConfirmedAt: null, confirmationDeadline: { $lt: now } },
      { fields: ['id'], limit: 1000 },
    );
    await deleteAbonents(
      tx,
      queue,
      expired.map((a) => a.id),
      'unconfirmed',
    );
    return expired.length;
  });
}
