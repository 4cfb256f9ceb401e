// Login page («Вход»): e-mail and password, a CAPTCHA after repeated failures; then the accounts or the confirmation.
import { createSignal, onMount, Show, type Component } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { CAPTCHA_NOT_DONE, CaptchaField, createCaptcha } from '../shared/captcha';
import {
  createErrors,
  emailProblem,
  focusFirstInvalid,
  FormAlert,
  ShowPasswordToggle,
  submitErrors,
  SubmitButton,
  TextField,
} from '../shared/forms';
import { setPageTitle } from '../shared/page-title';
import { signedIn } from '../shared/session';

const LoginMutation = graphql(`
  mutation LoginPage_Login($input: LoginInput!) {
    login(input: $input) {
      ok
      errors {
        field
        code
        message
      }
      captchaRequired
      abonent {
        id
        email
        emailConfirmed
      }
    }
  }
`);

const FIELDS = ['email', 'password', 'captcha'];

export const LoginPage: Component = () => {
  onMount(() => setPageTitle('Вход'));
  const navigate = useNavigate();
  const captcha = createCaptcha();
  const [, login] = createMutation(LoginMutation);

  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  const [captchaRequired, setCaptchaRequired] = createSignal(false);
  const { errors, setErrors, passesChecks, clearErrors } = createErrors({
    email: () => emailProblem(email()),
    password: () => (password() ? undefined : 'Укажите пароль.'),
    captcha: () => (captchaRequired() && !captcha.payload() ? CAPTCHA_NOT_DONE : undefined),
  });
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const sentCaptcha = captchaRequired() ? captcha.payload() : null;
    const result = await login({ input: { email: email().trim(), password: password(), captcha: sentCaptcha } });
    setBusy(false);
    const payload = result.data?.login;
    if (payload?.ok && payload.abonent) {
      signedIn(payload.abonent);
      navigate(payload.abonent.emailConfirmed ? '/accounts' : '/confirm-pending');
      return;
    }
    setErrors(submitErrors(payload, result.error, FIELDS));
    if (payload) {
      // A solution that was sent has been used up; one is needed from now on when the server says so.
      if (sentCaptcha) captcha.renew();
      setCaptchaRequired(payload.captchaRequired);
    }
    focusFirstInvalid(form);
  };

  return (
    <article class="prose">
      <h1>Вход</h1>
      <p>
        Для входа в Личный кабинет используйте адрес электронной почты, указанный при регистрации, — он служит Вашим
        именем пользователя (логином), — и пароль.
      </p>
      <form ref={form} class="form card" novalidate onSubmit={(event) => void submit(event)}>
        <FormAlert messages={errors().form} />
        <TextField
          id="login-email"
          label="Адрес электронной почты (логин)"
          type="email"
          autocomplete="username"
          value={email()}
          onInput={setEmail}
          error={errors().fields.email}
          maxLength={254}
        />
        <TextField
          id="login-password"
          label="Пароль"
          type={showPassword() ? 'text' : 'password'}
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={errors().fields.password}
        />
        <ShowPasswordToggle id="login-show-password" checked={showPassword()} onChange={setShowPassword} />
        <Show when={captchaRequired()}>
          <p class="hint">Было несколько неудачных попыток входа: подтвердите, что Вы не робот.</p>
          <CaptchaField id="login-captcha" captcha={captcha} error={errors().fields.captcha} login={email().trim()} />
        </Show>
        <div class="form-actions">
          <SubmitButton busy={busy()} label="Войти" busyLabel="Входим…" />
          <A href="/forgot-password">Забыли пароль?</A>
        </div>
      </form>
      <p>
        Ещё нет Личного кабинета? <A href="/register">Зарегистрируйтесь</A>.
      </p>
    </article>
  );
};
