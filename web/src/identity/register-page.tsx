// Registration page: the form («Регистрация») and, once sent, what happens next with the confirmation letter.
import { createSignal, onMount, Show, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { CAPTCHA_NOT_DONE, CaptchaField, createCaptcha } from '../shared/captcha';
import {
  CheckboxField,
  createErrors,
  emailProblem,
  FormAlert,
  submitErrors,
  SubmitButton,
  TextField,
} from '../shared/forms';
import { formatDate } from '../shared/format';
import { NewPasswordFields } from './new-password-fields';
import { setPageTitle } from '../shared/page-title';
import { createPasswordPolicy, passwordProblem, repeatProblem } from './password-policy';

const RegisterMutation = graphql(`
  mutation RegisterPage_Register($input: RegisterInput!) {
    register(input: $input) {
      ok
      errors {
        field
        code
        message
      }
      email
      confirmationDeadline
    }
  }
`);

const FIELDS = ['email', 'password', 'passwordRepeat', 'captcha', 'acceptAgreement', 'consentToPersonalData'];

const EMAIL_TOOLTIP =
  'Адрес электронной почты будет использоваться в качестве Вашего имени пользователя (логина) для доступа к услугам Личного кабинета.';

export const RegisterPage: Component = () => {
  onMount(() => setPageTitle('Регистрация'));
  const policy = createPasswordPolicy();
  const captcha = createCaptcha();
  const [, register] = createMutation(RegisterMutation);

  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [passwordRepeat, setPasswordRepeat] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  const [acceptAgreement, setAcceptAgreement] = createSignal(false);
  const [consent, setConsent] = createSignal(false);
  // The same checks the server makes, run before sending; each runs again as the person fixes the field.
  const { errors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    email: () => emailProblem(email()),
    password: () => passwordProblem(policy(), password()),
    passwordRepeat: () => repeatProblem(password(), passwordRepeat()),
    captcha: () => (captcha.payload() ? undefined : CAPTCHA_NOT_DONE),
    acceptAgreement: () =>
      acceptAgreement() ? undefined : 'Чтобы зарегистрироваться, примите условия Пользовательского соглашения.',
    consentToPersonalData: () =>
      consent() ? undefined : 'Чтобы зарегистрироваться, дайте согласие на обработку персональных данных.',
  });
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<{ email: string; deadline: string }>();
  let form: HTMLFormElement | undefined;
  let successBox: HTMLDivElement | undefined;

  const fieldError = (field: string) => errors().fields[field];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await register({
      input: {
        email: email().trim(),
        password: password(),
        passwordRepeat: passwordRepeat(),
        captcha: captcha.payload(),
        acceptAgreement: acceptAgreement(),
        consentToPersonalData: consent(),
      },
    });
    setBusy(false);
    // Every attempt may have used the CAPTCHA solution: the next one needs a new check.
    captcha.renew();
    const payload = result.data?.register;
    if (payload?.ok) {
      setDone({ email: payload.email ?? email().trim(), deadline: formatDate(payload.confirmationDeadline) });
      successBox?.focus();
      return;
    }
    showErrors(submitErrors(payload, result.error, FIELDS), form);
  };

  return (
    <article class="prose">
      <h1>Регистрация</h1>
      <Show
        when={done()}
        fallback={
          <>
            <p>
              При первичной регистрации в Личном кабинете клиента Вам необходимо указать адрес электронной почты. Он
              будет использован в качестве Вашего имени пользователя (логина) для доступа к услугам Личного кабинета.
            </p>
            <form ref={form} class="form card" novalidate onSubmit={(event) => void submit(event)}>
              <FormAlert messages={errors().form} />
              <TextField
                id="register-email"
                label="Адрес электронной почты (логин)"
                type="email"
                autocomplete="email"
                value={email()}
                onInput={(value) => {
                  setEmail(value);
                  recheck('email');
                }}
                tooltip={EMAIL_TOOLTIP}
                error={fieldError('email')}
                maxLength={254}
              />
              <NewPasswordFields
                ids={{
                  password: 'register-password',
                  repeat: 'register-password-repeat',
                  showPassword: 'register-show-password',
                }}
                label="Укажите пароль"
                fields={{ password: 'password', repeat: 'passwordRepeat' }}
                policy={policy()}
                password={password()}
                onPasswordInput={setPassword}
                repeat={passwordRepeat()}
                onRepeatInput={setPasswordRepeat}
                showPassword={showPassword()}
                onShowPasswordChange={setShowPassword}
                errors={errors().fields}
                recheck={recheck}
              />
              <CaptchaField id="register-captcha" captcha={captcha} error={fieldError('captcha')} />
              <CheckboxField
                id="register-agreement"
                checked={acceptAgreement()}
                onChange={(checked) => {
                  setAcceptAgreement(checked);
                  recheck('acceptAgreement');
                }}
                error={fieldError('acceptAgreement')}
              >
                Я принимаю условия{' '}
                <a href="/documents/agreement" target="_blank" rel="noopener">
                  Пользовательского соглашения<span class="visually-hidden"> (откроется в новой вкладке)</span>
                </a>
              </CheckboxField>
              <CheckboxField
                id="register-personal-data"
                checked={consent()}
                onChange={(checked) => {
                  setConsent(checked);
                  recheck('consentToPersonalData');
                }}
                error={fieldError('consentToPersonalData')}
              >
                Я даю{' '}
                <a href="/documents/personal-data" target="_blank" rel="noopener">
                  согласие на обработку персональных данных
                  <span class="visually-hidden"> (откроется в новой вкладке)</span>
                </a>
              </CheckboxField>
              <div class="form-actions">
                <SubmitButton busy={busy()} label="Зарегистрироваться" />
              </div>
            </form>
            <p>
              <A href="/login">← вход в Личный кабинет</A>
            </p>
          </>
        }
      >
        {(registered) => (
          <div ref={successBox} class="success" role="status" tabindex="-1">
            <p>
              Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет! Для подтверждения регистрации
              перейдите по ссылке, отправленной на Ваш электронный адрес <strong>{registered().email}</strong>.
            </p>
            <p>
              Если письмо не будет доставлено в течение нескольких минут, повторите отправку ссылки. Для этого войдите в
              Личный кабинет под Вашими логином и паролем и нажмите на кнопку «Выслать ссылку».
            </p>
            <p class="warning">
              <strong>Внимание!</strong> Ссылка действительна до {registered().deadline}. После истечения указанной даты
              Ваш Личный кабинет будет удалён.
            </p>
            <p>
              <A href="/login">Возврат к странице Авторизации</A>
            </p>
          </div>
        )}
      </Show>
    </article>
  );
};
