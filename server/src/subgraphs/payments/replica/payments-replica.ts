// Keeps payments' copy of the balances and payees current, from the accounts subgraph's events (accounts and
// access: core/account-replica). Newest wins: an older delivery never replaces what a newer one wrote.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BalancesSet, SupplierSettingsChanged } from '../../../core/events.js';
import { runSql } from '../../../core/sql.js';

export async function recordBalances(em: EntityManager, event: BalancesSet): Promise<void> {
  await runSql(
    em,
    `insert into "payments"."account" ("id", "supplier_id", "number", "balance_kopecks", "balance_as_of", "balance_at")
     select r."id", ?, r."number", r."balanceKopecks", r."asOf", ?
       from jsonb_to_recordset(?::jsonb) as r("id" uuid, "number" text, "balanceKopecks" bigint, "asOf" date)
     on conflict ("id") do update
       set "balance_kopecks" = excluded."balance_kopecks", "balance_as_of" = excluded."balance_as_of",
           "balance_at" = excluded."balance_at"
       where "account"."balance_at" is null or "account"."balance_at" < excluded."balance_at"`,
    [event.supplierId, event.at, JSON.stringify(event.accounts)],
  );
}

export async function recordSupplier(em: EntityManager, event: SupplierSettingsChanged): Promise<void> {
  // Deliveries from before payments existed carry no name or payee: nothing to learn from them.
  if (event.supplierName === undefined) return;
  await runSql(
    em,
    `insert into "payments"."supplier" ("id", "name", "payee_name", "payee_inn", "changed_at") values (?, ?, ?, ?, ?)
     on conflict ("id") do update
       set "name" = excluded."name", "payee_name" = excluded."payee_name", "payee_inn" = excluded."payee_inn",
           "changed_at" = excluded."changed_at"
       where "supplier"."changed_at" < excluded."changed_at"`,
    [event.supplierId, event.supplierName, event.payee?.name ?? null, event.payee?.inn ?? null, event.at],
  );
}
