// E-mail confirmation page: opened from the letter's link, confirms the registration with the link's token.
import { createSignal, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { requestFailure } from '../shared/forms';
import { setPageTitle } from '../shared/page-title';
import { currentAbonent, ensureSession, refreshSession } from '../shared/session';
import { ConnectAccountsPrompt, ServiceIntro } from '../home/welcome';

const ConfirmEmailMutation = graphql(`
  mutation ConfirmPage_ConfirmEmail($token: String!) {
    confirmEmail(token: $token) {
      ok
      errors {
        field
        code
        message
      }
      email
    }
  }
`);

type Outcome =
  { status: 'confirming' } | { status: 'confirmed' } | { status: 'already' } | { status: 'failed'; message: string };

export const ConfirmPage: Component = () => {
  const [searchParams] = useSearchParams();
  const [, confirmEmail] = createMutation(ConfirmEmailMutation);
  const [outcome, setOutcome] = createSignal<Outcome>({ status: 'confirming' });
  const failure = () => {
    const current = outcome();
    return current.status === 'failed' ? current.message : undefined;
  };

  const confirm = async () => {
    setPageTitle('Подтверждение регистрации');
    const raw = searchParams.token;
    const token = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!token) {
      setOutcome({
        status: 'failed',
        message: 'В ссылке нет кода подтверждения. Откройте ссылку из письма целиком.',
      });
      return;
    }
    const result = await confirmEmail({ token });
    const payload = result.data?.confirmEmail;
    if (payload?.ok) {
      setOutcome({ status: 'confirmed' });
      // A logged-in abonent is confirmed now: the header and the link below follow.
      if (currentAbonent()) void refreshSession();
      else void ensureSession();
    } else {
      // A used link opened again by its confirmed owner is no failure: the address is confirmed already.
      await ensureSession();
      if (payload && currentAbonent()?.emailConfirmed) setOutcome({ status: 'already' });
      else setOutcome({ status: 'failed', message: payload?.errors[0]?.message ?? requestFailure(result.error) });
    }
  };
  onMount(() => void confirm());

  return (
    <article class="prose">
      <Switch>
        <Match when={outcome().status === 'confirming'}>
          <h1>Подтверждение регистрации</h1>
          <p class="status" role="status" aria-busy="true">
            Подтверждаем адрес электронной почты…
          </p>
        </Match>
        <Match when={outcome().status === 'confirmed'}>
          <h1>Регистрация подтверждена</h1>
          <div class="success" role="status">
            <p>Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!</p>
          </div>
          <p class="lead">Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.</p>
          <ServiceIntro />
          <ConnectAccountsPrompt />
          <Show when={!currentAbonent()}>
            <p>
              <A href="/login">Войти в Личный кабинет</A>
            </p>
          </Show>
        </Match>
        <Match when={outcome().status === 'already'}>
          <h1>Адрес уже подтверждён</h1>
          <div class="notice" role="status">
            <p>Ваш адрес электронной почты уже подтверждён, ничего делать не нужно.</p>
          </div>
          <p>
            <A href="/accounts">Перейти к лицевым счетам</A>
          </p>
        </Match>
        <Match when={failure()}>
          {(message) => (
            <>
              <h1>Не удалось подтвердить регистрацию</h1>
              <div class="alert" role="alert">
                <p>{message()}</p>
              </div>
              <p>
                <A href="/login">Войти в Личный кабинет</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </article>
  );
};
