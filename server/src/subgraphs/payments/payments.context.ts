// The payments subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { RequestContext, SubgraphContext } from '../../core/context.js';
import { groupBy } from '../../core/group-by.js';
import { runSql } from '../../core/sql.js';
import { amountDue } from './payment/amount-due.js';
import { Payment, type AmountDue, type PaymentRow } from './payment/payment.types.js';

export function createPaymentsLoaders(em: EntityManager, request: RequestContext) {
  const viewer = request.caller.kind === 'abonent' ? request.caller.abonentId : null;
  const byLast = new Map<number, DataLoader<string, Payment[]>>();
  return {
    /** The latest `last` payments of each account (the account itself was let through by accounts). */
    paymentsByAccount(last: number): DataLoader<string, Payment[]> {
      let loader = byLast.get(last);
      if (!loader) {
        loader = new DataLoader<string, Payment[]>(async (accountIds) => {
          const rows = await runSql<PaymentRow[]>(
            em,
            `select p.* from (select "value"::uuid as "id" from jsonb_array_elements_text(?::jsonb)) a
               cross join lateral (select * from "payments"."payment" p where p."account_id" = a."id"
                                    order by p."created_at" desc limit ?) p`,
            [JSON.stringify(accountIds), last],
          );
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
  };
}

export type PaymentsLoaders = ReturnType<typeof createPaymentsLoaders>;
export type PaymentsContext = SubgraphContext<PaymentsLoaders>;
