// «/oplata/rezultat?payment=<id>»: where the acquirer's page sends the payer back. The payment is checked with the
// acquirer at once and every 2 seconds until it is final (for up to 2 minutes); the outcome is announced.
import { createSignal, Match, onCleanup, onMount, Show, Switch, type Component } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { AbonentOnly } from '../shared/abonent-only';
import { paymentPagePath } from './account-payments';
import { errorCode } from '../shared/client';
import { formatMoney } from '../shared/format';
import { requestFailure } from '../shared/forms';
import { graphql } from '../graphql';
import type { PaymentResultPage_CheckMutation } from '../graphql/graphql';
import { setPageTitle } from '../shared/page-title';
import { ensureSession, signedOut } from '../shared/session';
import { SignInRequired } from '../shared/sign-in-required';

const CheckPaymentMutation = graphql(`
  mutation PaymentResultPage_Check($id: ID!) {
    checkPayment(id: $id) {
      id
      accountId
      accountNumber
      amount
      status
      final
      cancellationCode
      cancellationReason
      readingsSubmitted
    }
  }
`);

type Payment = NonNullable<PaymentResultPage_CheckMutation['checkPayment']>;

/** How often the payment is checked while it is not final, and for how long. */
const POLL_EVERY_MS = 2_000;
const POLL_FOR_MS = 120_000;

type Outcome =
  | { kind: 'checking' }
  | { kind: 'payment'; payment: Payment }
  | { kind: 'not-found' }
  | { kind: 'unauthenticated' }
  | { kind: 'gave-up'; payment?: Payment; failure?: string };

