// The supplier's billing exports its readings page by page, and records its inspectors' readings.
import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, type KeysetArgs } from '../../../core/cursor.js';
import { MAX_ROWS, PartnerWritePayload, RowError } from '../../../core/partner-payloads.js';
import { runSql } from '../../../core/sql.js';
import { periodFor, todayInMoscow } from '@kabinet/common/calendar';
import { ReadingZone, trimDecimal, type MeterRow, type ReadingSource } from '../meter/meter.types.js';
import { formatScaled } from '@kabinet/common/decimal';
import { oncePerKey, readingLines, recordedLines, requestHash, sameLines } from '../reading/idempotency.js';
import { lockMeters, SubmitService } from '../reading/submit.service.js';
import type { InspectorReadingInput } from './partner-readings.inputs.js';
import { PartnerReading, type PartnerReadingPage } from './partner-readings.payloads.js';

export const MAX_PAGE = 1000;

export async function partnerReadingsPage(
  em: EntityManager,
  supplierId: string,
  args: KeysetArgs,
): Promise<PartnerReadingPage> {
  return keysetPage<
    {
      id: string;
      meter_id: string;
      serial_number: string;
      account_number: string | null;
      zone: ReadingZone;
      value: string;
      period: string;
      submitted_at: Date;
      cursor_time: string;
      source: ReadingSource;
      current: boolean;
      consumption: string | null;
    },
    PartnerReading
  >(
    em,
    args,
    {
      select: `select r."id", r."meter_id", m."serial_number", a."number" as "account_number", r."zone",
                      r."value"::text as "value", r."period", r."submitted_at", r."submitted_at"::text as "cursor_time",
                      r."source", r."current", r."consumption"::text as "consumption"
                 from "metering"."reading" r
                 join "metering"."meter" m on m."id" = r."meter_id"
                 left join "metering"."account" a on a."id" = m."account_id"`,
      time: 'r."submitted_at"',
      id: 'r."id"',
      where: 'r."supplier_id" = ?',
      params: [supplierId],
      maxPage: MAX_PAGE,
    },
    (r) =>
      Object.assign(new PartnerReading(), {
        id: r.id,
        accountNumber: r.account_number ?? '',
        serialNumber: r.serial_number,
        meterId: r.meter_id,
        zone: r.zone,
        value: trimDecimal(r.value),
        period: r.period.slice(0, 7),
        submittedAt: new Date(r.submitted_at),
        source: r.source,
        current: r.current,
        consumption: r.consumption === null ? null : trimDecimal(r.consumption),
      }),
  );
}

/**
 * Inspectors' readings are the supplier's own: the dial's digits and a drop without a rollover are checked, the
 * abonent-facing limits (daily maximum, zero consumption, verification) are not. Each becomes the current reading
 * of its period, replacing an abonent's.
 */
export async function recordInspectorReadings(
  em: EntityManager,
  partnerAppId: string,
  supplierId: string,
  input: { readings: InspectorReadingInput[]; idempotencyKey: string },
  now = new Date(),
): Promise<PartnerWritePayload> {
  if ((input.idempotencyKey ?? '').length < 8 || input.idempotencyKey.length > 100) {
    return PartnerWritePayload.refused([
      RowError.of(-1, 'idempotencyKey', 'IDEMPOTENCY_KEY_INVALID', 'Ключ идемпотентности: от 8 до 100 символов.'),
    ]);
  }
  if (input.readings.length > MAX_ROWS) {
    return PartnerWritePayload.refused([
      RowError.of(-1, null, 'TOO_MANY_ROWS', `Не более ${MAX_ROWS} строк за один вызов.`),
    ]);
  }
  return em.transactional((tx) =>
    oncePerKey(
      tx,
      partnerAppId,
      input.idempotencyKey,
      requestHash(
        input.readings.map((r) => [r.serialNumber, r.zone ?? ReadingZone.TOTAL, r.value, r.rollover ?? false]),
      ),
      {
        run: (submissionId) => recordNow(tx, supplierId, input.readings, submissionId, now),
        // A refused call writes nothing and keeps nothing: the corrected rows may be sent with the same key.
        keep: (payload) => payload.ok,
        revive: (stored) =>
          Object.assign(new PartnerWritePayload(), stored, {
            errors: stored.errors.map((e) => RowError.of(e.index, e.field, e.code, e.message)),
          }),
        recordedSame: async (submissionId) =>
          sameLines(
            readingLines(
              input.readings.map((r) => ({ meter: r.serialNumber, zone: r.zone ?? ReadingZone.TOTAL, value: r.value })),
            ),
            await recordedLines(tx, submissionId, 'serial_number', 'm."supplier_id" = ?', [supplierId]),
          ),
        reused: () =>
          PartnerWritePayload.refused([
            RowError.of(
              -1,
              'idempotencyKey',
              'IDEMPOTENCY_KEY_REUSED',
              'С этим ключом уже записаны другие показания: для нового вызова нужен новый ключ.',
            ),
          ]),
      },
    ),
  );
}

