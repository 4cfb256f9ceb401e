// An account's details, one action away from its summary: address, holder, tariff and balance (with hints), meters
// and readings, charges, online payment or what to do instead, the bank QR code, and unlinking.
import { createSignal, For, Show, type Component } from 'solid-js';
import { createMutation } from '@urql/solid';
import { AccountPayments } from '../payments/account-payments';
import { AmountDueLine } from '../payments/amount-due';
import { formatDay, formatDecimal, formatMonth, formatPrice, formatRubles, todayInMoscow } from '../shared/format';
import { FailureAlert, requestFailure } from '../shared/forms';
import { graphql } from '../graphql';
import type { AccountsPage_AccountsQuery } from '../graphql/graphql';
import { MeterReadings } from '../readings/meter-readings';
import { PaymentQr } from '../payments/payment-qr';
import { Tooltip } from '../shared/tooltip';
import { PayOffline } from './pay-offline';

const UnlinkMutation = graphql(`
  mutation AccountsPage_Unlink($id: ID!) {
    unlinkPersonalAccount(id: $id) {
      ok
      errors {
        field
        code
        message
      }
      accountId
    }
  }
`);

export type Account = AccountsPage_AccountsQuery['me']['accounts'][number];
type Tariff = Account['tariffs'][number];

export const BALANCE_HINT =
  'Сальдо по последнему расчёту поставщика на указанную дату с учётом оплат онлайн, которые поставщик ещё не провёл: задолженность — сколько осталось оплатить, аванс — сколько оплачено вперёд.';
export const TARIFF_HINT =
  'Цена газа за кубометр, утверждённая для Вашего региона. Начисление за месяц — расход по счётчику, умноженный на тариф.';

/** The tariffs in force today (valid from ≤ today ≤ valid to, or open-ended). */
function currentTariffs(tariffs: readonly Tariff[], today = todayInMoscow()): Tariff[] {
  return tariffs.filter((t) => t.validFrom <= today && (!t.validTo || today <= t.validTo));
}

export const AccountDetails: Component<{
  account: Account;
  onReadingsSubmitted: () => void;
  onUnlinked: () => void;
}> = (props) => {
  const tariffs = () => currentTariffs(props.account.tariffs);
  const offline = () => !props.account.onlinePayment?.available && !props.account.paymentQr;

  return (
    <div class="account-more">
      <dl class="account-details">
        <div>
          <dt>Адрес</dt>
          <dd>{props.account.address}</dd>
        </div>
        <div>
          <dt>Абонент</dt>
          <dd>{props.account.holder}</dd>
        </div>
        <Show when={props.account.services.length > 0}>
          <div>
            <dt>Услуги</dt>
            <dd>{props.account.services.join(', ')}</dd>
          </div>
        </Show>
        <div>
          <dt>
            Тариф <Tooltip id={`tariff-hint-${props.account.id}`} label="Что такое тариф" text={TARIFF_HINT} />
          </dt>
          <dd>
            <Show when={tariffs().length > 0} fallback="Действующий тариф не указан поставщиком.">
              <For each={tariffs()}>
                {(tariff) => (
                  <span class="account-tariff">
                    {formatPrice(tariff.pricePerUnit, tariff.unit)}{' '}
                    <span class="muted">
                      ({tariff.service}, с {formatDay(tariff.validFrom)}
                      {tariff.validTo ? ` по ${formatDay(tariff.validTo)}` : ''})
                    </span>
                  </span>
                )}
              </For>
            </Show>
          </dd>
        </div>
        <div>
          <dt>
            Сальдо <Tooltip id={`balance-hint-${props.account.id}`} label="Что такое сальдо" text={BALANCE_HINT} />
          </dt>
          <dd>
            <AmountDueLine account={props.account} />
          </dd>
        </div>
      </dl>
      <MeterReadings account={props.account} onSubmitted={props.onReadingsSubmitted} />
      <Charges account={props.account} />
      <AccountPayments account={props.account} />
      <Show when={offline()}>
        <PayOffline supplier={props.account.supplier} />
      </Show>
      <PaymentQr account={props.account} />
      <Unlink account={props.account} onUnlinked={props.onUnlinked} />
    </div>
  );
};

const Charges: Component<{ account: Account }> = (props) => (
  <Show when={props.account.charges.length > 0} fallback={<p class="status">Начислений за последние месяцы нет.</p>}>
    <div class="table-scroll">
      <table class="table charges-table">
        <caption>Начисления за последние месяцы</caption>
        <thead>
          <tr>
            <th scope="col">Месяц</th>
            <th scope="col" class="numeric">
              Объём, м³
            </th>
            <th scope="col" class="numeric">
              Начислено, ₽
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.account.charges}>
            {(charge) => (
              <tr>
                <th scope="row">{formatMonth(charge.month)}</th>
                <td class="numeric">{formatDecimal(charge.volume)}</td>
                <td class="numeric">{formatRubles(charge.amount)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  </Show>
);

/** «Отключить ЛС» with an inline confirmation, so one stray click unlinks nothing. */
const Unlink: Component<{ account: Account; onUnlinked: () => void }> = (props) => {
  const [, unlink] = createMutation(UnlinkMutation);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const questionId = () => `unlink-${props.account.id}-question`;
  let startButton: HTMLButtonElement | undefined;
  let confirmButton: HTMLButtonElement | undefined;

  const ask = () => {
    setFailure(undefined);
    setConfirming(true);
    confirmButton?.focus();
  };
  const cancel = () => {
    setConfirming(false);
    startButton?.focus();
  };
  const confirm = async () => {
    if (busy()) return;
    setBusy(true);
    setFailure(undefined);
    const result = await unlink({ id: props.account.id });
    setBusy(false);
    const payload = result.data?.unlinkPersonalAccount;
    if (payload?.ok) {
      props.onUnlinked();
      return;
    }
    setFailure(payload?.errors[0]?.message ?? requestFailure(result.error));
  };

  return (
    <div class="account-card-actions">
      <Show
        when={confirming()}
        fallback={
          <button ref={startButton} type="button" class="button button-secondary" onClick={ask}>
            Отключить ЛС
          </button>
        }
      >
        <div class="unlink-confirm" role="group" aria-labelledby={questionId()}>
          <p id={questionId()}>
            Отключить лицевой счёт №&nbsp;{props.account.number} от Личного кабинета? Подключить его снова можно в любое
            время по квитанции.
          </p>
          <div class="form-actions">
            <button
              ref={confirmButton}
              type="button"
              class="button button-danger"
              disabled={busy()}
              aria-busy={busy()}
              onClick={() => void confirm()}
            >
              {busy() ? 'Отключаем…' : 'Да, отключить'}
            </button>
            <button type="button" class="button button-secondary" disabled={busy()} onClick={cancel}>
              Отмена
            </button>
          </div>
        </div>
      </Show>
      <FailureAlert message={failure()} />
    </div>
  );
};
