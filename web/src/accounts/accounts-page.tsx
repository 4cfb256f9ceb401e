// «Лицевые счета»: the abonent's linked personal accounts as a summary each (what is due, the readings' deadline,
// warnings), their details one button away, linking and unlinking them.
import { createSignal, For, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { AbonentData, AbonentOnly } from '../shared/abonent-only';
import { graphql } from '../graphql';
import { LinkAccountDialog, type LinkedAccount } from './link-account-dialog';
import { AccountDetails } from './account-details';
import { AccountSummary } from './account-summary';
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
          readingClosingDay
          support {
            phone
            email
            website
          }
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
        ...AmountDue_Account
      }
    }
  }
`);

export const AccountsPage: Component = () => {
  onMount(() => {
    setPageTitle('Лицевые счета');
    void ensureSession();
  });

  return (
    <article class="prose accounts-page">
      <h1>Лицевые счета</h1>
      <AbonentOnly confirmed meanwhile={<HowToLink />}>
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
      далее нажать на кнопку «Подключить ЛС».
    </p>
  </>
);

const Accounts: Component = () => {
  // Per-abonent data: always from the server, never from another session's cache.
  const [accounts, refetch] = createQuery({ query: AccountsQuery, requestPolicy: 'network-only' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  // Accounts whose details the abonent opened or closed: a single account opens with its details, several as
  // summaries. By id, so a reload (new objects, new cards) keeps them as they were.
  const [toggled, setToggled] = createSignal<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(toggled());
    if (!next.delete(id)) next.add(id);
    setToggled(next);
  };
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
            {/* With accounts linked the page is their summary; the welcome is for the empty page. */}
            <p>
              Уважаемый абонент! В данном разделе Вы можете подключить Ваши Лицевые счета, зарегистрированные у
              поставщика услуг к своему Личному кабинету.
            </p>
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
                    <AccountSummary
                      account={account}
                      open={(list().length === 1) !== toggled().has(account.id)}
                      onToggle={() => toggle(account.id)}
                      details={() => (
                        <AccountDetails
                          account={account}
                          onReadingsSubmitted={reload}
                          onUnlinked={() =>
                            announce(`Лицевой счёт №\u00a0${account.number} отключён от Личного кабинета.`)
                          }
                        />
                      )}
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
