// The copy of the accounts subgraph's facts that another subgraph keeps (metering, payments), in tables of the
// same shape in its own schema: `account` (id, supplier_id, number, …) and `account_access`. Deliveries may repeat
// and arrive out of order: each write is idempotent and never replaces a newer fact with an older one.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountAccessChanged, AccountsRegistered } from './events.js';
import { runSql } from './sql.js';

export async function recordAccounts(em: EntityManager, schema: string, event: AccountsRegistered): Promise<void> {
  await runSql(
    em,
    `insert into "${schema}"."account" ("id", "supplier_id", "number")
     select r."id", ?, r."number" from jsonb_to_recordset(?::jsonb) as r("id" uuid, "number" text)
     on conflict do nothing`,
    [event.supplierId, JSON.stringify(event.accounts)],
  );
}

export async function recordAccess(em: EntityManager, schema: string, event: AccountAccessChanged): Promise<void> {
  await runSql(
    em,
    `insert into "${schema}"."account_access" ("abonent_id", "account_id", "linked", "changed_at") values (?, ?, ?, ?)
     on conflict ("abonent_id", "account_id") do update set "linked" = excluded."linked", "changed_at" = excluded."changed_at"
       where "account_access"."changed_at" < excluded."changed_at"`,
    [event.abonentId, event.accountId, event.linked, event.at],
  );
}
