// A supplier's reading rules: read with their defaults, changed by its partner app.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { trimDecimal } from '../meter/meter.types.js';
import { parseDecimal } from '@kabinet/common/decimal';
import type { ReadingRulesInput } from './reading-rules.inputs.js';
import { ReadingRules, UpdateReadingRulesPayload } from './reading-rules.payloads.js';

export async function readingRulesOf(em: EntityManager, supplierId: string): Promise<ReadingRules> {
  const [row] = await runSql<
    Array<{ max_daily_consumption: string | null; allow_zero_consumption: boolean; refuse_past_verification: boolean }>
  >(
    em,
    `select "max_daily_consumption"::text as "max_daily_consumption", "allow_zero_consumption", "refuse_past_verification"
       from "metering"."reading_rules" where "supplier_id" = ?`,
    [supplierId],
  );
  return Object.assign(new ReadingRules(), {
    maxDailyConsumption: row?.max_daily_consumption ? trimDecimal(row.max_daily_consumption) : null,
    allowZeroConsumption: row?.allow_zero_consumption ?? true,
    refusePastVerification: row?.refuse_past_verification ?? true,
  });
}

export async function updateReadingRules(
  em: EntityManager,
  supplierId: string,
  input: ReadingRulesInput,
): Promise<UpdateReadingRulesPayload> {
  const current = await readingRulesOf(em, supplierId);
  let max = current.maxDailyConsumption;
  if (input.maxDailyConsumption != null) {
    const parsed = input.maxDailyConsumption.trim() === '' ? null : parseDecimal(input.maxDailyConsumption);
    if (input.maxDailyConsumption.trim() !== '' && (!parsed || parsed.scaled <= 0n || parsed.fraction.length > 3)) {
      return failed(
        UpdateReadingRulesPayload,
        [
          UserError.of(
            'maxDailyConsumption',
            'LIMIT_INVALID',
            'Предел расхода — положительное число м³ в день, до 3 знаков после точки.',
          ),
        ],
        { rules: null },
      );
    }
    max = parsed?.text ?? null;
  }
  const rules = Object.assign(new ReadingRules(), {
    maxDailyConsumption: max,
    allowZeroConsumption: input.allowZeroConsumption ?? current.allowZeroConsumption,
    refusePastVerification: input.refusePastVerification ?? current.refusePastVerification,
  });
  await runSql(
    em,
    `insert into "metering"."reading_rules" ("supplier_id", "max_daily_consumption", "allow_zero_consumption",
       "refuse_past_verification") values (?, ?, ?, ?)
     on conflict ("supplier_id") do update set "max_daily_consumption" = excluded."max_daily_consumption",
       "allow_zero_consumption" = excluded."allow_zero_consumption",
       "refuse_past_verification" = excluded."refuse_past_verification"`,
    [supplierId, rules.maxDailyConsumption, rules.allowZeroConsumption, rules.refusePastVerification],
  );
  return succeeded(UpdateReadingRulesPayload, { rules });
}
