// «Настройки абонента»: the login, password change, logout and deleting the cabinet (for a logged-in abonent).
import { createSignal, Match, onMount, Show, Switch, type Component } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { createErrors, FormAlert, NETWORK_ERROR, submitErrors, SubmitButton, TextField } from '../forms';
import { NewPasswordFields } from '../new-password-fields';
import { setPageTitle } from '../page-title';
import { createPasswordPolicy, passwordProblem, repeatProblem } from '../password-policy';
import { RetryAlert } from '../retry-alert';
import { ensureSession, logout, session, signedOut, type SessionAbonent } from '../session';
import { SignInRequired } from '../sign-in-required';

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

const DeleteCabinetMutation = graphql(`
  mutation SettingsPage_DeleteCabinet($password: String!) {
    deleteCabinet(password: $password) {
      ok
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SettingsPage: Component = () => {
  onMount(() => {
    setPageTitle('Настройки');
    void ensureSession();
  });
  const abonent = () => {
    const current = session();
    return current.status === 'abonent' ? current.abonent : undefined;
  };

  return (
    <article class="prose">
      <h1>Настройки абонента</h1>
      <Switch>
        <Match when={session().status === 'loading'}>
          <p class="status" role="status" aria-busy="true">
            Загрузка…
          </p>
        </Match>
        <Match when={session().status === 'error'}>
          <RetryAlert message={NETWORK_ERROR} onRetry={() => void ensureSession()} />
        </Match>
        <Match when={abonent()}>{(current) => <Settings abonent={current()} />}</Match>
        <Match when={session().status === 'anonymous'}>
          <SignInRequired />
        </Match>
      </Switch>
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
        <button type="button" class="button button-secondary" disabled={loggingOut()} onClick={leave}>
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
          Лицевые счета подключаются в разделе <A href="/accounts">«Лицевые счета»</A>: выберите поставщика услуг и
          введите номер лицевого счёта, указанный в квитанции. Этот раздел скоро заработает.
        </p>
      </section>

      <DeleteCabinetSection />
    </>
  );
};

const CHANGE_FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeat'];

const ChangePasswordSection: Component<{ email: string }> = (props) => {
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
      <form ref={form} class="form card" novalidate onSubmit={submit}>
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

const DeleteCabinetSection: Component = () => {
  const navigate = useNavigate();
  const [, deleteCabinet] = createMutation(DeleteCabinetMutation);
  const [password, setPassword] = createSignal('');
  const { errors, showErrors, passesChecks, clearErrors } = createErrors({
    password: () => (password() ? undefined : 'Укажите пароль, чтобы подтвердить удаление.'),
  });
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await deleteCabinet({ password: password() });
    setBusy(false);
    const payload = result.data?.deleteCabinet;
    if (payload?.ok) {
      signedOut();
      navigate('/', {
        state: { notice: 'Ваш Личный кабинет удалён вместе со всеми данными. Сеанс входа завершён.' },
      });
      return;
    }
    showErrors(submitErrors(payload, result.error, ['password']), form);
  };

  return (
    <section aria-labelledby="delete-cabinet-heading">
      <h2 id="delete-cabinet-heading">Удалить Личный кабинет</h2>
      <p>
        Личный кабинет будет удалён без возможности восстановления: подключённые лицевые счета, история показаний и
        обращений в поддержку. Это также отзывает согласие на обработку персональных данных.
      </p>
      <form ref={form} class="form card danger-zone" novalidate onSubmit={submit}>
        <FormAlert messages={errors().form} />
        <TextField
          id="delete-password"
          label="Пароль для подтверждения"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={errors().fields.password}
        />
        <div class="form-actions">
          <SubmitButton busy={busy()} label="Удалить Личный кабинет" busyLabel="Удаляем…" class="button-danger" />
        </div>
      </form>
    </section>
  );
};
