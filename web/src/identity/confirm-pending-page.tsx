// «Подтвердите адрес электронной почты»: for a logged-in abonent not yet confirmed; «Выслать ссылку» sends a new link.
import { createEffect, createSignal, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { errorCode } from '../shared/client';
import { graphql } from '../graphql';
import { FailureAlert, requestFailure } from '../shared/forms';
import { formatDate } from '../shared/format';
import { Loading } from '../shared/loading';
import { setPageTitle } from '../shared/page-title';
import { RetryAlert } from '../shared/retry-alert';
import { signedOut } from '../shared/session';

const MeQuery = graphql(`
  query ConfirmPendingPage_Me {
    me {
      id
      email
      emailConfirmed
      confirmationDeadline
    }
  }
`);

const ResendMutation = graphql(`
  mutation ConfirmPendingPage_Resend {
    resendConfirmation {
      ok
      errors {
        field
        code
        message
      }
      confirmationDeadline
    }
  }
`);

export const ConfirmPendingPage: Component = () => {
  onMount(() => setPageTitle('Подтвердите адрес электронной почты'));
  const [me, refetch] = createQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const [, resend] = createMutation(ResendMutation);
  const [busy, setBusy] = createSignal(false);
  const [sent, setSent] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();

  const unauthenticated = () => errorCode(me.error) === 'UNAUTHENTICATED';
  // The header follows when the session turns out to be over.
  createEffect(() => {
    if (unauthenticated()) signedOut();
  });

  const sendAgain = async () => {
    if (busy()) return;
    setBusy(true);
    setSent(undefined);
    setFailure(undefined);
    const result = await resend({});
    setBusy(false);
    const payload = result.data?.resendConfirmation;
    if (payload?.ok) setSent(me.data?.me.email ?? '');
    else setFailure(payload?.errors[0]?.message ?? requestFailure(result.error));
  };

  return (
    <article class="prose">
      <h1>Подтвердите адрес электронной почты</h1>
      <Switch>
        <Match when={me.fetching && !me.data}>
          <Loading />
        </Match>
        <Match when={unauthenticated()}>
          <p>Войдите в Личный кабинет, чтобы выслать ссылку для подтверждения ещё раз.</p>
          <p>
            <A href="/login">Войти в Личный кабинет</A>
          </p>
        </Match>
        <Match when={me.error}>
          <RetryAlert message={requestFailure(me.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </Match>
        <Match when={me.data?.me.emailConfirmed}>
          <div class="success" role="status">
            <p>Адрес электронной почты {me.data?.me.email} уже подтверждён.</p>
          </div>
          <p>
            <A href="/accounts">Перейти к лицевым счетам</A>
          </p>
        </Match>
        <Match when={me.data?.me}>
          {(abonent) => (
            <>
              <p>
                Мы отправили ссылку для подтверждения регистрации на Ваш электронный адрес{' '}
                <strong>{abonent().email}</strong>. Перейдите по ней, чтобы пользоваться Личным кабинетом.
              </p>
              <p class="warning">
                Ссылка действительна до {formatDate(abonent().confirmationDeadline)}. После истечения указанной даты Ваш
                Личный кабинет будет удалён.
              </p>
              <p>
                Если письмо не пришло в течение нескольких минут, проверьте папку «Спам» или нажмите «Выслать ссылку».
              </p>
              <div class="form-actions">
                <button
                  type="button"
                  class="button"
                  disabled={busy()}
                  aria-busy={busy()}
                  onClick={() => void sendAgain()}
                >
                  {busy() ? 'Отправляем…' : 'Выслать ссылку'}
                </button>
              </div>
              <div aria-live="polite">
                <Show when={sent() !== undefined}>
                  <p class="success">Новая ссылка отправлена на {sent()}.</p>
                </Show>
              </div>
              <FailureAlert message={failure()} />
            </>
          )}
        </Match>
      </Switch>
    </article>
  );
};
