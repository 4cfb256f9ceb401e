// What is due on an account: the debt of the supplier's last balance, less what was paid online after accounts
// recorded that balance (the billing posts exported payments before it sends a new balance, so later ones are not
// in it yet). The one place this rule is stated in payments: startPayment (DEBT) and the account page both read it
// here; the accounts subgraph applies the same rule to its QR code and notice (accounts/personal-account/
// online-payments.ts), from the `payment.succeeded` / `payment.refunded` events published in status.ts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';
import { AmountDue } from './payment.types.js';

export async function amountDue(em: EntityManager, accountIds: readonly string[]): Promise<AmountDue[]> {
  const rows = await runSql<
    Array<{ id: string; balance_kopecks: string | null; balance_as_of: string | null; unposted: string }>
  >(
    em,
    `select i."id", a."balance_kopecks", to_char(a."balance_as_of", 'YYYY-MM-DD') as "balance_as_of",
            coalesce((select sum(p."amount_kopecks" - p."refunded_kopecks") from "payments"."payment" p
                       where p."account_id" = i."id" and p."status" in ('SUCCEEDED', 'REFUNDED')
                         and (a."balance_at" is null or p."succeeded_at" > a."balance_at")), 0) as "unposted"
       from (select "value"::uuid as "id" from jsonb_array_elements_text(?::jsonb)) i
       left join "payments"."account" a on a."id" = i."id"`,
    [JSON.stringify(accountIds)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return accountIds.map((id) => {
    const row = byId.get(id);
    const balance = row?.balance_kopecks == null ? null : Number(row.balance_kopecks);
    const debt = balance === null ? null : Math.max(0, balance);
    const unposted = Number(row?.unposted ?? 0);
    // Paid beyond the debt: an overpayment in the balance itself, plus online payments beyond what it asked for.
    const left = (balance ?? 0) - unposted;
    return Object.assign(new AmountDue(), {
      debt,
      balanceAsOf: row?.balance_as_of ?? null,
      unposted,
      due: Math.max(0, left),
      advance: Math.max(0, -left),
    });
  });
}
