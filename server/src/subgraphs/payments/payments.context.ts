// The payments subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { createAccountVisibilityLoader } from '../../core/account-visibility.js';
import type { RequestContext, SubgraphContext, SubgraphDependencies } from '../../core/context.js';
import { groupBy } from '../../core/group-by.js';
import { readRows, runSql, statement } from '../../core/sql.js';
import { uuidsOf } from '../../core/uuid.js';
import { amountDue } from './payment/amount-due.js';
import {
  OnlinePayment,
  Payment,
  PAYMENT_UNAVAILABLE_REASON,
  type AmountDue,
  type PaymentRow,
} from './payment/payment.types.js';

/** The dashboard's payment history: the latest $2 payments of each account. */
const LAST_PAYMENTS = statement(
  `select p.* from unnest($1::uuid[]) as a("id")
     cross join lateral (select * from "payments"."payment" p where p."account_id" = a."id"
                          order by p."created_at" desc limit $2) p`,
);

export function createPaymentsLoaders(em: EntityManager, request: RequestContext, deps: SubgraphDependencies) {
  const viewer = request.caller.kind === 'abonent' ? request.caller.abonentId : null;
  const byLast = new Map<number, DataLoader<string, Payment[]>>();
  return {
    /** Whether the caller may read an account (entity references from the gateway or anyone with an envelope). */
    accountVisible: createAccountVisibilityLoader(em, 'payments', request, deps.subgraphs),

    /** The latest `last` payments of each account (its reference was checked: `accountVisible`). */
    paymentsByAccount(last: number): DataLoader<string, Payment[]> {
      let loader = byLast.get(last);
      if (!loader) {
        loader = new DataLoader<string, Payment[]>(async (accountIds) => {
          const rows = await readRows<PaymentRow>(em, LAST_PAYMENTS, [uuidsOf(accountIds), last]);
          const byAccount = groupBy(
            rows,
            (r) => r.account_id,
            (r) => Payment.fromRow(r, viewer),
          );
          return accountIds.map((id) => byAccount.get(id) ?? []);
        });
        byLast.set(last, loader);
      }
      return loader;
    },

    amountDueByAccount: new DataLoader<string, AmountDue>((accountIds) => amountDue(em, accountIds)),

    /** Whether startPayment would take the account now: payments' copy knows the link, and the supplier's payee. */
    onlinePaymentByAccount: new DataLoader<string, OnlinePayment>(async (accountIds) => {
      const rows = await runSql<Array<{ id: string; payee_name: string | null; linked: boolean }>>(
        em,
        `select a."id", s."payee_name",
                exists (select 1 from "payments"."account_access" x
                         where x."account_id" = a."id" and x."abonent_id" = ? and x."linked") as "linked"
           from "payments"."account" a left join "payments"."supplier" s on s."id" = a."supplier_id"
          where a."id" in (select "value"::uuid from jsonb_array_elements_text(?::jsonb))`,
        [viewer ?? NIL_UUID, JSON.stringify(accountIds)],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return accountIds.map((id) => onlinePayment(byId.get(id), viewer !== null));
    }),
  };
}

export type PaymentsLoaders = ReturnType<typeof createPaymentsLoaders>;
export type PaymentsContext = SubgraphContext<PaymentsLoaders>;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function onlinePayment(
  row: { payee_name: string | null; linked: boolean } | undefined,
  abonent: boolean,
): OnlinePayment {
  const answer = (code: string | null, reason: string | null) =>
    Object.assign(new OnlinePayment(), { available: code === null, code, reason });
  if (row && !row.payee_name) {
    return answer('PAYMENT_UNAVAILABLE', PAYMENT_UNAVAILABLE_REASON);
  }
  // The account reached here through accounts, so it is linked: payments' copy has not caught up yet (seconds).
  if (!row || (abonent && !row.linked)) {
    return answer('NOT_READY', 'Счёт только что подключён: оплата онлайн станет доступна через несколько секунд.');
  }
  return answer(null, null);
}
