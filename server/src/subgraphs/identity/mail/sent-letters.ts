// The record of letters sent (identity runs the mail job): what makes a retried mail job skip a letter it sent.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SentLetters } from '../../../core/mail.js';
import { runSql } from '../../../core/sql.js';

/** How long a sent letter is remembered: longer than a mail job is retried after its attempt died. */
export const SENT_LETTER_RETENTION_DAYS = 30;

export function sentLetters(em: () => EntityManager): SentLetters {
  return {
    async wasSent(messageId) {
      const rows = await runSql<unknown[]>(em(), `select 1 from "identity"."sent_letter" where "message_id" = ?`, [
        messageId,
      ]);
      return rows.length > 0;
    },
    async record(messageId, kind) {
      await runSql(
        em(),
        `insert into "identity"."sent_letter" ("message_id", "kind") values (?, ?) on conflict do nothing`,
        [messageId, kind],
      );
    },
  };
}

/** Forgets letters sent before the retention period; returns how many. */
export async function purgeSentLetters(em: EntityManager): Promise<number> {
  const rows = await runSql<unknown[]>(
    em,
    `delete from "identity"."sent_letter" where "sent_at" < now() - ? * interval '1 day' returning 1`,
    [SENT_LETTER_RETENTION_DAYS],
  );
  return rows.length;
}
