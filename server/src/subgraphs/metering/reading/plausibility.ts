// Whether a reading's consumption is plausible for its meter: far above the meter's own history (or, for a meter
// without one, above the supplier's monthly maximum) it looks like a typo, and is recorded only once the abonent,
// shown what it would mean, confirms it. Inspectors' readings are the supplier's own and are not judged.
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseDecimal } from '@kabinet/common/decimal';
import { runSql } from '../../../core/sql.js';
import { trimDecimal, type ReadingZone } from '../meter/meter.types.js';

/** How many times the meter's average daily consumption a reading may reach unconfirmed (a supplier may change it). */
export const DEFAULT_PLAUSIBILITY_FACTOR = 5;
/** m³ a month a meter without history may reach unconfirmed (a supplier may change it). */
export const DEFAULT_MONTHLY_MAXIMUM = '1000';
/** A history shorter than this says nothing of the meter's own consumption. */
export const MIN_HISTORY_DAYS = 28;
/** A reading a few days after the last one is judged as a month's: a few days say little. */
export const MIN_JUDGED_DAYS = 30;

/** A meter's accepted history: m³ consumed over that many days. */
export interface History {
  consumption: bigint;
  days: number;
}

export interface PlausibilityRules {
  factor: number;
  /** Scaled m³ a month. */
  monthlyMaximum: bigint;
}

/**
 * Whether `consumption` (scaled) over `days` since the last accepted reading is plausible: at most `factor` × the
 * history's average per day, or without a usable history the monthly maximum, both over at least MIN_JUDGED_DAYS.
 */
export function isPlausible(consumption: bigint, days: number, history: History | null, rules: PlausibilityRules) {
  const judged = BigInt(Math.max(days, MIN_JUDGED_DAYS));
  if (history && history.days >= MIN_HISTORY_DAYS && history.consumption > 0n) {
    return consumption * BigInt(history.days) <= BigInt(rules.factor) * history.consumption * judged;
  }
  return consumption * 30n <= rules.monthlyMaximum * judged;
}

/**
 * Per meter and zone, the accepted readings of periods before `period`: the consumption after the first of them
 * and the days from the first to the last (Moscow dates).
 */
export async function histories(
  tx: EntityManager,
  meterIds: string[],
  period: string,
): Promise<(meterId: string, zone: ReadingZone) => History | null> {
  const rows = meterIds.length
    ? await runSql<Array<{ meter_id: string; zone: ReadingZone; consumption: string; days: number }>>(
        tx,
        `select h."meter_id", h."zone", coalesce(sum(h."consumption") filter (where h."n" > 1), 0)::text as "consumption",
                (max(h."on") - min(h."on"))::int as "days"
           from (select r."meter_id", r."zone", r."consumption",
                        (r."submitted_at" at time zone 'Europe/Moscow')::date as "on",
                        row_number() over (partition by r."meter_id", r."zone" order by r."period", r."submitted_at") as "n"
                   from "metering"."reading" r
                  where r."meter_id" in (?) and r."current" and r."period" < ?) h
          group by h."meter_id", h."zone"`,
        [meterIds, period],
      )
    : [];
  const found = new Map(
    rows.map((r) => [
      `${r.meter_id}|${r.zone}`,
      { consumption: parseDecimal(trimDecimal(r.consumption))?.scaled ?? 0n, days: Number(r.days) },
    ]),
  );
  return (meterId, zone) => found.get(`${meterId}|${zone}`) ?? null;
}
