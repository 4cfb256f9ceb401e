// Submissions by idempotency key: the first accepted call with a key does the work and keeps its answer; a repeated
// call with the same request (even one running at the same moment) gets that answer and records nothing, one with
// another request under a kept key is refused. A refused call keeps nothing, so a corrected retry may use the key.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';

export interface IdempotentWork<T> {
  /** The answer, given the submission's id (null when it is not kept: see `keep`). */
  run(submissionId: string | null): Promise<T>;
  /** Whether to keep the answer for the key; false frees the key (a refusal, to be corrected and retried). */
  keep(answer: T): boolean;
  /** A kept answer (JSON) as the objects it was made of. */
  revive(stored: T): T;
  /** The answer when the key was kept for another request. */
  reused(): T;
}

/** SHA-256 of a request's canonical JSON: what "the same request" means for a key. */
export function requestHash(canonical: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Runs `work` inside `tx` at most once per caller and key; `hash` identifies the request (see `requestHash`). */
export async function oncePerKey<T>(
  tx: EntityManager,
  callerId: string,
  key: string,
  hash: string,
  work: IdempotentWork<T>,
): Promise<T> {
  // The key is claimed first: a second call with it waits on the unique index for the first to commit (or to free
  // the key, when its row is deleted in the same transaction, and then claims it itself).
  const [claimed] = await runSql<Array<{ id: string }>>(
    tx,
    `insert into "metering"."submission" ("caller_id", "idempotency_key", "request_hash") values (?, ?, ?)
     on conflict do nothing returning "id"`,
    [callerId, key, hash],
  );
  if (!claimed) {
    const [stored] = await runSql<Array<{ result: T | null; request_hash: string | null }>>(
      tx,
      `select "result", "request_hash" from "metering"."submission" where "caller_id" = ? and "idempotency_key" = ?`,
      [callerId, key],
    );
    if (stored?.result) {
      if (stored.request_hash !== null && stored.request_hash !== hash) return work.reused();
      return work.revive(stored.result);
    }
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
