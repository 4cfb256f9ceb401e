// Sends the reminder letter metering asks for, unless the abonent turned reminders off (or is gone).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../../core/config.js';
import type { ReadingReminderDue } from '../../../core/events.js';
import { sendLetter } from '../../../core/mail.js';
import type { JobQueue } from '../../../core/queue.js';
import { readingReminderLetter } from '../mail/letters.js';
import { Abonent } from './abonent.entity.js';

export async function sendReadingReminder(
  em: EntityManager,
  queue: JobQueue,
  config: Config,
  event: ReadingReminderDue,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const abonent = await tx.findOne(Abonent, { id: event.abonentId });
    if (!abonent?.emailConfirmedAt || !abonent.readingReminders) return false;
    const letter = readingReminderLetter(
      abonent.email,
      event.accountNumbers,
      event.period,
      event.closingDate,
      `${config.publicUrl}/accounts`,
    );
    await sendLetter(queue, tx, letter, config.publicUrl);
    return true;
  });
}