async function recordNow(
  tx: EntityManager,
  supplierId: string,
  readings: InspectorReadingInput[],
  submissionId: string | null,
  now: Date,
): Promise<PartnerWritePayload> {
  const today = todayInMoscow(now);
  const meters = new Map(
    (
      await lockMeters(tx, `m."supplier_id" = ? and m."serial_number"`, [
        supplierId,
        [...new Set(readings.map((r) => r.serialNumber))],
      ])
    ).map((m) => [m.serial_number, m]),
  );
  const service = new SubmitService(tx, now);
  const rules = {
    ...(await service.rules(tx, supplierId)),
    maxDaily: null,
    allowZero: true,
    refusePastVerification: false,
  };
  const period = periodFor(today, rules.closingDay);
  const baselines = await service.baselines(tx, [...meters.values()], period);
  const errors: RowError[] = [];
  const accepted: Array<{
    meter: MeterRow;
    zone: ReadingZone;
    scaled: bigint;
    consumption: bigint;
    rollover: boolean;
  }> = [];
  const seen = new Set<string>();
  for (const [index, reading] of readings.entries()) {
    const zone = reading.zone ?? ReadingZone.TOTAL;
    const meter = meters.get(reading.serialNumber);
    if (!meter) {
      errors.push(
        RowError.of(
          index,
          'serialNumber',
          'METER_NOT_FOUND',
          `Счётчик ${reading.serialNumber} у поставщика не найден.`,
        ),
      );
      continue;
    }
    if (seen.has(`${meter.id}|${zone}`)) {
      errors.push(RowError.of(index, 'serialNumber', 'DUPLICATE_ROW', 'Для каждого счётчика и зоны — одно показание.'));
      continue;
    }
    seen.add(`${meter.id}|${zone}`);
    const check = service.check(
      meter,
      zone,
      { value: reading.value, confirmRollover: reading.rollover },
      baselines(meter, zone),
      rules,
    );
    if (!check.ok) errors.push(RowError.of(index, 'value', check.code, check.message));
    else accepted.push({ meter, zone, ...check });
  }
  let payload: PartnerWritePayload;
  if (errors.length) {
    payload = PartnerWritePayload.refused(errors);
  } else {
    let replaced = 0;
    for (const reading of accepted) {
      const previous = await runSql<unknown[]>(
        tx,
        `update "metering"."reading" set "current" = false
            where "meter_id" = ? and "zone" = ? and "period" = ? and "current" returning 1`,
        [reading.meter.id, reading.zone, period],
      );
      replaced += previous.length;
      await runSql(
        tx,
        `insert into "metering"."reading" ("meter_id", "supplier_id", "zone", "value", "period", "source",
             "submission_id", "current", "consumption", "rollover", "submitted_at")
           values (?, ?, ?, ?, ?, 'INSPECTOR', ?, true, ?, ?, ?)`,
        [
          reading.meter.id,
          supplierId,
          reading.zone,
          formatScaled(reading.scaled),
          period,
          submissionId,
          formatScaled(reading.consumption),
          reading.rollover,
          now,
        ],
      );
    }
    payload = PartnerWritePayload.done(accepted.length, accepted.length - replaced, replaced);
  }
  return payload;
}
