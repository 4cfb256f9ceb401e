// New password from the reset link («Забыли пароль?»): the rule, the new password twice; then log in with it.
import { createSignal, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import { createErrors, FormAlert, requestFailure, submitErrors, SubmitButton } from '../shared/forms';
import { RetryAlert } from '../shared/retry-alert';
import { NewPasswordFields } from './new-password-fields';
import { setPageTitle } from '../shared/page-title';
import { createPasswordPolicy, passwordProblem, repeatProblem } from './password-policy';
import { signedOut } from '../shared/session';

const ResetPasswordMutation = graphql(`
  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      ok
      errors {
        field
        code
        message
      }
    }
  }
`);

const ResetLinkQuery = graphql(`
  query ResetPasswordPage_Link($token: String!) {
    passwordResetLink(token: $token) {
      usable
      problem {
        code
        message
      }
    }
  }
`);

const FIELDS = ['newPassword', 'newPasswordRepeat'];

export const ResetPasswordPage: Component = () => {
  onMount(() => setPageTitle('Новый пароль'));
  const [searchParams] = useSearchParams();
  const token = () => {
    const raw = searchParams.token;
    return ((Array.isArray(raw) ? raw[0] : raw) ?? '').trim();
  };
  // The link is checked as the page opens: a used or expired one is refused before any password is typed.
  const [link, recheckLink] = createQuery({
    query: ResetLinkQuery,
    variables: () => ({ token: token() }),
    pause: () => !token(),
    requestPolicy: 'network-only',
  });
  const policy = createPasswordPolicy();
  const [, resetPassword] = createMutation(ResetPasswordMutation);
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  const { errors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    newPassword: () => passwordProblem(policy(), password()),
    newPasswordRepeat: () => repeatProblem(password(), repeat()),
  });
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  let form: HTMLFormElement | undefined;
  let successBox: HTMLDivElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await resetPassword({
      input: { token: token(), newPassword: password(), newPasswordRepeat: repeat() },
    });
    setBusy(false);
    const payload = result.data?.resetPassword;
    if (payload?.ok) {
      // Every session of the abonent ended, this browser's too.
      signedOut();
      setDone(true);
      successBox?.focus();
      return;
    }
    showErrors(submitErrors(payload, result.error, FIELDS), form);
  };

  return (
    <article class="prose">
      <h1>Новый пароль</h1>
      <Show
        when={!done()}
        fallback={
          <div ref={successBox} class="success" role="status" tabindex="-1">
            <p>Пароль изменён. Войдите с новым паролем.</p>
            <p>
              <A href="/login">Войти в Личный кабинет</A>
            </p>
          </div>
        }
      >
        <Show
          when={token()}
          fallback={
            <div class="alert" role="alert">
              <p>
                В ссылке нет кода восстановления. Откройте ссылку из письма целиком или{' '}
                <A href="/forgot-password">запросите восстановление пароля ещё раз</A>.
              </p>
            </div>
          }
        >
          <Switch>
            <Match when={link.error}>
              <RetryAlert
                message={requestFailure(link.error)}
                onRetry={() => recheckLink({ requestPolicy: 'network-only' })}
              />
            </Match>
            <Match when={link.data && !link.data.passwordResetLink.usable && link.data.passwordResetLink.problem}>
              {(problem) => (
                <div class="alert" role="alert" data-testid="reset-link-problem">
                  <p>{problem().message}</p>
                  <p>
                    <A href="/forgot-password">Запросить восстановление пароля ещё раз</A>
                  </p>
                </div>
              )}
            </Match>
            <Match when={link.data?.passwordResetLink.usable}>
              <form ref={form} class="form card" novalidate onSubmit={(event) => void submit(event)}>
                <FormAlert messages={errors().form} />
                <Show when={errors().form.length > 0}>
                  <p>
                    <A href="/forgot-password">Запросить восстановление пароля ещё раз</A>
                  </p>
                </Show>
                <NewPasswordFields
                  ids={{
                    password: 'reset-password',
                    repeat: 'reset-password-repeat',
                    showPassword: 'reset-show-password',
                  }}
                  label="Новый пароль"
                  fields={{ password: 'newPassword', repeat: 'newPasswordRepeat' }}
                  policy={policy()}
                  password={password()}
                  onPasswordInput={setPassword}
                  repeat={repeat()}
                  onRepeatInput={setRepeat}
                  showPassword={showPassword()}
                  onShowPasswordChange={setShowPassword}
                  errors={errors().fields}
                  recheck={recheck}
                />
                <div class="form-actions">
                  <SubmitButton busy={busy()} label="Сохранить пароль" />
                </div>
              </form>
            </Match>
            <Match when={true}>
              <p class="status" role="status">
                Проверяем ссылку…
              </p>
            </Match>
          </Switch>
        </Show>
      </Show>
    </article>
  );
};
