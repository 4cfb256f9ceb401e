// Identity in Chromium, the way a person uses it: register with «Защита от роботов», confirm by the letter, log in,
// change the password, log out, and restore a forgotten password; plus the registration form's errors.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startBrowserKabinet, type BrowserKabinet } from './support/browser-kabinet.js';
import { solveCaptcha } from './support/captcha.js';
import { postGraphQL, type RunningProcess } from './support/processes.js';
import type { SmtpSink } from './support/smtp-sink.js';

/** Generous waits: every password check costs an argon2 hash on the server. */
const WAIT = { timeout: 20_000 };

let app: BrowserKabinet;
let server: RunningProcess;
let browser: Browser;
let smtp: SmtpSink;

beforeAll(async () => {
  app = await startBrowserKabinet('identity-browser');
  ({ server, browser, smtp } = app);
});

afterAll(async () => {
  expect(await app?.close()).toBe(0);
});

let counter = 0;
function uniqueEmail(): string {
  counter += 1;
  return `abonent-${Date.now()}-${counter}@example.ru`;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  return page;
}

/** The letter's link opened on the test server (the letter uses PUBLIC_URL, which is the same here). */
function onServer(link: string): string {
  const url = new URL(link);
  return server.baseUrl + url.pathname + url.search;
}

/** ДД.ММ.ГГГГ in Moscow, as the pages and the letters write dates. */
function moscowDate(date: Date): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** Ticks «Я не робот» in «Защита от роботов» (by its label) and waits until the widget says it is verified. */
async function passCaptcha(page: Page): Promise<void> {
  const widget = page.locator('altcha-widget');
  await widget.getByText('Я не робот', { exact: true }).click();
  await widget.getByText('Проверено').waitFor();
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Вход' }).waitFor();
  await page.getByLabel('Адрес электронной почты (логин)').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** A confirmed cabinet made through the API, for tests that start after registration. */
async function registeredAbonent(email: string, password: string): Promise<void> {
  const challenge = await postGraphQL(server.baseUrl, 'query { captchaChallenge { challenge } }');
  const captcha = await solveCaptcha(challenge.body.data.captchaChallenge.challenge);
  const registered = await postGraphQL(
    server.baseUrl,
    `mutation ($input: RegisterInput!) { register(input: $input) { ok errors { field code message } } }`,
    {
      input: {
        email,
        password,
        passwordRepeat: password,
        captcha,
        acceptAgreement: true,
        consentToPersonalData: true,
      },
    },
  );
  expect(registered.body.data?.register, server.output()).toMatchObject({ ok: true, errors: [] });
  const letter = await smtp.waitFor(email, /Подтвердите регистрацию/);
  const token = new URL(smtp.linkIn(letter, '/confirm')).searchParams.get('token');
  const confirmed = await postGraphQL(server.baseUrl, 'mutation ($t: String!) { confirmEmail(token: $t) { ok } }', {
    t: token,
  });
  expect(confirmed.body.data?.confirmEmail.ok).toBe(true);
}

describe('identity in the web client', () => {
  it('registers with the CAPTCHA, confirms by the letter, logs in, changes the password and logs in with it', async () => {
    const page = await newPage();
    const email = uniqueEmail();
    const password = 'Gaz2026a';
    const newPassword = 'Plita77b';

    await page.goto(server.baseUrl + '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Регистрация' }).click();
    await page.getByRole('heading', { name: 'Регистрация' }).waitFor();
    // The rule comes from the API and is shown next to the password.
    await page
      .locator('#register-password-hint')
      .getByText('Пароль: от 5 до 10 символов, только латинские буквы и цифры.')
      .waitFor();

    await page.getByLabel('Адрес электронной почты (логин)').fill(email);
    await page.getByLabel('Укажите пароль').fill(password);
    await page.getByLabel('Повторите пароль').fill(password);
    await page.getByLabel('Показать пароль').check();
    await expect(page.getByLabel('Укажите пароль').getAttribute('type')).resolves.toBe('text');
    await expect(page.getByLabel('Повторите пароль').getAttribute('type')).resolves.toBe('text');
    await passCaptcha(page);
    await page.getByLabel('Я принимаю условия Пользовательского соглашения').check();
    await page.getByLabel('Я даю согласие на обработку персональных данных').check();
    const before = moscowDate(new Date(Date.now() + 3 * 86_400_000));
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    const success = page.getByRole('status').filter({ hasText: 'Вы успешно зарегистрированы в Системе' });
    await success.waitFor();
    const after = moscowDate(new Date(Date.now() + 3 * 86_400_000));
    const text = (await success.textContent()) ?? '';
    expect(text).toContain(`отправленной на Ваш электронный адрес ${email}`);
    expect(text).toContain('нажмите на кнопку «Выслать ссылку»');
    const deadline = text.match(/Ссылка действительна до (\d{2}\.\d{2}\.\d{4})\./)?.[1];
    expect([before, after]).toContain(deadline);
    await page.screenshot({ path: path.join(SHOTS, 'identity-registered.png'), fullPage: true });

    const letter = await smtp.waitFor(email, /^Подтвердите регистрацию в Личном кабинете$/);
    expect(letter.text).toContain(`Ссылка действительна до ${deadline}`);
    await page.goto(onServer(smtp.linkIn(letter, '/confirm')));
    await page.getByRole('heading', { name: 'Регистрация подтверждена' }).waitFor();
    await page
      .getByText('Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.')
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'identity-confirmed.png'), fullPage: true });

    await page.getByRole('link', { name: 'Войти в Личный кабинет' }).click();
    await logIn(page, email, password);
    await page.waitForURL('**/accounts');
    await expect(page.getByTestId('session-email').textContent()).resolves.toBe(email);

    await page.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
    await page.getByRole('heading', { name: 'Настройки абонента' }).waitFor();
    await page.getByText(`Логин: ${email}`).waitFor();
    await page.getByText(`Введите новый пароль для ${email}.`).waitFor();
    await page.getByLabel('Текущий пароль').fill(password);
    await page.getByLabel('Новый пароль').fill(newPassword);
    await page.getByLabel('Повторите пароль').fill(newPassword);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.getByText('Пароль изменён. Остальные сеансы входа завершены.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'identity-password-changed.png'), fullPage: true });
    await smtp.waitFor(email, /^Пароль от Личного кабинета изменён$/);

    await page.getByRole('navigation').getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('navigation').getByRole('link', { name: 'Вход' }).waitFor();

    // The old password no longer opens the cabinet; the new one does.
    await logIn(page, email, password);
    await page.getByRole('alert').getByText('Неверный адрес электронной почты или пароль.').waitFor();
    await page.getByLabel('Пароль', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL('**/accounts');
    await page.getByTestId('session-email').getByText(email).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'identity-logged-in.png'), fullPage: true });
    await page.context().close();
  });

  it('restores a forgotten password by the link from the letter', async () => {
    const email = uniqueEmail();
    await registeredAbonent(email, 'Start123');
    const page = await newPage();
    const newPassword = 'Vosstan9';

    await page.goto(server.baseUrl + '/login');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await page.getByRole('heading', { name: 'Восстановление пароля' }).waitFor();
    await page.getByLabel('Адрес электронной почты (логин)').fill(email);
    await page.getByRole('button', { name: 'Отправить ссылку' }).click();
    await page
      .getByText(
        `Если Личный кабинет с адресом ${email} существует, мы отправили на него письмо со ссылкой для восстановления пароля. Ссылка действительна 1 час.`,
      )
      .waitFor();

    const letter = await smtp.waitFor(email, /^Восстановление пароля от Личного кабинета$/);
    await page.goto(onServer(smtp.linkIn(letter, '/reset-password')));
    await page.getByRole('heading', { name: 'Новый пароль' }).waitFor();
    await page.getByLabel('Новый пароль').fill(newPassword);
    await page.getByLabel('Повторите пароль').fill(newPassword);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён. Войдите с новым паролем.').waitFor();
    await smtp.waitFor(email, /^Пароль от Личного кабинета изменён$/);

    await page.getByRole('link', { name: 'Войти в Личный кабинет' }).click();
    await logIn(page, email, newPassword);
    await page.waitForURL('**/accounts');
    await page.getByTestId('session-email').getByText(email).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'identity-password-restored.png'), fullPage: true });
    await page.context().close();
  });

  it('shows registration errors next to their fields: the rule before sending, the server’s after', async () => {
    const page = await newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.postData() ?? '');
    });
    const registrations = () => sent.filter((body) => body.includes('RegisterPage_Register')).length;

    await page.goto(server.baseUrl + '/register');
    await page
      .locator('#register-password-hint')
      .getByText('Пароль: от 5 до 10 символов, только латинские буквы и цифры.')
      .waitFor();

    // The «?» next to the e-mail explains the login on keyboard focus.
    await page.getByRole('button', { name: 'Подсказка' }).first().focus();
    await page.getByRole('tooltip').getByText('в качестве Вашего имени пользователя (логина)').waitFor();

    const email = page.getByLabel('Адрес электронной почты (логин)');
    const password = page.getByLabel('Укажите пароль');
    const repeat = page.getByLabel('Повторите пароль');
    await email.fill(uniqueEmail());
    await password.fill('abcd');
    await repeat.fill('abce');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(repeat.getAttribute('aria-invalid')).resolves.toBe('true');
    const passwordError = page.locator(
      `#${await password.getAttribute('aria-describedby').then((ids) => ids?.split(' ').pop())}`,
    );
    await expect(passwordError.textContent()).resolves.toBe('Пароль слишком короткий: нужно не менее 5 символов.');
    await expect(page.locator('#register-password-repeat-error').textContent()).resolves.toBe(
      'Пароли не совпадают: повторите пароль точно так же.',
    );
    await page.getByText('Чтобы зарегистрироваться, примите условия Пользовательского соглашения.').waitFor();
    await page.getByText('Чтобы зарегистрироваться, дайте согласие на обработку персональных данных.').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBeNull();
    // Focus goes to the first field to fix.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('register-password');
    expect(registrations()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'identity-register-client-errors.png'), fullPage: true });

    // Fixing a field clears its error as the person types.
    await password.fill('Abcde12');
    await repeat.fill('Abcde12');
    await expect(password.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(repeat.getAttribute('aria-invalid')).resolves.toBeNull();

    // An address the browser would accept but the server does not: its error comes back next to the field.
    await email.fill('abonent@localhost');
    await passCaptcha(page);
    await page.getByLabel('Я принимаю условия Пользовательского соглашения').check();
    await page.getByLabel('Я даю согласие на обработку персональных данных').check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page
      .locator('#register-email-error')
      .getByText('Укажите адрес электронной почты в виде name@example.ru.')
      .waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(registrations()).toBe(1);
    // The solution was sent, so the check starts over with a new challenge.
    await page.locator('altcha-widget').getByLabel('Я не робот').waitFor();
    expect(sent.filter((body) => body.includes('Captcha_Challenge'))).toHaveLength(2);
    await page.screenshot({ path: path.join(SHOTS, 'identity-register-server-error.png'), fullPage: true });
    await page.context().close();
  });
});
