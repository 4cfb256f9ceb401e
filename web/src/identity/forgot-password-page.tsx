// «Восстановление пароля»: asks for a reset link by e-mail; the answer is the same whether the cabinet exists or not.
import { createSignal, onMount, Show, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { createErrors, emailProblem, FormAlert, submitErrors, SubmitButton, TextField } from '../shared/forms';
import { setPageTitle } from '../shared/page-title';

const RequestResetMutation = graphql(`
  mutation ForgotPasswordPage_RequestReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      ok
      errors {
        field
        code
        message
      }
    }
  }
`);

const FIELDS = ['email'];

export const ForgotPasswordPage: Component = () => {
  onMount(() => setPageTitle('Восстановление пароля'));
  const [, requestReset] = createMutation(RequestResetMutation);
  const [email, setEmail] = createSignal('');
  const { errors, showErrors, passesChecks, clearErrors } = createErrors({ email: () => emailProblem(email()) });
  const [busy, setBusy] = createSignal(false);
  const [sentTo, setSentTo] = createSignal<string>();
  let form: HTMLFormElement | undefined;
  let successBox: HTMLDivElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const address = email().trim();
    const result = await requestReset({ input: { email: address } });
    setBusy(false);
    const payload = result.data?.requestPasswordReset;
    if (payload?.ok) {
      setSentTo(address);
      successBox?.focus();
      return;
    }
    showErrors(submitErrors(payload, result.error, FIELDS), form);
  };

  return (
    <article class="prose">
      <h1>Восстановление пароля</h1>
      <Show
        when={sentTo()}
        fallback={
          <>
            <p>
              Укажите адрес электронной почты, который Вы используете как логин. Мы отправим на него ссылку, по которой
              можно задать новый пароль.
            </p>
            <form ref={form} class="form card" novalidate onSubmit={(event) => void submit(event)}>
              <FormAlert messages={errors().form} />
              <TextField
                id="forgot-email"
                label="Адрес электронной почты (логин)"
                type="email"
                autocomplete="email"
                value={email()}
                onInput={setEmail}
                error={errors().fields.email}
                maxLength={254}
              />
              <div class="form-actions">
                <SubmitButton busy={busy()} label="Отправить ссылку" />
              </div>
            </form>
          </>
        }
      >
        {(address) => (
          <div ref={successBox} class="success" role="status" tabindex="-1">
            <p>
              Если Личный кабинет с адресом <strong>{address()}</strong> существует, мы отправили на него письмо со
              ссылкой для восстановления пароля. Срок действия ссылки указан в письме.
            </p>
          </div>
        )}
      </Show>
      <p>
        <A href="/login">← вход в Личный кабинет</A>
      </p>
    </article>
  );
};
