// Per-request batching of account reads: whatever the number of accounts on a page, one statement per kind of data.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../../../core/group-by.js';
import { readRows, runSql, statement } from '../../../core/sql.js';
import { uuidsOf } from '../../../core/uuid.js';
import type { Caller } from '../../../core/caller.js';
import {
  ACCOUNT_COLUMNS,
  Charge,
  Tariff,
  toPersonalAccount,
  type AccountRow,
  type PersonalAccount,
} from './personal-account.types.js';

/**
 * `primeSupplier` receives the supplier row (column names) of each account `accountsByAbonent` reads: the
 * dashboard asks for the supplier of every account it lists.
 */
/** The dashboard's first read: the abonent's accounts with their suppliers. */
const ACCOUNTS_BY_ABONENT = statement(
  `select l."abonent_id", ${ACCOUNT_COLUMNS}, row_to_json(s) as "supplier"
     from "accounts"."account_link" l join "accounts"."personal_account" a on a."id" = l."account_id"
     join "accounts"."supplier" s on s."id" = a."supplier_id"
    where l."abonent_id" = any($1::uuid[]) order by l."created_at", a."number"`,
);

export function createAccountLoaders(
  em: EntityManager,
  caller: Caller,
  primeSupplier: (row: Record<string, unknown>) => void = () => {},
) {
  const connection = { execute: <T = any[]>(query: string, params: unknown[]) => runSql<T>(em, query, params) };
  const chargeLoaders = new Map<string, DataLoader<string, Charge[]>>();

  return {
    /** The accounts an abonent has linked, oldest link first. */
    accountsByAbonent: new DataLoader<string, PersonalAccount[]>(async (abonentIds) => {
      const ids = uuidsOf(abonentIds);
      const rows = ids.length
        ? await readRows<AccountRow & { abonent_id: string; supplier: Record<string, unknown> }>(
            em,
            ACCOUNTS_BY_ABONENT,
            [ids],
          )
        : [];
      const primed = new Set<string>();
      for (const row of rows) {
        if (!primed.has(row.supplier_id)) primeSupplier(row.supplier);
        primed.add(row.supplier_id);
      }
      const byAbonent = groupBy(rows, (r) => r.abonent_id, toPersonalAccount);
      return abonentIds.map((id) => byAbonent.get(id) ?? []);
    }),

    /**
     * An account by id, if the caller may see it: an abonent the accounts they linked, a partner with
     * `accounts:read` its supplier's accounts; null for anything else (as if it did not exist).
     */
    visibleAccountById: new DataLoader<string, PersonalAccount | null>(async (accountIds) => {
      const ids = uuidsOf(accountIds);
      let rows: AccountRow[] = [];
      if (ids.length && caller.kind === 'abonent' && caller.emailConfirmed) {
        rows = await connection.execute(
          `select ${ACCOUNT_COLUMNS} from "accounts"."personal_account" a
            where a."id" in (?) and exists (select 1 from "accounts"."account_link" l
                                             where l."account_id" = a."id" and l."abonent_id" = ?)`,
          [ids, caller.abonentId],
        );
      } else if (ids.length && caller.kind === 'partner' && caller.scopes.includes('accounts:read')) {
        rows = await connection.execute(
          `select ${ACCOUNT_COLUMNS} from "accounts"."personal_account" a where a."id" in (?) and a."supplier_id" = ?`,
          [ids, caller.supplierId],
        );
      }
      const byId = new Map(rows.map((r) => [r.id, toPersonalAccount(r)]));
      return accountIds.map((id) => byId.get(id) ?? null);
    }),

    /** Tariffs of each account: by service, newest period first. */
    tariffsByAccount: new DataLoader<string, Tariff[]>(async (accountIds) => {
      const rows: Array<{
        account_id: string;
        service: string;
        price_kopecks: number;
        unit: string;
        valid_from: string;
        valid_to: string | null;
      }> = await connection.execute(
        `select "account_id", "service", "price_kopecks", "unit", "valid_from", "valid_to" from "accounts"."tariff"
          where "account_id" in (?) order by "service", "valid_from" desc`,
        [uuidsOf(accountIds)],
      );
      const byAccount = groupBy(
        rows,
        (r) => r.account_id,
        (r) =>
          Object.assign(new Tariff(), {
            service: r.service,
            pricePerUnit: r.price_kopecks,
            unit: r.unit,
            validFrom: r.valid_from,
            validTo: r.valid_to,
          }),
      );
      return accountIds.map((id) => byAccount.get(id) ?? []);
    }),

    /** Charges of each account for the months from…to (first days of months), newest first. */
    chargesByAccount(from: string, to: string): DataLoader<string, Charge[]> {
      const key = `${from}|${to}`;
      let loader = chargeLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<string, Charge[]>(async (accountIds) => {
          const rows: Array<{ account_id: string; month: string; volume: string; amount_kopecks: string }> =
            await connection.execute(
              `select "account_id", "month", "volume"::text as "volume", "amount_kopecks" from "accounts"."charge"
                where "account_id" in (?) and "month" between ?::date and ?::date order by "month" desc`,
              [uuidsOf(accountIds), from, to],
            );
          const byAccount = groupBy(
            rows,
            (r) => r.account_id,
            (r) =>
              Object.assign(new Charge(), {
                month: r.month.slice(0, 7),
                volume: r.volume,
                amount: Number(r.amount_kopecks),
              }),
          );
          return accountIds.map((id) => byAccount.get(id) ?? []);
        });
        chargeLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
