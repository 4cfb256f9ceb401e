// «Поддержка» (on a phone), the legal pages and the messages that must not mislead, in Chromium: a request opened as a thread,
// added to and answered (by `npm run support`), the operator named in the agreement and the consent, the CAPTCHA
// error gone once «Проверено», a used reset link refused at once, and a confirmed abonent reopening the link.
import { describe, expect, it } from 'vitest';
import { asPage, logIn, loggedInAbonent, onServer, registerAbonent, uniqueEmail } from './support/browser-abonents.js';
import { SERVER_URL } from './support/database.js';
import { newPage, PHONE, useBrowserKabinet, WAIT } from './support/browser-kabinet.js';
import { runProcess } from './support/processes.js';

const app = useBrowserKabinet('support-browser', {
  OPERATOR_NAME: 'ООО «Газовый кабинет»',
  OPERATOR_INN: '7838016481',
  OPERATOR_ADDRESS: '190000, Санкт-Петербург, ул. Газовая, д. 5',
});

describe('support and messages in the web client', () => {
  it.skipIf(!SERVER_URL)(
    'opens a request with its text, adds to it and shows support’s answer and status',
    async () => {
      const { page, email } = await loggedInAbonent(app, {
        prefix: 'thread',
        watch: 'SupportThread_Add',
        viewport: PHONE,
      });
      const created = await asPage(app, page, 'SupportPage_CreateRequest', {
        input: { topic: 'Оплата', message: 'Платёж не виден', contactEmail: email, captcha: null },
      });
      const number: number = created.data!.createSupportRequest.supportRequest.number;
      await page.goto(app.baseUrl + '/support');
      const row = page.getByTestId('support-request').filter({ hasText: String(number) });
      await row.waitFor();
      // On a phone the list of requests, its «Открыть» included, fits the screen (it once ran 130 px past it).
      await expect(page.evaluate(() => document.scrollingElement!.scrollWidth)).resolves.toBeLessThanOrEqual(
        PHONE.width,
      );
      await row.getByRole('button', { name: `Открыть обращение № ${number}` }).click();
      const thread = page.getByRole('region', { name: `Обращение № ${number}: Оплата` });
      await thread.getByText('Платёж не виден').waitFor();
      await thread.getByLabel('Дополнить обращение').fill('Платил картой вчера.');
      await thread.getByRole('button', { name: 'Отправить' }).click();
      await thread.getByTestId('support-message').filter({ hasText: 'Платил картой вчера.' }).waitFor();

      const answered = await runProcess(
        'support-main.ts',
        ['answer', String(number), 'Пришлите номер платежа.', '--waiting'],
        { DATABASE_URL: app.databaseUrl!, LOG_LEVEL: 'silent' },
      );
      expect(answered.code, answered.output).toBe(0);
      const letter = await app.smtp.waitFor(email, new RegExp(`Ответ на обращение № ${number}`));
      // The letter's link opens the request.
      await page.goto(onServer(app, app.smtp.linkIn(letter, '/support')));
      const opened = page.getByRole('region', { name: `Обращение № ${number}: Оплата` });
      await opened.getByTestId('support-message').filter({ hasText: 'Ответ поддержки' }).waitFor();
      await opened.getByText('Пришлите номер платежа.').waitFor();
      await expect(opened.getByTestId('support-thread-status').textContent()).resolves.toBe(
        'Статус: Ждём Вашего ответа',
      );
      await expect(row.textContent()).resolves.toContain('Ждём Вашего ответа');
    },
    180_000,
  );

  it('names the operator in the agreement and in the personal-data consent', async () => {
    const page = await newPage(app);
    for (const path of ['/documents/agreement', '/documents/personal-data']) {
      await page.goto(app.baseUrl + path);
      const details = page.getByTestId('operator-details');
      await details.waitFor(WAIT);
      await expect(details.textContent()).resolves.toBe(
        'Оператор: ООО «Газовый кабинет», ИНН 7838016481, адрес: 190000, Санкт-Петербург, ул. Газовая, д. 5.',
      );
    }
  });

  it('clears the CAPTCHA error once the widget says «Проверено»', async () => {
    const page = await newPage(app);
    await page.goto(app.baseUrl + '/support');
    await page.getByLabel('Тема обращения').selectOption('Другое');
    await page.getByLabel('Сообщение').fill('Вопрос');
    await page.getByLabel('Адрес электронной почты для ответа').fill('guest@example.ru');
    await page.getByRole('button', { name: 'Отправить' }).click();
    const error = page.locator('#support-captcha .field-error');
    await error.waitFor();
    const widget = page.locator('altcha-widget');
    await widget.getByText('Я не робот', { exact: true }).click();
    await widget.getByText('Проверено').waitFor();
    await error.waitFor({ state: 'detached' });
    await expect(page.locator('#support-captcha').getAttribute('class')).resolves.not.toContain('has-error');
  });

  it('refuses a used reset link as the page opens, before asking for passwords', async () => {
    const email = uniqueEmail('reset');
    await registerAbonent(app, email);
    const page = await newPage(app);
    await page.goto(app.baseUrl + '/forgot-password');
    await page.getByLabel('Адрес электронной почты (логин)').fill(email);
    await page.getByRole('button', { name: 'Отправить ссылку' }).click();
    const letter = await app.smtp.waitFor(email, /Восстановление пароля/);
    const link = onServer(app, app.smtp.linkIn(letter, '/reset-password'));
    await page.goto(link);
    await page.getByLabel('Новый пароль').fill('Plita77b');
    await page.getByLabel('Повторите пароль').fill('Plita77b');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён. Войдите с новым паролем.').waitFor();

    await page.goto(link);
    const problem = page.getByTestId('reset-link-problem');
    await problem.getByText('Эта ссылка уже использована.', { exact: false }).waitFor();
    await expect(page.getByLabel('Повторите пароль').count()).resolves.toBe(0);
  });

  it('tells a confirmed, logged-in abonent reopening the confirmation link that the address is confirmed', async () => {
    const email = uniqueEmail('again');
    const link = await registerAbonent(app, email);
    const page = await newPage(app);
    await page.goto(app.baseUrl + '/login');
    await logIn(page, email);
    await page.waitForURL('**/accounts');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Адрес уже подтверждён' }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });
});
