// Online payments as the accounts subgraph knows them (from payments' `payment.succeeded` / `payment.refunded`),
// and what they take off the balance the QR code and the notice ask for.
//
// Why a copy here rather than asking payments: the QR code and the notice are accounts' fields (the bank details
// and the printed form are accounts' data), a subgraph never reads another's tables, and `@requires` on
// payments' `amountDue` would make each QR code and notice a second trip through the gateway for one number.
// The rule is the same as payments' `amountDue`: a payment counts until a balance recorded after it arrives
// (the billing posts exported payments before it sends a new balance).
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { PaymentSettled } from '../../../core/events.js';
import { runSql } from '../../../core/sql.js';
import { uuidsOf } from '../../../core/uuid.js';

/** Records a payment's success or refund; deliveries may repeat or come out of order, and a refund only grows. */
export async function recordOnlinePayment(em: EntityManager, event: PaymentSettled): Promise<void> {
  await runSql(
    em,
    `insert into "accounts"."online_payment"
       ("payment_id", "account_id", "amount_kopecks", "refunded_kopecks", "succeeded_at", "changed_at")
     select ?, a."id", ?, ?, ?, ? from "accounts"."personal_account" a where a."id" = ?
     on conflict ("payment_id") do update
       set "refunded_kopecks" = greatest("online_payment"."refunded_kopecks", excluded."refunded_kopecks"),
           "changed_at" = greatest("online_payment"."changed_at", excluded."changed_at")`,
    [event.paymentId, event.amountKopecks, event.refundedKopecks, event.succeededAt, event.at, event.accountId],
  );
}

/** Kopecks paid online (net of refunds) after each account's balance was recorded. */
export function createUnpostedLoader(em: EntityManager): DataLoader<string, number> {
  return new DataLoader<string, number>(async (accountIds) => {
    const ids = uuidsOf(accountIds);
    const rows = ids.length
      ? await runSql<Array<{ account_id: string; unposted: string }>>(
          em,
          `select p."account_id", sum(p."amount_kopecks" - p."refunded_kopecks") as "unposted"
             from "accounts"."online_payment" p
             join "accounts"."personal_account" a on a."id" = p."account_id"
            where p."account_id" in (select "value"::uuid from jsonb_array_elements_text(?::jsonb))
              and (a."balance_recorded_at" is null or p."succeeded_at" > a."balance_recorded_at")
            group by p."account_id"`,
          [JSON.stringify(ids)],
        )
      : [];
    const byId = new Map(rows.map((r) => [r.account_id, Number(r.unposted)]));
    return accountIds.map((id) => byId.get(id) ?? 0);
  });
}
