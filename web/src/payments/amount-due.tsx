// What is due on an account as the card shows it: the payments subgraph's `amountDue` (the billing balance less
// online payments it has not posted yet), the advance when paid beyond the debt, and the balance's date.
import { Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../graphql';
import type { AmountDue_AccountFragment } from '../graphql/graphql';
import { formatDay, formatMoney } from '../shared/format';

export const AmountDueFragment = graphql(`
  fragment AmountDue_Account on PersonalAccount {
    id
    balance {
      debt
      overpayment
      asOf
    }
    amountDue {
      due
      advance
      unposted
    }
  }
`);

export const AmountDueLine: Component<{ account: AmountDue_AccountFragment }> = (props) => {
  // Until payments knows the account (linked a moment ago) the supplier's balance is all there is to show.
  const due = () => props.account.amountDue?.due ?? props.account.balance.debt;
  const advance = () => props.account.amountDue?.advance ?? props.account.balance.overpayment;
  const unposted = () => props.account.amountDue?.unposted ?? 0;
  const asOf = () => formatDay(props.account.balance.asOf);
  return (
    <div class="account-due">
      <p class="account-balance" classList={{ 'is-debt': due() > 0, 'is-overpaid': advance() > 0 }}>
        <Switch fallback={<span class="account-balance-amount">Задолженности нет</span>}>
          <Match when={due() > 0}>
            Задолженность: <span class="account-balance-amount">{formatMoney(due())}</span>
          </Match>
          <Match when={advance() > 0}>
            Аванс: <span class="account-balance-amount">{formatMoney(advance())}</span>
          </Match>
        </Switch>
        <Show when={asOf()}>
          <span class="account-balance-date"> на {asOf()}</span>
        </Show>
      </p>
      <Show when={unposted() > 0}>
        <p class="account-due-note">
          С учётом оплаты онлайн {formatMoney(unposted())}: поставщик учтёт её в следующем расчёте.
        </p>
      </Show>
    </div>
  );
};
