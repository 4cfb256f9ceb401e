// Login page («Вход»): e-mail and password, a CAPTCHA after repeated failures; then the accounts or the confirmation.
import { createSignal, onMount, Show, type Component } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { CAPTCHA_NOT_DONE, CaptchaField, createCaptcha } from '../captcha';
import {
  emailProblem,
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
import { signedIn } from '../session';

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
  const { errors, setErrors, clearErrors } = createErrors();
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const problems: Record<string, string> = {};
    const emailError = emailProblem(email());
    if (emailError) problems.email = emailError;
    if (!password()) problems.password = 'Укажите пароль.';
    if (captchaRequired() && !captcha.payload()) problems.captcha = CAPTCHA_NOT_DONE;
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, form: [] });
      focusFirstInvalid(form);
      return;
    }
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
    if (!payload) {
      setErrors({ fields: {}, form: [requestFailure(result.error)] });
    } else {
      setErrors(sortErrors(payload.errors, FIELDS));
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
      <form ref={form} class="form card" novalidate onSubmit={submit}>
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
          <CaptchaField id="login-captcha" captcha={captcha} error={errors().fields.captcha} />
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
