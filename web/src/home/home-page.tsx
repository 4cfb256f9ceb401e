// Home page: the greeting, then the steps to start (visitors) or where the abonent's accounts are (logged in, confirmed).
import { Match, onMount, Switch, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import { setPageTitle } from '../shared/page-title';
import { currentAbonent, session } from '../shared/session';
import { ConnectAccountsPrompt, ServiceIntro } from './welcome';

const AccountsQuery = graphql(`
  query HomePage_Accounts {
    me {
      id
      accounts {
        id
      }
    }
  }
`);

export const HomePage: Component = () => {
  onMount(() => setPageTitle());

  return (
    <article class="prose">
      <h1>Уважаемый абонент!</h1>
      <p class="lead">Добро пожаловать в Личный кабинет поставщика услуг.</p>
      <ServiceIntro />
      <Switch>
        <Match when={session().status === 'loading'}>{null}</Match>
        <Match when={currentAbonent()?.emailConfirmed}>
          <LinkedAccountsSummary />
        </Match>
        <Match when={true}>
          <StartSteps />
        </Match>
      </Switch>
    </article>
  );
};

/** A confirmed abonent: the welcome's call to link accounts while there are none, else the way to them. */
const LinkedAccountsSummary: Component = () => {
  const [accounts] = createQuery({ query: AccountsQuery, requestPolicy: 'network-only' });
  const count = () => accounts.data?.me.accounts.length;

  return (
    <Switch>
      <Match when={count() === 0}>
        <ConnectAccountsPrompt />
      </Match>
      <Match when={count()}>
        {(n) => (
          <p>
            Подключено лицевых счетов: {n()}. <A href="/accounts">Перейти к лицевым счетам</A>
          </p>
        )}
      </Match>
    </Switch>
  );
};

const StartSteps: Component = () => (
  <>
    <section class="card" aria-labelledby="start-heading">
      <h2 id="start-heading">Как начать работу</h2>
      <ol class="steps">
        <li>
          <A href="/register">Зарегистрируйтесь</A>: укажите адрес электронной почты — он станет Вашим логином — и
          придумайте пароль.
        </li>
        <li>
          Подтвердите адрес электронной почты: перейдите по ссылке из письма, которое придёт на указанную почту, а затем
          выполните <A href="/login">вход</A>.
        </li>
        <li>
          <A href="/accounts">Подключите лицевые счета</A>: выберите поставщика услуг и введите номер лицевого счёта из
          квитанции.
        </li>
      </ol>
    </section>

    <p>
      <A href="/suppliers">Посмотреть список поставщиков услуг</A>
    </p>
  </>
);
