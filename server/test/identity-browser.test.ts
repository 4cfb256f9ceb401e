// Identity in Chromium, the way a person uses it: register with «Защита от роботов», confirm by the letter, log in,
// change the password, log out, and restore a forgotten password; plus the registration form's errors.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, onServer, registerAbonent, uniqueEmail } from './support/browser-abonents.js';
import { newPage, screenshots, useBrowserKabinet } from './support/browser-kabinet.js';

const app = useBrowserKabinet('identity-browser');
const { shot } = screenshots('identity');

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

describe('identity in the web client', () => {
  it('registers with the CAPTCHA, confirms by the letter, logs in, changes the password and logs in with it', async () => {
    const page = await newPage(app);
    const email = uniqueEmail('abonent');
    const password = 'Gaz2026a';
    const newPassword = 'Plita77b';

    await page.goto(app.baseUrl + '/');
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
    await shot(page, 'registered');

    const letter = await app.smtp.waitFor(email, /^Подтвердите регистрацию в Личном кабинете$/);
    expect(letter.text).toContain(`Ссылка действительна до ${deadline}`);
    await page.goto(onServer(app, app.smtp.linkIn(letter, '/confirm')));
    await page.getByRole('heading', { name: 'Регистрация подтверждена' }).waitFor();
    await page
      .getByText('Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.')
      .waitFor();
    await shot(page, 'confirmed');

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
    await shot(page, 'password-changed');
    await app.smtp.waitFor(email, /^Пароль от Личного кабинета изменён$/);

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
    await shot(page, 'logged-in');
    await page.context().close();
  });

  it('after failed logins asks for «Защита от роботов» for that login, at its raised cost, and lets the owner in', async () => {
    const email = uniqueEmail('abonent');
    await registerAbonent(app, email, { password: 'Vhod2026' });
    const page = await newPage(app);
    const challenges: Array<{ login?: string | null; cost?: number }> = [];
    page.on('response', async (response) => {
      const body = response.request().postData() ?? '';
      if (!body.includes('Captcha_Challenge')) return;
      const answer = JSON.parse((await response.text().catch(() => '{}')) || '{}');
      const challenge = JSON.parse(answer.data?.captchaChallenge?.challenge ?? '{}');
      challenges.push({ login: JSON.parse(body).variables?.login, cost: challenge.parameters?.data?.cost });
    });

    const answered = () => page.waitForResponse((r) => (r.request().postData() ?? '').includes('LoginPage_Login'));
    await page.goto(app.baseUrl + '/login');
    for (let i = 0; i < 3; i++) {
      const answer = answered();
      await logIn(page, email, `Oshibka${i}`);
      await answer;
      await page.getByText('Неверный адрес электронной почты или пароль.').waitFor();
    }
    await page.getByText('Было несколько неудачных попыток входа: подтвердите, что Вы не робот.').waitFor();
    // One more failure with the CAPTCHA solved: the next challenge for this login costs twice as much.
    await passCaptcha(page);
    await page.getByLabel('Пароль', { exact: true }).fill('Oshibka3');
    const fourth = answered();
    await page.getByRole('button', { name: 'Войти' }).click();
    await fourth;
    await page.getByText('Неверный адрес электронной почты или пароль.').waitFor();
    await page.locator('altcha-widget').getByLabel('Я не робот').waitFor();
    await passCaptcha(page);
    await page.getByLabel('Пароль', { exact: true }).fill('Vhod2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL('**/accounts');
    expect(challenges.map((c) => c.login)).toEqual([email, email]);
    expect(challenges.map((c) => c.cost)).toEqual([10, 20]);
    await page.context().close();
  });

  it('restores a forgotten password by the link from the letter', async () => {
    const email = uniqueEmail('abonent');
    await registerAbonent(app, email, { password: 'Start123' });
    const page = await newPage(app);
    const newPassword = 'Vosstan9';

    await page.goto(app.baseUrl + '/login');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await page.getByRole('heading', { name: 'Восстановление пароля' }).waitFor();
    await page.getByLabel('Адрес электронной почты (логин)').fill(email);
    await page.getByRole('button', { name: 'Отправить ссылку' }).click();
    await page
      .getByText(
        `Если Личный кабинет с адресом ${email} существует, мы отправили на него письмо со ссылкой для восстановления пароля. Срок действия ссылки указан в письме.`,
      )
      .waitFor();

    const letter = await app.smtp.waitFor(email, /^Восстановление пароля от Личного кабинета$/);
    await page.goto(onServer(app, app.smtp.linkIn(letter, '/reset-password')));
    await page.getByRole('heading', { name: 'Новый пароль' }).waitFor();
    await page.getByLabel('Новый пароль').fill(newPassword);
    await page.getByLabel('Повторите пароль').fill(newPassword);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён. Войдите с новым паролем.').waitFor();
    await app.smtp.waitFor(email, /^Пароль от Личного кабинета изменён$/);

    await page.getByRole('link', { name: 'Войти в Личный кабинет' }).click();
    await logIn(page, email, newPassword);
    await page.waitForURL('**/accounts');
    await page.getByTestId('session-email').getByText(email).waitFor();
    await shot(page, 'password-restored');
    await page.context().close();
  });

  it('shows registration errors next to their fields: the rule before sending, the server’s after', async () => {
    const page = await newPage(app);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.postData() ?? '');
    });
    const registrations = () => sent.filter((body) => body.includes('RegisterPage_Register')).length;

    await page.goto(app.baseUrl + '/register');
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
    await email.fill(uniqueEmail('abonent'));
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
    await shot(page, 'register-client-errors');

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
    await shot(page, 'register-server-error');
    await page.context().close();
  });

  it('asks an abonent whose e-mail is not confirmed for the CAPTCHA on «Поддержка», and sends the request once solved', async () => {
    const email = uniqueEmail('support');
    await registerAbonent(app, email, { confirm: false });
    const page = await newPage(app);
    await page.goto(app.baseUrl + '/login');
    await logIn(page, email);
    await page.getByTestId('session-email').waitFor();
    await page.goto(app.baseUrl + '/support');
    await page.getByRole('heading', { name: 'Обращение в поддержку' }).waitFor();
    await page.getByLabel('Тема обращения').selectOption('Регистрация и вход');
    await page.getByLabel('Сообщение').fill('Не приходит письмо со ссылкой');
    await passCaptcha(page);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page
      .getByRole('status')
      .getByText(/Обращение № \d+ принято/)
      .waitFor();
    await app.smtp.waitFor('support@kabinet.localhost', /Обращение в поддержку: Регистрация и вход/);
    await page.context().close();
  });
});
