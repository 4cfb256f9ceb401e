// A supplier's reading rules: read with their defaults, changed by its partner app.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { trimDecimal } from '../meter/meter.types.js';
import { parseDecimal } from '@kabinet/common/decimal';
import { DEFAULT_MONTHLY_MAXIMUM, DEFAULT_PLAUSIBILITY_FACTOR } from '../reading/plausibility.js';
import type { ReadingRulesInput } from './reading-rules.inputs.js';
import { ReadingRules, UpdateReadingRulesPayload } from './reading-rules.payloads.js';

interface Row {
  max_daily_consumption: string | null;
  allow_zero_consumption: boolean;
  refuse_past_verification: boolean;
  plausibility_factor: number | null;
  monthly_maximum: string | null;
}

async function storedRules(em: EntityManager, supplierId: string): Promise<Row | undefined> {
  const [row] = await runSql<Row[]>(
    em,
    `select "max_daily_consumption"::text as "max_daily_consumption", "allow_zero_consumption",
            "refuse_past_verification", "plausibility_factor", "monthly_maximum"::text as "monthly_maximum"
       from "metering"."reading_rules" where "supplier_id" = ?`,
    [supplierId],
  );
  return row;
}

export async function readingRulesOf(em: EntityManager, supplierId: string): Promise<ReadingRules> {
  const row = await storedRules(em, supplierId);
  return Object.assign(new ReadingRules(), {
    maxDailyConsumption: row?.max_daily_consumption ? trimDecimal(row.max_daily_consumption) : null,
    allowZeroConsumption: row?.allow_zero_consumption ?? true,
    refusePastVerification: row?.refuse_past_verification ?? true,
    plausibilityFactor: row?.plausibility_factor ?? DEFAULT_PLAUSIBILITY_FACTOR,
    monthlyMaximum: row?.monthly_maximum ? trimDecimal(row.monthly_maximum) : DEFAULT_MONTHLY_MAXIMUM,
  });
}

/** A positive decimal of m³ with up to 3 fraction digits, null for ""; undefined when it is not one. */
function positiveVolume(raw: string): string | null | undefined {
  if (raw.trim() === '') return null;
  const parsed = parseDecimal(raw);
  return parsed && parsed.scaled > 0n && parsed.fraction.length <= 3 && parsed.whole.length <= 7
    ? parsed.text
    : undefined;
}

export async function updateReadingRules(
  em: EntityManager,
  supplierId: string,
  input: ReadingRulesInput,
): Promise<UpdateReadingRulesPayload> {
  const stored = await storedRules(em, supplierId);
  const current = await readingRulesOf(em, supplierId);
  const errors: UserError[] = [];
  let max = current.maxDailyConsumption;
  if (input.maxDailyConsumption != null) {
    const parsed = positiveVolume(input.maxDailyConsumption);
    if (parsed === undefined) {
      errors.push(
        UserError.of(
          'maxDailyConsumption',
          'LIMIT_INVALID',
          'Предел расхода — положительное число м³ в день, до 3 знаков после точки.',
        ),
      );
    } else max = parsed;
  }
  let factor = stored?.plausibility_factor ?? null;
  if (input.plausibilityFactor != null) {
    const given = input.plausibilityFactor;
    if (given !== 0 && (given < 2 || given > 1000)) {
      errors.push(
        UserError.of(
          'plausibilityFactor',
          'LIMIT_INVALID',
          'Кратность среднего расхода — целое число от 2 до 1000 (0 — значение по умолчанию).',
        ),
      );
    } else factor = given === 0 ? null : given;
  }
  let monthly = stored?.monthly_maximum ? trimDecimal(stored.monthly_maximum) : null;
  if (input.monthlyMaximum != null) {
    const parsed = positiveVolume(input.monthlyMaximum);
    if (parsed === undefined) {
      errors.push(
        UserError.of(
          'monthlyMaximum',
          'LIMIT_INVALID',
          'Месячный предел расхода — положительное число м³, до 3 знаков после точки («» — значение по умолчанию).',
        ),
      );
    } else monthly = parsed;
  }
  if (errors.length) return failed(UpdateReadingRulesPayload, errors, { rules: null });
  const rules = Object.assign(new ReadingRules(), {
    maxDailyConsumption: max,
    allowZeroConsumption: input.allowZeroConsumption ?? current.allowZeroConsumption,
    refusePastVerification: input.refusePastVerification ?? current.refusePastVerification,
    plausibilityFactor: factor ?? DEFAULT_PLAUSIBILITY_FACTOR,
    monthlyMaximum: monthly ?? DEFAULT_MONTHLY_MAXIMUM,
  });
  await runSql(
    em,
    `insert into "metering"."reading_rules" ("supplier_id", "max_daily_consumption", "allow_zero_consumption",
       "refuse_past_verification", "plausibility_factor", "monthly_maximum") values (?, ?, ?, ?, ?, ?)
     on conflict ("supplier_id") do update set "max_daily_consumption" = excluded."max_daily_consumption",
       "allow_zero_consumption" = excluded."allow_zero_consumption",
       "refuse_past_verification" = excluded."refuse_past_verification",
       "plausibility_factor" = excluded."plausibility_factor", "monthly_maximum" = excluded."monthly_maximum"`,
    [supplierId, rules.maxDailyConsumption, rules.allowZeroConsumption, rules.refusePastVerification, factor, monthly],
  );
  return succeeded(UpdateReadingRulesPayload, { rules });
}
