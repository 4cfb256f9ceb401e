// A few days before each supplier's closing day, the abonents who have meters and no reading yet this period are
// reminded (identity sends the letter, if they want it). Once per abonent and period.
import type { EntityManager } from '@mikro-orm/postgresql';
import { READING_REMINDER_DUE, type ReadingReminderDue } from '../../../core/events.js';
import type { JobQueue } from '../../../core/queue.js';
import { runSql } from '../../../core/sql.js';
import { addDays } from '@kabinet/common/calendar';
import { DEFAULT_CLOSING_DAY } from './submit.service.js';

/** How many days before the closing day the reminder goes. */
export const REMINDER_DAYS_BEFORE = 3;

/**
 * Finds who to remind today and publishes one event per abonent; returns how many. Due are the suppliers whose
 * closing date is REMINDER_DAYS_BEFORE days from today, counted on the calendar: for a closing day of 1–3 that
 * date is in the next month (and, in late December, the next year), and the period reminded of is its month.
 */
export async function remindAbonents(em: EntityManager, queue: JobQueue, today: string): Promise<number> {
  const closingDate = addDays(today, REMINDER_DAYS_BEFORE);
  const closingDay = Number(closingDate.slice(8, 10));
  // The period whose last day is the closing date (periodFor(closingDate, closingDay) is its month).
  const period = closingDate.slice(0, 7);
  return em.transactional(async (tx) => {
    const due = await runSql<Array<{ abonent_id: string; numbers: string[] }>>(
      tx,
      `with "suppliers" as (
         select distinct a."supplier_id"
           from "metering"."account" a left join "metering"."supplier_settings" s on s."supplier_id" = a."supplier_id"
          where coalesce(s."reading_closing_day", ?) = ?
       ), "waiting" as (
         select x."abonent_id", a."number"
           from "suppliers" s
           join "metering"."account" a on a."supplier_id" = s."supplier_id"
           join "metering"."account_access" x on x."account_id" = a."id" and x."linked"
          where exists (select 1 from "metering"."meter" m where m."account_id" = a."id" and m."status" = 'ACTIVE'
                          and not exists (select 1 from "metering"."reading" r where r."meter_id" = m."id" and r."current"
                                            and r."period" = ?::date))
       )
       select "abonent_id", array_agg(distinct "number" order by "number") as "numbers"
         from "waiting" group by "abonent_id"`,
      [DEFAULT_CLOSING_DAY, closingDay, `${period}-01`],
    );
    let sent = 0;
    for (const row of due) {
      const [fresh] = await runSql<unknown[]>(
        tx,
        `insert into "metering"."reminder_sent" ("abonent_id", "period") values (?, ?::date) on conflict do nothing returning 1`,
        [row.abonent_id, `${period}-01`],
      );
      if (!fresh) continue;
      const event: ReadingReminderDue = { abonentId: row.abonent_id, period, closingDate, accountNumbers: row.numbers };
      await queue.publish(tx, READING_REMINDER_DUE, event);
      sent++;
    }
    return sent;
  });
}
