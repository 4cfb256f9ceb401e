// «Лицевые счета»: the abonent's linked personal accounts (balance, tariff, charges), linking and unlinking them.
import { createSignal, For, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { AbonentData, AbonentOnly } from '../shared/abonent-only';
import { AccountPayments } from '../payments/account-payments';
import {
  formatDay,
  formatDecimal,
  formatMoney,
  formatMonth,
  formatPrice,
  formatRubles,
  todayInMoscow,
} from '../shared/format';
import { FailureAlert, requestFailure } from '../shared/forms';
import { graphql } from '../graphql';
import type { AccountsPage_AccountsQuery } from '../graphql/graphql';
import { LinkAccountDialog, type LinkedAccount } from './link-account-dialog';
import { MeterReadings } from '../readings/meter-readings';
import { PaymentQr } from '../payments/payment-qr';
import { setPageTitle } from '../shared/page-title';
import { ensureSession } from '../shared/session';

const AccountsQuery = graphql(`
  query AccountsPage_Accounts {
    me {
      id
      accounts {
        id
        number
        address
        holder
        services
        balance {
          kopecks
          debt
          overpayment
          asOf
        }
        supplier {
          id
          code
          name
        }
        tariffs {
          service
          pricePerUnit
          unit
          validFrom
          validTo
        }
        charges {
          month
          volume
          amount
        }
        ...MeterReadings_Account
        ...AccountPayments_Account
        ...PaymentQr_Account
      }
    }
  }
`);

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

type Account = AccountsPage_AccountsQuery['me']['accounts'][number];
type Tariff = Account['tariffs'][number];

export const AccountsPage: Component = () => {
  onMount(() => {
    setPageTitle('Лицевые счета');
    void ensureSession();
  });

  return (
    <article class="prose">
      <h1>Лицевые счета</h1>
      <AbonentOnly confirmed meanwhile={<HowToLink />}>
        <p>
          Уважаемый абонент! В данном разделе Вы можете подключить Ваши Лицевые счета, зарегистрированные у поставщика
          услуг к своему Личному кабинету.
        </p>
        <Accounts />
      </AbonentOnly>
    </article>
  );
};

/** What linking takes, for visitors who cannot link yet. */
const HowToLink: Component = () => (
  <>
    <p>
      Для подключения лицевого счёта к Вашему Личному кабинету необходимо выбрать{' '}
      <A href="/suppliers">поставщика услуг</A> и ввести номер Вашего лицевого счёта, указанный в квитанции.
    </p>
    <p class="hint">Лицевой счёт должен содержать не более 10 цифр.</p>
    <p>
      Для добавления дополнительных лицевых счетов, Вам необходимо зайти в раздел <A href="/settings">«Настройки»</A>,
      далее нажать на кнопку «Подключение ЛС».
    </p>
  </>
);

const Accounts: Component = () => {
  // Per-abonent data: always from the server, never from another session's cache.
  const [accounts, refetch] = createQuery({ query: AccountsQuery, requestPolicy: 'network-only' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  let noticeBox: HTMLParagraphElement | undefined;

  /** Says what changed and moves focus there (the button that was pressed may be gone with the list's change). */
  const announce = (message: string) => {
    setNotice(message);
    reload();
    setTimeout(() => noticeBox?.focus());
  };
  const onLinked = (account: LinkedAccount) => {
    setDialogOpen(false);
    announce(`Лицевой счёт №\u00a0${account.number} подключён к Личному кабинету.`);
  };

  const openDialog = () => {
    setNotice(undefined);
    setDialogOpen(true);
  };
  const LinkButton = () => (
    <button type="button" class="button" aria-haspopup="dialog" onClick={openDialog}>
      Подключить ЛС
    </button>
  );

  return (
    <section aria-label="Подключенные лицевые счета" aria-busy={accounts.fetching}>
      <Show when={notice()}>
        <p ref={noticeBox} class="notice-success" role="status" tabindex="-1">
          {notice()}
        </p>
      </Show>
      <AbonentData query={accounts} onRetry={reload}>
        <Switch>
          <Match when={accounts.data?.me.accounts.length === 0}>
            <div class="notice-block accounts-empty">
              <p>Нет подключённых ЛС</p>
              <LinkButton />
            </div>
          </Match>
          <Match when={accounts.data?.me.accounts}>
            {(list) => (
              <>
                <div class="accounts-actions">
                  <LinkButton />
                </div>
                <For each={list()}>
                  {(account) => (
                    <AccountCard
                      account={account}
                      onReadingsSubmitted={reload}
                      onUnlinked={() => announce(`Лицевой счёт №\u00a0${account.number} отключён от Личного кабинета.`)}
                    />
                  )}
                </For>
              </>
            )}
          </Match>
        </Switch>
      </AbonentData>
      <LinkAccountDialog open={dialogOpen()} onClose={() => setDialogOpen(false)} onLinked={onLinked} />
    </section>
  );
};

/** The tariffs in force today (valid from ≤ today ≤ valid to, or open-ended). */
function currentTariffs(tariffs: readonly Tariff[], today = todayInMoscow()): Tariff[] {
  return tariffs.filter((t) => t.validFrom <= today && (!t.validTo || today <= t.validTo));
}

const AccountCard: Component<{ account: Account; onReadingsSubmitted: () => void; onUnlinked: () => void }> = (
  props,
) => {
  const headingId = () => `account-${props.account.id}-heading`;
  const tariffs = () => currentTariffs(props.account.tariffs);

  return (
    <article class="card account-card" aria-labelledby={headingId()} data-testid="account-card">
      <header class="account-card-head">
        <div>
          <p class="account-supplier">{props.account.supplier.name}</p>
          <h2 id={headingId()} class="account-number">
            Лицевой счёт №&nbsp;{props.account.number}
          </h2>
        </div>
        <Balance balance={props.account.balance} />
      </header>
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
          <dt>Тариф</dt>
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
      </dl>
      <MeterReadings account={props.account} onSubmitted={props.onReadingsSubmitted} />
      <Charges account={props.account} />
      <AccountPayments account={props.account} />
      <PaymentQr account={props.account} />
      <Unlink account={props.account} onUnlinked={props.onUnlinked} />
    </article>
  );
};

const Balance: Component<{ balance: Account['balance'] }> = (props) => {
  const asOf = () => formatDay(props.balance.asOf);
  return (
    <p
      class="account-balance"
      classList={{ 'is-debt': props.balance.debt > 0, 'is-overpaid': props.balance.overpayment > 0 }}
    >
      <Switch fallback={<span class="account-balance-amount">Задолженности нет</span>}>
        <Match when={props.balance.debt > 0}>
          Задолженность: <span class="account-balance-amount">{formatMoney(props.balance.debt)}</span>
        </Match>
        <Match when={props.balance.overpayment > 0}>
          Переплата: <span class="account-balance-amount">{formatMoney(props.balance.overpayment)}</span>
        </Match>
      </Switch>
      <Show when={asOf()}>
        <span class="account-balance-date"> на {asOf()}</span>
      </Show>
    </p>
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
