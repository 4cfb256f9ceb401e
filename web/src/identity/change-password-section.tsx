// «Настройки» → «Смена пароля»: the current password and the new one twice; other sessions end.
import { createSignal, Show, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { createErrors, FormAlert, submitErrors, SubmitButton, TextField } from '../shared/forms';
import { NewPasswordFields } from './new-password-fields';
import { createPasswordPolicy, passwordProblem, repeatProblem } from './password-policy';

const ChangePasswordMutation = graphql(`
  mutation SettingsPage_ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ok
      errors {
        field
        code
        message
      }
    }
  }
`);

const CHANGE_FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeat'];

export const ChangePasswordSection: Component<{ email: string }> = (props) => {
  const policy = createPasswordPolicy();
  const [, changePassword] = createMutation(ChangePasswordMutation);
  const [current, setCurrent] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  const { errors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    currentPassword: () => (current() ? undefined : 'Укажите текущий пароль.'),
    newPassword: () => passwordProblem(policy(), password()),
    newPasswordRepeat: () => repeatProblem(password(), repeat()),
  });
  const [busy, setBusy] = createSignal(false);
  const [changed, setChanged] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setChanged(false);
    if (!passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await changePassword({
      input: { currentPassword: current(), newPassword: password(), newPasswordRepeat: repeat() },
    });
    setBusy(false);
    const payload = result.data?.changePassword;
    if (payload?.ok) {
      setCurrent('');
      setPassword('');
      setRepeat('');
      setChanged(true);
      return;
    }
    showErrors(submitErrors(payload, result.error, CHANGE_FIELDS), form);
  };

  return (
    <section aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Смена пароля</h2>
      <p>
        Введите новый пароль для {props.email}. Желательно, чтобы он отличался от ваших паролей для других веб-сайтов.
      </p>
      <form ref={form} class="form card" novalidate onSubmit={(event) => void submit(event)}>
        <FormAlert messages={errors().form} />
        {/* Lets password managers tie the new password to the login. */}
        <input
          type="text"
          class="visually-hidden"
          autocomplete="username"
          value={props.email}
          readOnly
          tabindex="-1"
          aria-hidden="true"
        />
        <TextField
          id="change-current-password"
          label="Текущий пароль"
          type={showPassword() ? 'text' : 'password'}
          autocomplete="current-password"
          value={current()}
          onInput={(value) => {
            setCurrent(value);
            recheck('currentPassword');
          }}
          error={errors().fields.currentPassword}
        />
        <NewPasswordFields
          ids={{
            password: 'change-new-password',
            repeat: 'change-new-password-repeat',
            showPassword: 'change-show-password',
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
          <SubmitButton busy={busy()} label="Сменить пароль" busyLabel="Сохраняем…" />
          <A href="/forgot-password">Забыли пароль?</A>
        </div>
        <div aria-live="polite">
          <Show when={changed()}>
            <p class="success">Пароль изменён. Остальные сеансы входа завершены.</p>
          </Show>
        </div>
      </form>
    </section>
  );
};
