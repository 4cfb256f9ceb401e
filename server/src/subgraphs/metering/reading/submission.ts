// What a submission of readings must look like before anything is read, what makes two the same request, and the
// answers it gets.
import { UserError } from '../../../core/user-error.js';
import { formatScaled } from '@kabinet/common/decimal';
import { ReadingZone } from '../meter/meter.types.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readingLines, recordedLines, requestHash, sameLines } from './idempotency.js';
import type { SubmitReadingsInput } from './reading.inputs.js';
import { ReadingResult, ReadingStatus, SubmitReadingsPayload } from './reading.payloads.js';
import type { PayloadCode } from '../../../core/payload-codes.js';

const UUID = /^[0-9a-f-]{36}$/i;

/** Readings one submission may carry (every meter and zone of an account). */
export const MAX_READINGS_PER_SUBMISSION = 20;

export function checkShape(input: SubmitReadingsInput): UserError | null {
  const key = input.idempotencyKey ?? '';
  if (key.length < 8 || key.length > 100) {
    return UserError.of('idempotencyKey', 'IDEMPOTENCY_KEY_INVALID', 'Ключ идемпотентности: от 8 до 100 символов.');
  }
  if (!input.readings.length) return UserError.of('readings', 'READINGS_REQUIRED', 'Введите показания.');
  if (input.readings.length > MAX_READINGS_PER_SUBMISSION) {
    return UserError.of('readings', 'TOO_MANY_READINGS', `Не более ${MAX_READINGS_PER_SUBMISSION} показаний за раз.`);
  }
  const pairs = input.readings.map((r) => `${r.meterId}|${r.zone ?? ReadingZone.TOTAL}`);
  if (new Set(pairs).size !== pairs.length) {
    return UserError.of('readings', 'DUPLICATE_READING', 'Для каждого счётчика и зоны — одно показание.');
  }
  if (!UUID.test(input.accountId)) {
    return UserError.of('accountId', 'ACCOUNT_NOT_LINKED', 'Лицевой счёт не подключён к Вашему Личному кабинету.');
  }
  // An id that is no id names no meter of the account: said of that reading, as an unknown meter is.
  const malformed = input.readings.findIndex((r) => !UUID.test(r.meterId));
  if (malformed >= 0) {
    return UserError.of(`readings.${malformed}`, 'METER_NOT_FOUND', 'Такого счётчика на этом лицевом счёте нет.');
  }
  return null;
}

/** What makes two submissions the same request (defaults spelled out, so omitting one is the same as giving it). */
export function submissionHash(input: SubmitReadingsInput): string {
  return requestHash([
    input.accountId,
    input.readings.map((r) => [
      r.meterId,
      r.zone ?? ReadingZone.TOTAL,
      r.value,
      r.confirmRollover ?? false,
      r.confirmImplausible ?? false,
    ]),
  ]);
}

/** Whether a kept submission recorded exactly these readings, of this account (values however written). */
export async function recordedSame(tx: EntityManager, submissionId: string, input: SubmitReadingsInput) {
  const asked = readingLines(
    input.readings.map((r) => ({ meter: r.meterId, zone: r.zone ?? ReadingZone.TOTAL, value: r.value })),
  );
  return sameLines(asked, await recordedLines(tx, submissionId, 'id', 'm."account_id" = ?', [input.accountId]));
}

export function refusedAsAWhole(errors: UserError[]): SubmitReadingsPayload {
  return Object.assign(new SubmitReadingsPayload(), {
    ok: false,
    errors,
    results: [],
    period: null,
    afterClosingDay: false,
  });
}

export function result(
  meterId: string,
  zone: ReadingZone,
  status: ReadingStatus,
  details: {
    code?: PayloadCode;
    message?: string;
    period?: string;
    consumption?: bigint;
    preview?: number | null;
    replacedEarlier?: boolean;
    readingId?: string;
  },
): ReadingResult {
  return Object.assign(new ReadingResult(), {
    meterId,
    zone,
    status,
    code: details.code ?? null,
    message: details.message ?? null,
    period: details.period?.slice(0, 7) ?? null,
    consumption: details.consumption === undefined ? null : formatScaled(details.consumption),
    chargePreview: details.preview ?? null,
    replacedEarlier: details.replacedEarlier ?? false,
    readingId: details.readingId ?? null,
  });
}

/** A stored answer (JSON) as the GraphQL types it was made of. */
export function revive(stored: SubmitReadingsPayload): SubmitReadingsPayload {
  return Object.assign(new SubmitReadingsPayload(), stored, {
    errors: stored.errors.map((e) => UserError.of(e.field, e.code, e.message)),
    results: stored.results.map((r) => Object.assign(new ReadingResult(), r)),
  });
}
