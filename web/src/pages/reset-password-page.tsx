// New password from the reset link («Забыли пароль?»): the rule, the new password twice; then log in with it.
import { createSignal, onMount, Show, type Component } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import {
  focusFirstInvalid,
  FormAlert,
  createErrors,
  requestFailure,
  ShowPasswordToggle,
  sortErrors,
  SubmitButton,
  TextField,
} from '../forms';
import { setPageTitle } from '../page-title';
import { createPasswordPolicy, passwordProblem, repeatProblem } from '../password-policy';
import { signedOut } from '../session';

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

const FIELDS = ['newPassword', 'newPasswordRepeat'];

export const ResetPasswordPage: Component = () => {
  onMount(() => setPageTitle('Новый пароль'));
  const [searchParams] = useSearchParams();
  const token = () => {
    const raw = searchParams.token;
    return ((Array.isArray(raw) ? raw[0] : raw) ?? '').trim();
  };
  const policy = createPasswordPolicy();
  const [, resetPassword] = createMutation(ResetPasswordMutation);
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  const { errors, setErrors, setFieldError, clearErrors } = createErrors();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  let form: HTMLFormElement | undefined;
  let successBox: HTMLDivElement | undefined;

  const checks: Record<string, () => string | undefined> = {
    newPassword: () => passwordProblem(policy(), password()),
    newPasswordRepeat: () => repeatProblem(password(), repeat()),
  };
  const recheck = (field: string) => {
    if (errors().fields[field]) setFieldError(field, checks[field]?.());
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const problems: Record<string, string> = {};
    for (const field of FIELDS) {
      const problem = checks[field]?.();
      if (problem) problems[field] = problem;
    }
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, form: [] });
      focusFirstInvalid(form);
      return;
    }
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
    setErrors(payload ? sortErrors(payload.errors, FIELDS) : { fields: {}, form: [requestFailure(result.error)] });
    focusFirstInvalid(form);
  };

  const passwordType = () => (showPassword() ? 'text' : 'password');

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
          <form ref={form} class="form card" novalidate onSubmit={submit}>
            <FormAlert messages={errors().form} />
            <Show when={errors().form.length > 0}>
              <p>
                <A href="/forgot-password">Запросить восстановление пароля ещё раз</A>
              </p>
            </Show>
            <TextField
              id="reset-password"
              label="Новый пароль"
              type={passwordType()}
              autocomplete="new-password"
              value={password()}
              onInput={(value) => {
                setPassword(value);
                recheck('newPassword');
                recheck('newPasswordRepeat');
              }}
              hint={policy()?.description}
              tooltip={policy()?.description}
              error={errors().fields.newPassword}
            />
            <TextField
              id="reset-password-repeat"
              label="Повторите пароль"
              type={passwordType()}
              autocomplete="new-password"
              value={repeat()}
              onInput={(value) => {
                setRepeat(value);
                recheck('newPasswordRepeat');
              }}
              error={errors().fields.newPasswordRepeat}
            />
            <ShowPasswordToggle id="reset-show-password" checked={showPassword()} onChange={setShowPassword} />
            <div class="form-actions">
              <SubmitButton busy={busy()} label="Сохранить пароль" />
            </div>
          </form>
        </Show>
      </Show>
    </article>
  );
};
