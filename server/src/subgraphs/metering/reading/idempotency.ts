// Submissions by idempotency key: the first call with a key does the work and keeps its answer; a repeated call
// (even one running at the same moment) gets that answer and records nothing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';

export interface IdempotentWork<T> {
  /** The answer, given the submission's id (null when it is not kept: see `keep`). */
  run(submissionId: string | null): Promise<T>;
  /** Whether to keep the answer for the key; false frees the key (a refusal as a whole, to be retried). */
  keep(answer: T): boolean;
  /** A kept answer (JSON) as the objects it was made of. */
  revive(stored: T): T;
}

/** Runs `work` inside `tx` at most once per caller and key. */
export async function oncePerKey<T>(
  tx: EntityManager,
  callerId: string,
  key: string,
  work: IdempotentWork<T>,
): Promise<T> {
  // The key is claimed first: a second call with it waits on the unique index for the first to commit.
  const [claimed] = await runSql<Array<{ id: string }>>(
    tx,
    `insert into "metering"."submission" ("caller_id", "idempotency_key") values (?, ?)
     on conflict do nothing returning "id"`,
    [callerId, key],
  );
  if (!claimed) {
    const [stored] = await runSql<Array<{ result: T | null }>>(
      tx,
      `select "result" from "metering"."submission" where "caller_id" = ? and "idempotency_key" = ?`,
      [callerId, key],
    );
    if (stored?.result) return work.revive(stored.result);
  }
  const answer = await work.run(claimed?.id ?? null);
  if (claimed && work.keep(answer)) {
    await runSql(tx, `update "metering"."submission" set "result" = ?::jsonb where "id" = ?`, [
      JSON.stringify(answer),
      claimed.id,
    ]);
  } else if (claimed) {
    await runSql(tx, `delete from "metering"."submission" where "id" = ?`, [claimed.id]);
  }
  return answer;
}
