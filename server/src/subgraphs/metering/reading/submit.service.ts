// Submitting readings: each checked against the supplier's rules, all recorded or none, once per idempotency key.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';
import { oncePerKey } from './idempotency.js';
import { checkShape, recordedSame, refusedAsAWhole, result, revive, submissionHash } from './submission.js';
import { UserError } from '../../../core/user-error.js';
import { addDays, daysBetween, periodFor, todayInMoscow } from '@kabinet/common/calendar';
import {
  METER_COLUMNS,
  MeterZones,
  ReadingSource,
  ReadingZone,
  trimDecimal,
  type MeterRow,
} from '../meter/meter.types.js';
import { chargeKopecks, formatScaled, parseDecimal, SCALE } from '@kabinet/common/decimal';
import { dialDigitsProblem, dialSpan } from '@kabinet/common/dial';
import { readingMessages } from '@kabinet/common/reading-messages';
import type { SubmitReadingsInput } from './reading.inputs.js';
import {
  DEFAULT_MONTHLY_MAXIMUM,
  DEFAULT_PLAUSIBILITY_FACTOR,
  histories,
  isPlausible,
  type History,
  type PlausibilityRules,
} from './plausibility.js';
import { ReadingResult, ReadingStatus, SubmitReadingsPayload } from './reading.payloads.js';
import type { PayloadCode } from '../../../core/payload-codes.js';

/** The code of a reading refused only until the abonent confirms it (the answer says what it would mean). */
export const READING_IMPLAUSIBLE = 'READING_IMPLAUSIBLE';
/** The closing day of a supplier metering has no settings for (the replica's column default too). */
export const DEFAULT_CLOSING_DAY = 25;

export interface Rules {
  maxDaily: bigint | null;
  allowZero: boolean;
  refusePastVerification: boolean;
  closingDay: number;
  plausibility: PlausibilityRules;
}

interface Baseline {
  scaled: bigint;
  /** The day it was taken (Moscow), for consumption per day. */
  on: string;
}

interface Tariff {
  service: string;
  pricePerUnit: number;
  validFrom: string;
  validTo: string | null;
}

export type Check =
  | { ok: true; scaled: bigint; consumption: bigint; rollover: boolean }
  /** `consumption`: what the reading would mean, when it is refused only until the abonent confirms it. */
  | { ok: false; code: PayloadCode; message: string; consumption?: bigint };

export class SubmitService {
  /** The day (Moscow) readings are taken on: it decides their period, tariff and consumption per day. */
  private readonly today: string;

  constructor(
    private readonly em: EntityManager,
    /** When the readings are submitted (the request's clock): their submitted_at and their day. */
    private readonly now = new Date(),
  ) {
    this.today = todayInMoscow(now);
  }

  async submit(
    abonentId: string,
    input: SubmitReadingsInput,
    source: ReadingSource.ABONENT | ReadingSource.PAYMENT = ReadingSource.ABONENT,
  ): Promise<SubmitReadingsPayload> {
    const shape = checkShape(input);
    if (shape) return refusedAsAWhole([shape]);

    return this.em.transactional((tx) =>
      oncePerKey(tx, abonentId, input.idempotencyKey, submissionHash(input), {
        run: (submissionId) => this.evaluate(tx, abonentId, input, submissionId, source),
        // Only a recorded submission keeps its key: after any refusal the corrected readings may be sent with it.
        keep: (payload) => payload.ok,
        revive,
        recordedSame: (submissionId) => recordedSame(tx, submissionId, input),
        reused: () =>
          refusedAsAWhole([
            UserError.of(
              'idempotencyKey',
              'IDEMPOTENCY_KEY_REUSED',
              'С этим ключом уже приняты другие показания: для новой отправки нужен новый ключ.',
            ),
          ]),
      }),
    );
  }

