// One DEBT payment of an account at a time: while one is open (CREATED or PENDING) a second could succeed beside
// it and pay the debt twice, so startPayment(DEBT) refuses with PAYMENT_IN_PROGRESS (checked again under a lock on
// payments' account row in the transaction that records a new payment, so two starts at once open one).
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney } from '@kabinet/common/money';
import { runSql } from '../../../core/sql.js';
import { failed, UserError } from '../../../core/user-error.js';
import { StartPaymentPayload } from './payment.payloads.js';
import { Payment, type PaymentRow } from './payment.types.js';

/** The account's DEBT payment that is not final yet, if any (whoever started it). */
export async function openDebtPayment(em: EntityManager, accountId: string): Promise<PaymentRow | undefined> {
  const [row] = await runSql<PaymentRow[]>(
    em,
    `select * from "payments"."payment"
      where "account_id" = ? and "purpose" = 'DEBT' and "status" in ('CREATED', 'PENDING')
      order by "created_at" desc limit 1`,
    [accountId],
  );
  return row;
}

/** The refusal; the payer of the open payment gets it back, with its acquirer page to finish it. */
export function debtInProgress(open: PaymentRow, abonentId: string): StartPaymentPayload {
  const own = open.abonent_id === abonentId;
  const payment = own ? Payment.fromRow(open, abonentId) : null;
  return failed(
    StartPaymentPayload,
    [
      UserError.of(
        'purpose',
        'PAYMENT_IN_PROGRESS',
        own
          ? `Оплата долга по этому счёту уже начата (${formatMoney(Number(open.amount_kopecks))}) и ещё не ` +
              'завершена: завершите её на странице банка или дождитесь результата. Другую сумму можно оплатить сейчас.'
          : 'Оплата долга по этому счёту уже начата из другого кабинета и ещё не завершена: дождитесь её ' +
              'результата. Другую сумму можно оплатить сейчас.',
      ),
    ],
    { payment, confirmationUrl: payment?.confirmationUrl ?? null },
  );
}
