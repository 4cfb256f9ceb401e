// «Оплата онлайн» on an account card: what to pay now (the debt less online payments the supplier has not posted
// yet), the way to the payment page, and the account's latest online payments with their status.
import { For, Match, Show, Switch, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { formatDateTime, formatMoney, formatRubles } from '../shared/format';
import { graphql } from '../graphql';
import type { AccountPayments_AccountFragment, PaymentStatus } from '../graphql/graphql';

export const AccountPaymentsFragment = graphql(`
  fragment AccountPayments_Account on PersonalAccount {
    id
    # Whether a payment can start now: the supplier takes online payments, and the payments service knows the link.
    onlinePayment {
      available
      reason
    }
    amountDue {
      due
      unposted
      advance
    }
    payments(last: 5) {
      id
      amount
      status
      cancellationReason
      refunded
      createdAt
    }
  }
`);

type Payment = NonNullable<AccountPayments_AccountFragment['payments']>[number];

/** The payment page of an account. */
export function paymentPagePath(accountId: string): string {
  return `/oplata/${encodeURIComponent(accountId)}`;
}

/** When the payments service could not say whether the account can be paid online (it did not answer). */
export const ONLINE_PAYMENT_UNAVAILABLE = 'Оплата онлайн сейчас недоступна: попробуйте позже или оплатите по QR-коду.';

const STATUS_NAMES: Record<PaymentStatus, string> = {
  CREATED: 'Создан',
  PENDING: 'Ожидает оплаты',
  SUCCEEDED: 'Оплачено',
  CANCELED: 'Не прошла',
  REFUNDED: 'Возвращено',
};

/** A payment's status as the abonent reads it: «Оплачено», «Не прошла — Банк отклонил операцию.», … */
export function paymentStatusText(payment: {
  status: PaymentStatus;
  cancellationReason?: string | null;
  refunded?: number;
}): string {
  const name = STATUS_NAMES[payment.status];
  if (payment.status === 'CANCELED' && payment.cancellationReason) return `${name} — ${payment.cancellationReason}`;
  if (payment.status === 'SUCCEEDED' && payment.refunded) return `${name}, возвращено ${formatMoney(payment.refunded)}`;
  return name;
}

export const AccountPayments: Component<{ account: AccountPayments_AccountFragment }> = (props) => {
  const headingId = () => `payments-${props.account.id}-heading`;
  return (
    <section class="account-payments" aria-labelledby={headingId()}>
      <h3 id={headingId()}>Оплата онлайн</h3>
      <Show
        when={props.account.amountDue}
        fallback={<p class="status">Сумма к оплате сейчас недоступна. Обновите страницу через несколько минут.</p>}
      >
        {(amountDue) => (
          <>
            <p class="amount-due">
              К оплате: <strong class="amount-due-value">{formatMoney(amountDue().due)}</strong>
            </p>
            <Show when={amountDue().advance > 0}>
              <p class="field-hint">
                Аванс (оплачено сверх долга): {formatMoney(amountDue().advance)}. Поставщик учтёт его в следующих
                начислениях.
              </p>
            </Show>
            <Show when={amountDue().unposted > 0}>
              <p class="field-hint">
                Учтены оплаты, ещё не проведённые поставщиком: {formatMoney(amountDue().unposted)}
              </p>
            </Show>
          </>
        )}
      </Show>
      <Show
        when={props.account.onlinePayment?.available}
        fallback={<p class="status">{props.account.onlinePayment?.reason ?? ONLINE_PAYMENT_UNAVAILABLE}</p>}
      >
        <p>
          <A class="button" href={paymentPagePath(props.account.id)}>
            Оплатить онлайн
          </A>
        </p>
      </Show>
      <Switch>
        <Match when={props.account.payments === null}>
          <p class="status">История платежей сейчас недоступна.</p>
        </Match>
        <Match when={props.account.payments?.length === 0}>
          <p class="status">Онлайн-платежей по этому счёту ещё не было.</p>
        </Match>
        <Match when={props.account.payments}>{(payments) => <PaymentHistory payments={payments()} />}</Match>
      </Switch>
    </section>
  );
};

const PaymentHistory: Component<{ payments: readonly Payment[] }> = (props) => (
  <div class="table-scroll">
    <table class="table payments-table">
      <caption>История платежей</caption>
      <thead>
        <tr>
          <th scope="col">Дата</th>
          <th scope="col" class="numeric">
            Сумма, ₽
          </th>
          <th scope="col">Статус</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.payments}>
          {(payment) => (
            <tr>
              <th scope="row">{formatDateTime(payment.createdAt)}</th>
              <td class="numeric">{formatRubles(payment.amount)}</td>
              <td classList={{ 'payment-failed': payment.status === 'CANCELED' }}>{paymentStatusText(payment)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </div>
);
