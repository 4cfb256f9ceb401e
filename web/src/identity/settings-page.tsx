// «Настройки абонента»: the login, password change, linked accounts, logout and deleting the cabinet (for a logged-in abonent).
import { createSignal, For, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { AbonentData, AbonentOnly } from '../shared/abonent-only';
import { errorCode } from '../shared/client';
import { ConfirmEmailRequired } from '../shared/confirm-email-required';
import { graphql } from '../graphql';
import { FailureAlert, NETWORK_ERROR, requestFailure } from '../shared/forms';
import { LinkAccountDialog, type LinkedAccount } from '../accounts/link-account-dialog';
import { ChangePasswordSection } from './change-password-section';
import { DeleteCabinetSection } from './delete-cabinet-section';
import { setPageTitle } from '../shared/page-title';
import { RetryAlert } from '../shared/retry-alert';
import { ensureSession, logout, type SessionAbonent } from '../shared/session';

const AccountsQuery = graphql(`
  query SettingsPage_Accounts {
    me {
      id
      accounts {
        id
        number
        supplier {
          id
          name
        }
      }
    }
  }
`);

const RemindersQuery = graphql(`
  query SettingsPage_Reminders {
    me {
      id
      readingReminders
    }
  }
`);

const SetRemindersMutation = graphql(`
  mutation SettingsPage_SetReminders($enabled: Boolean!) {
    setReadingReminders(enabled: $enabled) {
      id
      readingReminders
    }
  }
`);

export const SettingsPage: Component = () => {
  onMount(() => {
    setPageTitle('Настройки');
    void ensureSession();
  });

  return (
    <article class="prose">
      <h1>Настройки абонента</h1>
      <AbonentOnly>{(abonent) => <Settings abonent={abonent()} />}</AbonentOnly>
    </article>
  );
};

const Settings: Component<{ abonent: SessionAbonent }> = (props) => {
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [logoutFailed, setLogoutFailed] = createSignal(false);

  const leave = async () => {
    if (loggingOut()) return;
    setLoggingOut(true);
    setLogoutFailed(false);
    const ok = await logout();
    setLoggingOut(false);
    if (ok) navigate('/login');
    else setLogoutFailed(true);
  };

  return (
    <>
      <div class="account-line">
        <p>
          Логин: <strong>{props.abonent.email}</strong>
        </p>
        <button type="button" class="button button-secondary" disabled={loggingOut()} onClick={() => void leave()}>
          {loggingOut() ? 'Выходим…' : 'Выйти'}
        </button>
      </div>
      <Show when={logoutFailed()}>
        <div class="alert" role="alert">
          <p>{NETWORK_ERROR}</p>
        </div>
      </Show>

      <ChangePasswordSection email={props.abonent.email} />

      <section aria-labelledby="accounts-link-heading">
        <h2 id="accounts-link-heading">Подключение ЛС</h2>
        <p>
          Уважаемый абонент! В данном разделе Вы можете подключить Ваши Лицевые счета, зарегистрированные у поставщика
          услуг к своему Личному кабинету: выберите поставщика услуг и введите номер лицевого счёта, указанный в
          квитанции. Если Вы не уверены в правильности ввода, воспользуйтесь подсказкой «?» возле поля ввода.
        </p>
        <Show when={props.abonent.emailConfirmed} fallback={<ConfirmEmailRequired />}>
          <LinkedAccountsSection />
        </Show>
      </section>

      <Show when={props.abonent.emailConfirmed}>
        <RemindersSection />
      </Show>

      <DeleteCabinetSection />
    </>
  );
};

/** «Текущие Лицевые счета»: number and supplier of each, and «Подключить ЛС»; the details are on «Лицевые счета». */
const LinkedAccountsSection: Component = () => {
  // Per-abonent data: always from the server, never from another session's cache.
  const [accounts, refetch] = createQuery({ query: AccountsQuery, requestPolicy: 'network-only' });
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const [linked, setLinked] = createSignal<string>();
  let noticeBox: HTMLDivElement | undefined;

  const onLinked = (account: LinkedAccount) => {
    setDialogOpen(false);
    setLinked(account.number);
    refetch({ requestPolicy: 'network-only' });
    setTimeout(() => noticeBox?.focus());
  };

  return (
    <div aria-busy={accounts.fetching}>
      <h3 id="linked-accounts-heading">Текущие Лицевые счета</h3>
      <Switch>
        <Match when={accounts.fetching && !accounts.data}>
          <p class="status">Загрузка…</p>
        </Match>
        <Match when={errorCode(accounts.error) === 'EMAIL_NOT_CONFIRMED'}>
          <ConfirmEmailRequired />
        </Match>
        <Match when={accounts.error && !accounts.fetching}>
          <RetryAlert
            message={requestFailure(accounts.error)}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        </Match>
        <Match when={accounts.data?.me.accounts.length === 0}>
          <p>Нет подключённых ЛС</p>
        </Match>
        <Match when={accounts.data?.me.accounts}>
          {(list) => (
            <ul class="linked-accounts" aria-labelledby="linked-accounts-heading">
              <For each={list()}>
                {(account) => (
                  <li>
                    <span class="linked-account-number">№&nbsp;{account.number}</span>
                    {' — '}
                    <span class="linked-account-supplier">{account.supplier.name}</span>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
      <Show when={linked()}>
        {(number) => (
          <div ref={noticeBox} class="success" role="status" tabindex="-1">
            <p>
              Лицевой счёт №&nbsp;{number()} подключён. Баланс, тариф и начисления по нему — в разделе{' '}
              <A href="/accounts">«Лицевые счета»</A>.
            </p>
          </div>
        )}
      </Show>
      <div class="form-actions">
        <button
          type="button"
          class="button"
          aria-haspopup="dialog"
          onClick={() => {
            setLinked(undefined);
            setDialogOpen(true);
          }}
        >
          Подключить ЛС
        </button>
        <A href="/accounts">Перейти к лицевым счетам</A>
      </div>
      <LinkAccountDialog open={dialogOpen()} onClose={() => setDialogOpen(false)} onLinked={onLinked} />
    </div>
  );
};

/** «Напоминания»: whether the letter before the closing day comes (a change is saved at once). */
const RemindersSection: Component = () => {
  const [reminders, refetch] = createQuery({ query: RemindersQuery });
  const [saving, setReminders] = createMutation(SetRemindersMutation);
  const [failed, setFailed] = createSignal(false);
  const [saved, setSaved] = createSignal(false);

  const change = async (enabled: boolean) => {
    setFailed(false);
    setSaved(false);
    const result = await setReminders({ enabled });
    if (result.error || !result.data) setFailed(true);
    else setSaved(true);
  };

  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Напоминания</h2>
      <AbonentData query={reminders} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <Show when={reminders.data?.me}>
          {(me) => (
            <>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={me().readingReminders}
                  disabled={saving.fetching}
                  onChange={(event) => void change(event.currentTarget.checked)}
                />
                Напоминать по электронной почте о передаче показаний за несколько дней до закрытия периода
              </label>
              <Show when={saved()}>
                <p class="status" role="status">
                  {me().readingReminders ? 'Напоминания включены.' : 'Напоминания отключены.'}
                </p>
              </Show>
              <FailureAlert message={failed() ? NETWORK_ERROR : undefined} />
            </>
          )}
        </Show>
      </AbonentData>
    </section>
  );
};