export const PaymentResultPage: Component = () => {
  onMount(() => {
    setPageTitle('Результат оплаты');
    void ensureSession();
  });
  const [searchParams] = useSearchParams();
  const paymentId = () => {
    const raw = searchParams.payment;
    return (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
  };

  return (
    <article class="prose">
      <h1>Результат оплаты</h1>
      <AbonentOnly confirmed>
        <Show
          when={paymentId()}
          keyed
          fallback={
            <div class="notice-block">
              <p>В адресе страницы нет номера платежа. Платежи по лицевому счёту видны в истории платежей.</p>
              <p>
                <A href="/accounts">К лицевым счетам</A>
              </p>
            </div>
          }
        >
          {(id) => <PaymentOutcome id={id} />}
        </Show>
      </AbonentOnly>
    </article>
  );
};

const PaymentOutcome: Component<{ id: string }> = (props) => {
  const [, checkPayment] = createMutation(CheckPaymentMutation);
  const [outcome, setOutcome] = createSignal<Outcome>({ kind: 'checking' });
  const [lastFailure, setLastFailure] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let deadline = Date.now() + POLL_FOR_MS;
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });

  const check = async () => {
    const result = await checkPayment({ id: props.id });
    if (stopped) return;
    const payment = result.data?.checkPayment;
    if (result.data && payment === null) {
      setOutcome({ kind: 'not-found' });
      return;
    }
    if (errorCode(result.error) === 'UNAUTHENTICATED') {
      signedOut();
      setOutcome({ kind: 'unauthenticated' });
      return;
    }
    if (payment) {
      setLastFailure(undefined);
      setOutcome({ kind: 'payment', payment });
      if (payment.final) return;
    } else {
      // No answer this time: the next check may get one; what was known stays shown.
      setLastFailure(requestFailure(result.error));
    }
    if (Date.now() >= deadline) {
      const current = outcome();
      setOutcome({
        kind: 'gave-up',
        payment: current.kind === 'payment' ? current.payment : undefined,
        failure: lastFailure(),
      });
      return;
    }
    timer = setTimeout(() => void check(), POLL_EVERY_MS);
  };

  const checkAgain = () => {
    deadline = Date.now() + POLL_FOR_MS;
    setOutcome({ kind: 'checking' });
    void check();
  };

  onMount(() => void check());

  const payment = () => {
    const current = outcome();
    return current.kind === 'payment' || current.kind === 'gave-up' ? current.payment : undefined;
  };
  const gaveUpFailure = () => {
    const current = outcome();
    return current.kind === 'gave-up' ? current.failure : undefined;
  };
  const succeeded = () => payment()?.status === 'SUCCEEDED' || payment()?.status === 'REFUNDED';
  // The abonent's own cancellation is no failure: said calmly, with what to do to pay after all.
  const cancelledByPayer = () =>
    payment()?.status === 'CANCELED' && payment()?.cancellationCode === 'canceled_by_payer';
  const failed = () => payment()?.status === 'CANCELED' && !cancelledByPayer();

  return (
    <>
      {/* One live region: what it says changes as the payment moves on. */}
      <div class="payment-outcome" role="status" aria-live="polite" aria-atomic="true">
        <Switch>
          <Match when={outcome().kind === 'unauthenticated'}>
            <SignInRequired />
          </Match>
          <Match when={outcome().kind === 'not-found'}>
            <div class="alert">
              <p>Платёж не найден. Проверьте историю платежей на странице лицевых счетов.</p>
            </div>
          </Match>
          <Match when={payment()?.status === 'REFUNDED' && payment()}>
            {(paid) => (
              <div class="notice-success">
                <p>Платёж на сумму {formatMoney(paid().amount)} возвращён.</p>
              </div>
            )}
          </Match>
          <Match when={succeeded() && payment()}>
            {(paid) => (
              <div class="success payment-succeeded">
                <p class="payment-outcome-title">Оплата прошла: {formatMoney(paid().amount)}</p>
                <p>
                  Лицевой счёт №&nbsp;{paid().accountNumber}. Чек придёт на указанную электронную почту.
                  <Show when={paid().readingsSubmitted > 0}> Показания счётчика переданы вместе с оплатой.</Show>
                </p>
              </div>
            )}
          </Match>
          <Match when={cancelledByPayer() && payment()}>
            {(canceled) => (
              <div class="notice payment-cancelled">
                <p class="payment-outcome-title">Вы отменили оплату</p>
                <p>
                  Деньги не списаны. Если передумали, оплатите лицевой счёт №&nbsp;{canceled().accountNumber} снова:
                  кнопка «Оплатить снова» ниже.
                </p>
              </div>
            )}
          </Match>
          <Match when={failed() && payment()}>
            {(canceled) => (
              <div class="alert payment-failed">
                <p class="payment-outcome-title">
                  Оплата не прошла: {canceled().cancellationReason ?? 'платёж отменён.'}
                </p>
                <p>Деньги не списаны. Можно попробовать ещё раз, в том числе другой картой.</p>
              </div>
            )}
          </Match>
          <Match when={outcome().kind === 'gave-up'}>
            <div class="warning">
              <p>Статус уточняется, проверьте историю платежей позже.</p>
              <Show when={gaveUpFailure()}>{(failure) => <p>{failure()}</p>}</Show>
            </div>
          </Match>
          <Match when={outcome().kind === 'payment'}>
            <p class="status" aria-busy="true">
              Ожидаем подтверждение оплаты от банка…
            </p>
          </Match>
          <Match when={outcome().kind === 'checking'}>
            <p class="status" aria-busy="true">
              Проверяем оплату…
            </p>
          </Match>
        </Switch>
      </div>
      <Show when={lastFailure() && outcome().kind !== 'gave-up'}>
        <p class="field-hint">{lastFailure()} Проверяем ещё раз…</p>
      </Show>
      <div class="form-actions payment-outcome-actions">
        <Show when={(failed() || cancelledByPayer()) && payment()}>
          {(canceled) => (
            <A class="button" href={paymentPagePath(canceled().accountId)}>
              {cancelledByPayer() ? 'Оплатить снова' : 'Попробовать ещё раз'}
            </A>
          )}
        </Show>
        <Show when={outcome().kind === 'gave-up'}>
          <button type="button" class="button button-secondary" onClick={checkAgain}>
            Проверить ещё раз
          </button>
        </Show>
        <A href="/accounts">К лицевым счетам</A>
      </div>
    </>
  );
};
