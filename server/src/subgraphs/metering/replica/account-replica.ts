// Keeps metering's copy of the accounts subgraph's facts current, from its events (accounts and access: see
// core/account-replica). Deliveries may repeat and arrive out of order: each write is idempotent and never
// replaces a newer fact with an older one.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupplierSettingsChanged, TariffsSet } from '../../../core/events.js';
import { runSql } from '../../../core/sql.js';

export async function recordTariffs(em: EntityManager, event: TariffsSet): Promise<void> {
  await runSql(
    em,
    `insert into "metering"."account" ("id", "supplier_id", "number", "tariffs", "tariffs_at")
     select r."id", r."supplierId", r."number", r."tariffs", ?
       from jsonb_to_recordset(?::jsonb) as r("id" uuid, "supplierId" uuid, "number" text, "tariffs" jsonb)
     on conflict ("id") do update set "tariffs" = excluded."tariffs", "tariffs_at" = excluded."tariffs_at"
       where "account"."tariffs_at" is null or "account"."tariffs_at" < excluded."tariffs_at"`,
    [event.at, JSON.stringify(event.accounts)],
  );
}

export async function recordSupplierSettings(em: EntityManager, event: SupplierSettingsChanged): Promise<void> {
  await runSql(
    em,
    `insert into "metering"."supplier_settings" ("supplier_id", "reading_closing_day", "changed_at") values (?, ?, ?)
     on conflict ("supplier_id") do update
       set "reading_closing_day" = excluded."reading_closing_day", "changed_at" = excluded."changed_at"
       where "supplier_settings"."changed_at" < excluded."changed_at"`,
    [event.supplierId, event.readingClosingDay, event.at],
  );
}
