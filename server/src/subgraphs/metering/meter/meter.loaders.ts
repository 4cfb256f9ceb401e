// Per-request batching of meter and reading reads: one statement per kind of data, whatever the page holds.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Caller } from '../../../core/caller.js';
import { groupBy } from '../../../core/group-by.js';
import { readRows, runSql, statement } from '../../../core/sql.js';
import { uuidsOf } from '../../../core/uuid.js';
import { DEFAULT_CLOSING_DAY } from '../reading/submit.service.js';
import {
  METER_COLUMNS,
  READING_COLUMNS,
  toMeter,
  toReading,
  ComparisonReading,
  MonthlyConsumption,
  ReadingZone,
  trimDecimal,
  type Meter,
  type MeterRow,
  type Reading,
  type ReadingRow,
} from './meter.types.js';

/** The last accepted reading of each zone of a meter (add the meters' condition, then the order). */
const LAST_READINGS = `select distinct on (r."meter_id", r."zone") ${READING_COLUMNS} from "metering"."reading" r where r."current"`;
const LAST_READINGS_ORDER = `order by r."meter_id", r."zone", r."period" desc, r."submitted_at" desc`;

const LAST_READINGS_BY_METER = statement(`${LAST_READINGS} and r."meter_id" = any($1::uuid[]) ${LAST_READINGS_ORDER}`);

const METERS_BY_ACCOUNT = statement(
  `select ${METER_COLUMNS}, coalesce((
            select json_agg(x) from (${LAST_READINGS} and r."meter_id" = m."id" ${LAST_READINGS_ORDER}) x
          ), '[]') as "last_readings"
     from "metering"."meter" m
    where m."account_id" = any($1::uuid[]) and m."status" = 'ACTIVE' order by m."serial_number"`,
);