  private async evaluate(
    tx: EntityManager,
    abonentId: string,
    input: SubmitReadingsInput,
    submissionId: string | null,
    source: ReadingSource,
  ): Promise<SubmitReadingsPayload> {
    const [account] = await runSql<Array<{ supplier_id: string; tariffs: Tariff[] }>>(
      tx,
      `select a."supplier_id", a."tariffs" from "metering"."account" a
        where a."id" = ? and exists (select 1 from "metering"."account_access" x
          where x."account_id" = a."id" and x."abonent_id" = ? and x."linked")`,
      [input.accountId, abonentId],
    );
    if (!account) {
      return refusedAsAWhole([
        UserError.of(
          'accountId',
          'ACCOUNT_NOT_LINKED',
          'Лицевой счёт не подключён к Вашему Личному кабинету (если Вы только что подключили его, повторите через несколько секунд).',
        ),
      ]);
    }

    const meterIds = [...new Set(input.readings.map((r) => r.meterId))];
    const meters = new Map(
      (
        await lockMeters(tx, `m."account_id" = ? and m."status" = 'ACTIVE' and m."id"::text`, [
          input.accountId,
          meterIds,
        ])
      ).map((m) => [m.id, m]),
    );
    const rules = await this.rules(tx, account.supplier_id);
    const period = periodFor(this.today, rules.closingDay);
    const price = currentPrice(account.tariffs, this.today);

    const baselines = await this.baselines(tx, [...meters.values()], period);
    const history = await histories(tx, [...meters.keys()], period);
    const checks: Array<{ reading: (typeof input.readings)[number]; zone: ReadingZone; check: Check }> = [];
    for (const reading of input.readings) {
      const zone = reading.zone ?? ReadingZone.TOTAL;
      const meter = meters.get(reading.meterId);
      if (!meter) {
        checks.push({ reading, zone, check: refuse('METER_NOT_FOUND', 'Такого счётчика на этом лицевом счёте нет.') });
        continue;
      }
      const baseline = baselines(meter, zone);
      const check = this.check(meter, zone, reading, baseline, rules);
      checks.push({
        reading,
        zone,
        check: reading.confirmImplausible ? check : this.plausible(check, baseline, history(meter.id, zone), rules),
      });
    }
    const allValid = checks.every((c) => c.check.ok);
    const results: ReadingResult[] = [];
    for (const { reading, zone, check } of checks) {
      if (!check.ok) {
        const consumption = check.consumption;
        results.push(
          result(reading.meterId, zone, ReadingStatus.REFUSED, {
            code: check.code,
            message: check.message,
            ...(consumption === undefined
              ? {}
              : { period, consumption, preview: price === null ? null : chargeKopecks(consumption, price) }),
          }),
        );
        continue;
      }
      const preview = price === null ? null : chargeKopecks(check.consumption, price);
      if (!allValid) {
        results.push(
          result(reading.meterId, zone, ReadingStatus.NOT_RECORDED, {
            period,
            consumption: check.consumption,
            preview,
          }),
        );
        continue;
      }
      const replaced = await runSql<Array<{ id: string }>>(
        tx,
        `update "metering"."reading" set "current" = false
          where "meter_id" = ? and "zone" = ? and "period" = ? and "current" returning "id"`,
        [reading.meterId, zone, period],
      );
      const [inserted] = await runSql<Array<{ id: string }>>(
        tx,
        `insert into "metering"."reading" ("meter_id", "supplier_id", "zone", "value", "period", "source", "abonent_id",
           "submission_id", "current", "consumption", "rollover", "submitted_at")
         values (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?) returning "id"`,
        [
          reading.meterId,
          account.supplier_id,
          zone,
          formatScaled(check.scaled),
          period,
          source,
          abonentId,
          submissionId,
          formatScaled(check.consumption),
          check.rollover,
          this.now,
        ],
      );
      results.push(
        result(reading.meterId, zone, ReadingStatus.ACCEPTED, {
          period,
          consumption: check.consumption,
          preview,
          replacedEarlier: replaced.length > 0,
          readingId: inserted!.id,
        }),
      );
    }
    return Object.assign(new SubmitReadingsPayload(), {
      ok: allValid,
      errors: [],
      results,
      period: period.slice(0, 7),
      afterClosingDay: Number(this.today.slice(8, 10)) > rules.closingDay,
    });
  }

  /**
   * What new readings of `period` are compared with, for all these meters in one statement: per meter and zone, the
   * latest accepted reading of an earlier period, else the meter's initial value. (`Meter.comparisonReadings` shows
   * the same to the web client.)
   */
  async baselines(
    tx: EntityManager,
    meters: MeterRow[],
    period: string,
  ): Promise<(meter: MeterRow, zone: ReadingZone) => Baseline> {
    const rows = meters.length
      ? await runSql<Array<{ meter_id: string; zone: ReadingZone; value: string; on: string }>>(
          tx,
          `select distinct on (r."meter_id", r."zone") r."meter_id", r."zone", r."value"::text as "value",
                  to_char(r."submitted_at" at time zone 'Europe/Moscow', 'YYYY-MM-DD') as "on"
             from "metering"."reading" r
            where r."meter_id" in (?) and r."current" and r."period" < ?
            order by r."meter_id", r."zone", r."period" desc`,
          [meters.map((m) => m.id), period],
        )
      : [];
    const previous = new Map(rows.map((r) => [`${r.meter_id}|${r.zone}`, r]));
    return (meter, zone) => {
      const found = previous.get(`${meter.id}|${zone}`);
      if (found) return { scaled: parseDecimal(trimDecimal(found.value))!.scaled, on: found.on };
      return {
        scaled: parseDecimal(trimDecimal(meter.initial_value))!.scaled,
        on: meter.installed_on ?? addDays(this.today, -30),
      };
    };
  }

  /**
   * An abonent's reading that passed the rules, unless it looks like a typo: a rollover, or a consumption far above
   * the meter's own (see plausibility.ts). Those are refused with what they would mean, until confirmed.
   */
  plausible(check: Check, baseline: Baseline, history: History | null, rules: Rules): Check {
    if (!check.ok) return check;
    const consumption = formatScaled(check.consumption);
    if (check.rollover) {
      return {
        ok: false,
        code: READING_IMPLAUSIBLE,
        message: readingMessages.rolloverToConfirm(consumption),
        consumption: check.consumption,
      };
    }
    if (isPlausible(check.consumption, daysBetween(baseline.on, this.today), history, rules.plausibility)) return check;
    return {
      ok: false,
      code: READING_IMPLAUSIBLE,
      message: readingMessages.implausible(consumption),
      consumption: check.consumption,
    };
  }

