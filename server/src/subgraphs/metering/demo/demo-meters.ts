// The demo meters (DEMO_DATA) of the accounts subgraph's demo accounts, with a year of monthly readings. They are
// written when metering learns of those accounts (the accounts event), since only then does it know their ids.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountsRegistered } from '../../../core/events.js';
import { runSql } from '../../../core/sql.js';
import { addDays, addMonths } from '@kabinet/common/calendar';
import { formatScaled, parseDecimal } from '@kabinet/common/decimal';

interface DemoMeter {
  serialNumber: string;
  zones: 'SINGLE' | 'DAY_NIGHT';
  installedOn: string;
  /** Days from the seeding day to the next verification (negative: already past). */
  verificationInDays: number;
  /** The dial a year ago, and m³ per month (January first). */
  start: string;
  monthly: readonly number[];
}

const WINTER_HEAVY = [21.4, 19.8, 16.2, 11.5, 7.3, 5.1, 4.6, 4.8, 6.9, 10.7, 15.3, 19.6];

/** By demo account number (see the accounts subgraph's demo data and the README). */
export const DEMO_METERS: Readonly<Record<string, readonly DemoMeter[]>> = {
  '702062012': [
    {
      serialNumber: 'G4-0418237',
      zones: 'SINGLE',
      installedOn: '2019-03-15',
      verificationInDays: 900,
      start: '1045.318',
      monthly: WINTER_HEAVY,
    },
  ],
  '702062013': [
    {
      serialNumber: 'G6-1187003',
      zones: 'DAY_NIGHT',
      installedOn: '2021-06-01',
      verificationInDays: 30,
      start: '612.05',
      monthly: WINTER_HEAVY,
    },
  ],
  '3600123456': [
    // Past its verification date: readings are refused until the supplier verifies it.
    {
      serialNumber: 'BK-G4-7723110',
      zones: 'SINGLE',
      installedOn: '2014-01-20',
      verificationInDays: -40,
      start: '8812.4',
      monthly: WINTER_HEAVY,
    },
  ],
  '4000111222': [
    {
      serialNumber: 'G4-5590126',
      zones: 'SINGLE',
      installedOn: '2022-09-09',
      verificationInDays: 1200,
      start: '301.9',
      monthly: WINTER_HEAVY,
    },
  ],
};

export async function seedDemoMeters(
  em: EntityManager,
  event: AccountsRegistered,
  /** The seeding day (Moscow): the year of readings ends the month before it. */
  today: string,
): Promise<void> {
  for (const account of event.accounts) {
    for (const demo of DEMO_METERS[account.number] ?? []) {
      await em.transactional(async (tx) => {
        const [meter] = await runSql<Array<{ id: string }>>(
          tx,
          `insert into "metering"."meter" ("account_id", "supplier_id", "serial_number", "zones", "integer_digits",
             "fraction_digits", "initial_value", "installed_on", "next_verification_on")
           values (?, ?, ?, ?, 5, 3, ?, ?, ?) on conflict do nothing returning "id"`,
          [
            account.id,
            event.supplierId,
            demo.serialNumber,
            demo.zones,
            demo.start,
            demo.installedOn,
            addDays(today, demo.verificationInDays),
          ],
        );
        if (!meter) return;
        const zones = demo.zones === 'DAY_NIGHT' ? (['DAY', 'NIGHT'] as const) : (['TOTAL'] as const);
        for (const zone of zones) {
          let value = parseDecimal(demo.start)!.scaled;
          for (let back = 12; back >= 1; back--) {
            const period = `${addMonths(today.slice(0, 7), -back)}-01`;
            const month = Number(period.slice(5, 7));
            const share = zones.length === 1 ? 1 : zone === 'DAY' ? 0.7 : 0.3;
            const consumption = BigInt(Math.round(demo.monthly[month - 1]! * share * 1000)) * 100n;
            value += consumption;
            await runSql(
              tx,
              `insert into "metering"."reading" ("meter_id", "supplier_id", "zone", "value", "period", "submitted_at",
                 "source", "current", "consumption")
               values (?, ?, ?, ?, ?, (?::date + interval '19 days 9 hours'), 'BILLING', true, ?)`,
              [meter.id, event.supplierId, zone, formatScaled(value), period, period, formatScaled(consumption)],
            );
          }
        }
      });
    }
  }
}