export function createMeterLoaders(em: EntityManager, caller: Caller, today: string) {
  const readingLoaders = new Map<number, DataLoader<string, Reading[]>>();
  const consumptionLoaders = new Map<string, DataLoader<string, MonthlyConsumption[]>>();
  /** The current (accepted) reading of each meter's zones in the latest period, one per zone. */
  const lastReadingsByMeter = new DataLoader<string, Reading[]>(async (meterIds) => {
    const rows = await readRows<ReadingRow>(em, LAST_READINGS_BY_METER, [uuidsOf(meterIds)]);
    const byMeter = groupBy(rows, (r) => r.meter_id, toReading);
    return meterIds.map((id) => byMeter.get(id) ?? []);
  });
  return {
    lastReadingsByMeter,
    /**
     * Active meters of each account, by serial number. Their last readings come in the same statement and prime
     * `lastReadingsByMeter`: a page that lists meters shows their last readings (the dashboard, the meter cards).
     */
    metersByAccount: new DataLoader<string, Meter[]>(async (accountIds) => {
      const rows = await readRows<MeterRow & { last_readings: ReadingRow[] }>(em, METERS_BY_ACCOUNT, [
        uuidsOf(accountIds),
      ]);
      for (const row of rows) lastReadingsByMeter.prime(row.id, row.last_readings.map(toReading));
      const byAccount = groupBy(rows, (r) => r.account_id, toMeter);
      return accountIds.map((id) => byAccount.get(id) ?? []);
    }),

    /**
     * A meter by id for another subgraph's reference, if the caller may see it: an abonent with access to its
     * account (metering's copy of the links), a partner of its supplier with `readings:read`.
     */
    visibleMeterById: new DataLoader<string, Meter | null>(async (ids) => {
      const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      let rows: MeterRow[] = [];
      if (valid.length && caller.kind === 'abonent' && caller.emailConfirmed) {
        rows = await runSql<MeterRow[]>(
          em,
          `select ${METER_COLUMNS} from "metering"."meter" m
            where m."id" in (?) and exists (select 1 from "metering"."account_access" x
              where x."account_id" = m."account_id" and x."abonent_id" = ? and x."linked")`,
          [valid, caller.abonentId],
        );
      } else if (valid.length && caller.kind === 'partner' && caller.scopes.includes('readings:read')) {
        rows = await runSql<MeterRow[]>(
          em,
          `select ${METER_COLUMNS} from "metering"."meter" m where m."id" in (?) and m."supplier_id" = ?`,
          [valid, caller.supplierId],
        );
      }
      const byId = new Map(rows.map((r) => [r.id, toMeter(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Each account's consumption per month since `since` (a first day), oldest first: its meters' accepted readings. */
    consumptionByAccount(since: string): DataLoader<string, MonthlyConsumption[]> {
      let loader = consumptionLoaders.get(since);
      if (!loader) {
        loader = new DataLoader<string, MonthlyConsumption[]>(async (accountIds) => {
          const rows = await runSql<Array<{ account_id: string; period: string; volume: string }>>(
            em,
            `select m."account_id", r."period", sum(r."consumption")::text as "volume"
               from "metering"."reading" r join "metering"."meter" m on m."id" = r."meter_id"
              where m."account_id" in (?) and r."current" and r."period" >= ?::date and r."consumption" is not null
              group by m."account_id", r."period" order by r."period"`,
            [[...accountIds], since],
          );
          const byAccount = groupBy(
            rows,
            (r) => r.account_id,
            (r) =>
              Object.assign(new MonthlyConsumption(), { month: r.period.slice(0, 7), volume: trimDecimal(r.volume) }),
          );
          return accountIds.map((id) => byAccount.get(id) ?? []);
        });
        consumptionLoaders.set(since, loader);
      }
      return loader;
    },

    /**
     * What a reading sent `today` is compared with, per meter and zone: the latest accepted reading of an earlier
     * period than the one it counts for (by the supplier's closing day), else the installation value. The same rule
     * as `SubmitService.baseline`, for many meters in one statement.
     */
    comparisonByMeter: new DataLoader<string, ComparisonReading[]>(async (meterIds) => {
      const rows = await runSql<
        Array<{ meter_id: string; zone: ReadingZone; value: string; taken_on: string | null; period: string }>
      >(
        em,
        `select m."id" as "meter_id", z."zone", coalesce(b."value", m."initial_value")::text as "value",
                coalesce(b."taken_on", m."installed_on"::text) as "taken_on", to_char(p."period", 'YYYY-MM') as "period"
           from "metering"."meter" m
           left join "metering"."supplier_settings" s on s."supplier_id" = m."supplier_id"
           cross join lateral (select (date_trunc('month', ?::date)
             + case when extract(day from ?::date) > coalesce(s."reading_closing_day", ?)
                    then interval '1 month' else interval '0' end)::date as "period") p
           cross join lateral unnest(case when m."zones" = 'DAY_NIGHT' then array['DAY', 'NIGHT'] else array['TOTAL'] end)
             as z("zone")
           left join lateral (
             select r."value", to_char(r."submitted_at" at time zone 'Europe/Moscow', 'YYYY-MM-DD') as "taken_on"
               from "metering"."reading" r
              where r."meter_id" = m."id" and r."zone" = z."zone" and r."current" and r."period" < p."period"
              order by r."period" desc limit 1
           ) b on true
          where m."id" in (?)`,
        [today, today, DEFAULT_CLOSING_DAY, [...meterIds]],
      );
      const byMeter = groupBy(
        rows,
        (r) => r.meter_id,
        (r) =>
          Object.assign(new ComparisonReading(), {
            zone: r.zone,
            value: trimDecimal(r.value),
            takenOn: r.taken_on,
            period: r.period,
          }),
      );
      return meterIds.map((id) => byMeter.get(id) ?? []);
    }),

    /** The last `count` readings of each meter (every submission, replaced ones too), newest first. */
    readingsByMeter(count: number): DataLoader<string, Reading[]> {
      let loader = readingLoaders.get(count);
      if (!loader) {
        loader = new DataLoader<string, Reading[]>(async (meterIds) => {
          const rows = await runSql<ReadingRow[]>(
            em,
            `select * from (
               select ${READING_COLUMNS},
                      row_number() over (partition by r."meter_id" order by r."submitted_at" desc, r."id") as "n"
                 from "metering"."reading" r where r."meter_id" in (?)
             ) r where r."n" <= ? order by r."submitted_at" desc`,
            [[...meterIds], count],
          );
          const byMeter = groupBy(rows, (r) => r.meter_id, toReading);
          return meterIds.map((id) => byMeter.get(id) ?? []);
        });
        readingLoaders.set(count, loader);
      }
      return loader;
    },
  };
}
