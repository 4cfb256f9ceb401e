// Submissions by idempotency key: the first accepted call with a key does the work and keeps its answer; a repeated
// call with the same request (even one running at the same moment) gets that answer and records nothing, one with
// another request under a kept key is refused. A refused call keeps nothing, so a corrected retry may use the key.
// "The same request" is its hash, or else the same readings as the kept submission recorded (a value written
// another way, a submission kept before requests were hashed).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseDecimal } from '@kabinet/common/decimal';
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
  /**
   * Whether this request asks for exactly what the kept submission recorded (the same meters, zones and values,
   * however the values are written). Asked only when the hashes differ or the submission was kept before requests
   * were hashed, so "the same request" is decided by what was recorded, never by the first answer alone.
   */
  recordedSame(submissionId: string): Promise<boolean>;
}

/** SHA-256 of a request's canonical JSON: what "the same request" means for a key. */
export function requestHash(canonical: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Readings as comparable lines: `meter|zone|value` with the value in canonical decimal form, sorted. */
export function readingLines(readings: Array<{ meter: string; zone: string; value: string }>): string[] {
  return readings
    .map((r) => {
      const value = parseDecimal(r.value);
      return `${r.meter}|${r.zone}|${value ? value.text : `raw:${r.value}`}`;
    })
    .sort();
}

/**
 * The readings a kept submission recorded, as `readingLines` (`meter`: a column of the meter, `m`, that the request
 * names its meters by); `where` narrows them further (say, to the request's account).
 */
export async function recordedLines(
  tx: EntityManager,
  submissionId: string,
  meter: 'id' | 'serial_number',
  where = 'true',
  params: unknown[] = [],
): Promise<string[]> {
  const rows = await runSql<Array<{ meter: string; zone: string; value: string }>>(
    tx,
    `select m."${meter}"::text as "meter", r."zone", r."value"::text as "value"
       from "metering"."reading" r join "metering"."meter" m on m."id" = r."meter_id"
      where r."submission_id" = ? and ${where}`,
    [submissionId, ...params],
  );
  return readingLines(rows);
}

/** Whether two lists of `readingLines` are the same readings. */
export function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** Runs `work` inside `tx` at most once per caller and key; `hash` identifies the request (see `requestHash`). */
export async function oncePerKey<T>(
  tx: EntityManager,
  callerId: string,
  key: string,
  hash: string,
  work: IdempotentWork<T>,
): Promise<T> {
  // A key found kept for nothing (see below) is freed and claimed again; twice is enough even against a race.
  for (let attempt = 0; attempt < 3; attempt++) {
    // The key is claimed first: a second call with it waits on the unique index for the first to commit (or to free
    // the key, when its row is deleted in the same transaction, and then claims it itself).
    const [claimed] = await runSql<Array<{ id: string }>>(
      tx,
      `insert into "metering"."submission" ("caller_id", "idempotency_key", "request_hash") values (?, ?, ?)
       on conflict do nothing returning "id"`,
      [callerId, key, hash],
    );
    if (claimed) {
      const answer = await work.run(claimed.id);
      if (work.keep(answer)) {
        await runSql(tx, `update "metering"."submission" set "result" = ?::jsonb where "id" = ?`, [
          JSON.stringify(answer),
          claimed.id,
        ]);
      } else {
        await runSql(tx, `delete from "metering"."submission" where "id" = ?`, [claimed.id]);
      }
      return answer;
    }
    const [stored] = await runSql<Array<{ id: string; result: T | null; request_hash: string | null }>>(
      tx,
      `select "id", "result", "request_hash" from "metering"."submission"
        where "caller_id" = ? and "idempotency_key" = ?`,
      [callerId, key],
    );
    if (!stored) continue;
    if (stored.result === null || !work.keep(stored.result)) {
      // Kept before refusals freed their key (or with no answer at all): it recorded nothing, so it is free.
      await runSql(tx, `delete from "metering"."submission" where "id" = ?`, [stored.id]);
      continue;
    }
    if (stored.request_hash === hash) return work.revive(stored.result);
    if (!(await work.recordedSame(stored.id))) return work.reused();
    if (stored.request_hash === null) {
      await runSql(tx, `update "metering"."submission" set "request_hash" = ? where "id" = ?`, [hash, stored.id]);
    }
    return work.revive(stored.result);
  }
  throw new Error(`idempotency key of ${callerId} neither claimed nor kept after three attempts`);
}