  check(
    meter: MeterRow,
    zone: ReadingZone,
    reading: { value: string; confirmRollover?: boolean | null },
    baseline: Baseline,
    rules: Rules,
  ): Check {
    const zones = meter.zones === MeterZones.DAY_NIGHT ? [ReadingZone.DAY, ReadingZone.NIGHT] : [ReadingZone.TOTAL];
    if (!zones.includes(zone)) {
      return refuse('ZONE_INVALID', `У этого счётчика ${zones.length > 1 ? 'зоны «день» и «ночь»' : 'одна зона'}.`);
    }
    if (rules.refusePastVerification && meter.next_verification_on && meter.next_verification_on < this.today) {
      const date = meter.next_verification_on.split('-').reverse().join('.');
      return refuse('METER_VERIFICATION_EXPIRED', readingMessages.verificationExpired(date));
    }
    const value = parseDecimal(reading.value ?? '');
    if (!value) return refuse('VALUE_INVALID', readingMessages.valueInvalid);
    const digits = dialDigitsProblem(value.whole, value.fraction, {
      integerDigits: meter.integer_digits,
      fractionDigits: meter.fraction_digits,
    });
    if (digits) return refuse(digits.code, digits.message);
    const dialMax = dialSpan({ integerDigits: meter.integer_digits, fractionDigits: meter.fraction_digits }, SCALE);
    let consumption = value.scaled - baseline.scaled;
    let rollover = false;
    if (consumption < 0n) {
      if (!reading.confirmRollover) {
        return refuse('READING_BELOW_PREVIOUS', readingMessages.belowPrevious(formatScaled(baseline.scaled)));
      }
      consumption += dialMax;
      rollover = true;
    }
    if (consumption === 0n && !rules.allowZero) {
      return refuse('ZERO_CONSUMPTION', readingMessages.zeroConsumption);
    }
    if (rules.maxDaily !== null) {
      const days = BigInt(daysBetween(baseline.on, this.today));
      if (consumption > rules.maxDaily * days) {
        return refuse(
          'CONSUMPTION_TOO_HIGH',
          readingMessages.consumptionTooHigh(formatScaled(consumption), Number(days), formatScaled(rules.maxDaily)),
        );
      }
    }
    return { ok: true, scaled: value.scaled, consumption, rollover };
  }

  async rules(tx: EntityManager, supplierId: string): Promise<Rules> {
    const [row] = await runSql<
      Array<{
        max_daily_consumption: string | null;
        allow_zero_consumption: boolean | null;
        refuse_past_verification: boolean | null;
        reading_closing_day: number | null;
        plausibility_factor: number | null;
        monthly_maximum: string | null;
      }>
    >(
      tx,
      `select r."max_daily_consumption"::text as "max_daily_consumption", r."allow_zero_consumption",
              r."refuse_past_verification", s."reading_closing_day", r."plausibility_factor",
              r."monthly_maximum"::text as "monthly_maximum"
         from (select ?::uuid as "supplier_id") k
         left join "metering"."reading_rules" r on r."supplier_id" = k."supplier_id"
         left join "metering"."supplier_settings" s on s."supplier_id" = k."supplier_id"`,
      [supplierId],
    );
    return {
      maxDaily: row?.max_daily_consumption ? parseDecimal(trimDecimal(row.max_daily_consumption))!.scaled : null,
      allowZero: row?.allow_zero_consumption ?? true,
      refusePastVerification: row?.refuse_past_verification ?? true,
      closingDay: row?.reading_closing_day ?? DEFAULT_CLOSING_DAY,
      plausibility: {
        factor: row?.plausibility_factor ?? DEFAULT_PLAUSIBILITY_FACTOR,
        monthlyMaximum: parseDecimal(trimDecimal(row?.monthly_maximum ?? DEFAULT_MONTHLY_MAXIMUM))!.scaled,
      },
    };
  }
}

/** The price of the gas supply tariff valid today (kopecks per m³), if the account has one. */
function currentPrice(tariffs: Tariff[], today: string): number | null {
  const valid = tariffs.filter((t) => t.validFrom <= today && (t.validTo === null || t.validTo >= today));
  return valid.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]?.pricePerUnit ?? null;
}

function refuse(code: PayloadCode, message: string): Check {
  return { ok: false, code, message };
}

/**
 * Meters matching `where` (ending in an `in` over a JSON array given as the last parameter), locked for the rest of
 * the transaction: submissions for one meter take turns, so exactly one reading per period stays current.
 */
export function lockMeters(tx: EntityManager, where: string, params: [...unknown[], unknown[]]): Promise<MeterRow[]> {
  const list = params[params.length - 1] as unknown[];
  return runSql<MeterRow[]>(
    tx,
    `select ${METER_COLUMNS} from "metering"."meter" m
      where ${where} in (select jsonb_array_elements_text(?::jsonb)) order by m."id" for update`,
    [...params.slice(0, -1), JSON.stringify(list)],
  );
}
