// Personal accounts in Chromium, the way an abonent uses them: link a demo account with the receipt's proof (and the
// «?» sample receipt), read its card, find it in «Настройки», unlink it; the number's and the proof's errors; and what
// a visitor or an unconfirmed abonent is told instead.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, registerAbonent, uniqueEmail } from './support/browser-abonents.js';
import { DESKTOP, newPage, PHONE, screenshots, useBrowserKabinet } from './support/browser-kabinet.js';
import { decodeQr } from './support/qr.js';

const app = useBrowserKabinet('accounts-browser', { DEMO_DATA: 'true' });
const { shot } = screenshots('accounts');

/** The id of the focused element, or its text (spaces normalized) for elements without an id. */
function focused(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.id || element?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  });
}

describe('personal accounts in the web client', () => {
  it('links an account with the receipt’s meter reading, shows its card and «Настройки», and unlinks it', async () => {
    const email = uniqueEmail('accounts');
    await registerAbonent(app, email);
    const page = await newPage(app);

    await page.goto(app.baseUrl + '/login');
    await logIn(page, email);
    await page.waitForURL('**/accounts');
    await page.getByRole('heading', { name: 'Лицевые счета', level: 1 }).waitFor();
    await page.getByText('Нет подключённых ЛС').waitFor();
    await shot(page, 'empty');

    // The dialog: a modal with focus on its first field, the supplier list from the API after «— Выберите поставщика —».
    await page.getByRole('button', { name: 'Подключить ЛС' }).click();
    const dialog = page.getByRole('dialog', { name: 'Подключение лицевых счетов' });
    await dialog.waitFor();
    await dialog
      .getByText('Уважаемый абонент! Для подключения лицевого счёта укажите его номер указанный на квитанции.')
      .waitFor();
    await expect(focused(page)).resolves.toBe('link-supplier');
    const supplier = dialog.getByLabel('Поставщик');
    const options = await supplier.locator('option').allTextContents();
    expect(options[0]).toBe('— Выберите поставщика —');
    expect(options).toEqual(expect.arrayContaining(['Межрегионгаз Санкт-Петербург', 'Межрегионгаз Воронеж']));
    // No proof field until the supplier asks for one.
    await expect(dialog.locator('#link-proof').count()).resolves.toBe(0);

    await supplier.selectOption({ label: 'Межрегионгаз Санкт-Петербург' });
    const reading = dialog.getByLabel('Показание счётчика из квитанции');
    await reading.waitFor();
    await expect(dialog.locator('#link-number-hint').textContent()).resolves.toBe(
      'Лицевой счёт должен содержать не более 10 цифр.',
    );

    // «?» opens the supplier's sample receipt with the number marked; it loads under the page's CSP.
    const help = dialog.getByRole('button', { name: 'Где найти номер лицевого счёта' });
    await help.click();
    await expect(help.getAttribute('aria-expanded')).resolves.toBe('true');
    const sample = dialog.getByRole('img', { name: /Образец квитанции/ });
    await sample.waitFor();
    await expect(sample.getAttribute('src')).resolves.toBe('/receipts/sankt-peterburg.svg');
    const loadedWidth = sample.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    });
    await expect(loadedWidth).resolves.toBe(640);
    await shot(page, 'dialog-sample');

    // A wrong reading: the server's one answer for «not found or wrong proof», next to the number.
    const number = dialog.getByLabel('Лицевой счёт');
    await number.fill('702062012');
    await reading.fill('4,1');
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await dialog
      .locator('#link-number-error')
      .getByText(
        'Лицевой счёт не найден или данные указаны неверно. Проверьте номер лицевого счёта и показание счётчика по квитанции.',
      )
      .waitFor();
    await expect(number.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(focused(page)).resolves.toBe('link-number');
    await shot(page, 'dialog-not-found');

    // The reading as printed on the receipt links it: the dialog closes and the list shows the account.
    await reading.fill('4,37507');
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Лицевой счёт № 702062012 подключён к Личному кабинету.').waitFor();
    const card = page.getByTestId('account-card').filter({ hasText: '702062012' });
    await card.getByRole('heading', { name: 'Лицевой счёт № 702062012' }).waitFor();
    await card.getByText('Межрегионгаз Санкт-Петербург').waitFor();
    await card.getByText('г. Санкт-Петербург, Невский пр., д. 1, кв. 1').waitFor();
    await card.getByText('И***в И. И.').waitFor();
    const balance = (await card.locator('.account-balance').textContent()) ?? '';
    expect(balance).toMatch(/^Задолженность:\s1\s234,56\s₽\sна \d{2}\.\d{2}\.\d{4}$/);
    await card.getByText(/8,21\s₽ за м³/).waitFor();
    const charges = card.getByRole('table', { name: 'Начисления за последние месяцы' });
    await expect(charges.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Месяц',
      'Объём, м³',
      'Начислено, ₽',
    ]);
    const rows = charges.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(12);
    const firstRow = await rows.first().locator('th, td').allTextContents();
    expect(firstRow[0]).toMatch(/^[А-Я][а-я]+ \d{4}$/);
    expect(firstRow[1]).toMatch(/^\d+,\d{3}$/);
    expect(firstRow[2]).toMatch(/^\d[\d\s]*,\d{2}$/);

    // «Оплата через приложение банка»: the QR code on the screen decodes to the ГОСТ Р 56042-2014 payment.
    const qr = card.getByRole('img', { name: 'QR-код для оплаты лицевого счёта № 702062012' });
    await qr.waitFor();
    const decoded = decodeQr(await qr.screenshot()) ?? '';
    expect(decoded).toMatch(
      /^ST00012\|Name=ЗАО "Газпром межрегионгаз Санкт-Петербург" \(демо\)\|PersonalAcc=40702810600000000001\|/,
    );
    expect(decoded).toContain('|BIC=044525999|CorrespAcc=30101810600000000999|PayeeINN=7838016481|KPP=783801001|');
    expect(decoded).toContain('|PersAcc=702062012|Sum=123456|');
    expect(decoded).toMatch(/\|PaymPeriod=\d{6}\|TechCode=02$/);
    await card.getByText(/сумма — 1\s234,56\s₽/).waitFor();

    // «Скачать извещение (PDF)»: the notice with the same QR code, saved as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Скачать извещение (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^izveshchenie-702062012-\d{4}-\d{2}\.pdf$/);
    const saved = await readFile(await download.path());
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await card.getByRole('button', { name: 'Скачать извещение (PDF)' }).waitFor();
    await expect(card.getByRole('alert').count()).resolves.toBe(0);
    await shot(page, 'linked');
    await page.setViewportSize(PHONE);
    await shot(page, 'linked-phone');
    await page.setViewportSize(DESKTOP);

    // «Настройки» lists it under «Подключение ЛС».
    await page.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
    const linking = page.getByRole('region', { name: 'Подключение ЛС' });
    await linking.getByText('Текущие Лицевые счета').waitFor();
    await linking
      .getByRole('listitem')
      .filter({ hasText: /№\s702062012/ })
      .getByText('Межрегионгаз Санкт-Петербург')
      .waitFor();
    await linking.getByRole('button', { name: 'Подключить ЛС' }).waitFor();
    await shot(page, 'settings');

    // «Напоминания»: on by default; turned off, it stays off.
    const reminders = page.getByRole('region', { name: 'Напоминания' });
    const remind = reminders.getByRole('checkbox', { name: /Напоминать по электронной почте о передаче показаний/ });
    await expect(remind.isChecked()).resolves.toBe(true);
    await remind.uncheck();
    await reminders.getByText('Напоминания отключены.').waitFor();
    await page.reload();
    await expect(
      page
        .getByRole('region', { name: 'Напоминания' })
        .getByRole('checkbox', { name: /Напоминать по электронной почте/ })
        .isChecked(),
    ).resolves.toBe(false);

    // Unlinking asks first, then the list is empty again.
    await page.getByRole('navigation').getByRole('link', { name: 'Лицевые счета' }).click();
    await card.getByRole('button', { name: 'Отключить ЛС' }).click();
    const question = card.getByRole('group', { name: /Отключить лицевой счёт № 702062012/ });
    await question.waitFor();
    await expect(focused(page)).resolves.toBe('Да, отключить');
    await shot(page, 'unlink-confirm');
    await question.getByRole('button', { name: 'Да, отключить' }).click();
    await page.getByText('Нет подключённых ЛС').waitFor();
    await page.getByRole('status').getByText('Лицевой счёт № 702062012 отключён от Личного кабинета.').waitFor();
    await expect(page.getByTestId('account-card').count()).resolves.toBe(0);
    await shot(page, 'unlinked');
    await page.context().close();
  });

  it('checks the number by the supplier’s rule before sending, shows the server’s proof error, and links on a phone', async () => {
    const email = uniqueEmail('accounts');
    await registerAbonent(app, email);
    const page = await newPage(app, PHONE);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.postData() ?? '');
    });
    const links = () => sent.filter((body) => body.includes('LinkAccountDialog_Link')).length;

    await page.goto(app.baseUrl + '/login');
    await logIn(page, email);
    await page.waitForURL('**/accounts');
    // The home page greets a confirmed abonent without accounts with the way to link them.
    await page.goto(app.baseUrl + '/');
    await page
      .getByText('Для получения инструкции по подключению лицевых счетов перейдите в раздел Подключить ЛС')
      .waitFor();
    await shot(page, 'home-welcome-phone');
    await page.getByRole('main').getByRole('link', { name: 'Подключить ЛС' }).click();
    await page.waitForURL('**/accounts');

    // Esc and «Отмена» close the dialog; focus returns to the button that opened it.
    const open = page.getByRole('button', { name: 'Подключить ЛС' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Подключение лицевых счетов' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(focused(page)).resolves.toBe('Подключить ЛС');
    await open.click();
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(focused(page)).resolves.toBe('Подключить ЛС');

    await open.click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await dialog.locator('#link-supplier-error').getByText('Выберите поставщика услуг.').waitFor();

    // Letters in the number: the supplier's rule, next to the field, before anything is sent.
    await dialog.getByLabel('Поставщик').selectOption({ label: 'Межрегионгаз Калуга' });
    await expect(dialog.locator('#link-supplier-error').count()).resolves.toBe(0);
    await expect(dialog.locator('#link-proof').count()).resolves.toBe(0);
    const number = dialog.getByLabel('Лицевой счёт');
    await number.fill('40001a1222');
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await expect(dialog.locator('#link-number-error').textContent()).resolves.toBe(
      'Лицевой счёт должен содержать не более 10 цифр. Уберите буквы и другие знаки.',
    );
    await expect(number.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(focused(page)).resolves.toBe('link-number');
    expect(links()).toBe(0);
    await shot(page, 'dialog-number-error-phone');
    // Too many digits: the error follows the typing.
    await number.fill('400011122233');
    await expect(dialog.locator('#link-number-error').textContent()).resolves.toBe(
      'Лицевой счёт должен содержать не более 10 цифр.',
    );
    expect(links()).toBe(0);

    // A PIN the server refuses: its message by the proof field.
    await dialog.getByLabel('Поставщик').selectOption({ label: 'Межрегионгаз Воронеж' });
    await number.fill('3600123456');
    await expect(number.getAttribute('aria-invalid')).resolves.toBeNull();
    const pin = dialog.getByLabel('ПИН-код с квитанции');
    await pin.fill('24');
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await dialog.locator('#link-proof-error').getByText('ПИН-код состоит из 4–8 цифр, как на квитанции.').waitFor();
    await expect(pin.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(links()).toBe(1);
    await shot(page, 'dialog-pin-error-phone');

    // Typed with spaces as on the receipt, with the right PIN: linked.
    await number.fill('36 0012 3456');
    await pin.fill('2468');
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByTestId('account-card').filter({ hasText: '3600123456' });
    await card.getByRole('heading', { name: 'Лицевой счёт № 3600123456' }).waitFor();
    await card.getByText('Межрегионгаз Воронеж', { exact: true }).waitFor();
    expect((await card.locator('.account-balance').textContent()) ?? '').toMatch(/^Задолженность:\s452,10\s₽/);
    await expect(focused(page)).resolves.toBe('Лицевой счёт № 3600123456 подключён к Личному кабинету.');
    await shot(page, 'linked-voronezh-phone');
    await page.context().close();
  });

  it('asks a visitor to log in, and an abonent to confirm the e-mail first; the confirmation greets with the way to link', async () => {
    const visitor = await newPage(app);
    await visitor.goto(app.baseUrl + '/accounts');
    await visitor.getByText('Войдите в Личный кабинет').waitFor();
    await visitor.getByText('Для подключения лицевого счёта к Вашему Личному кабинету необходимо выбрать').waitFor();
    // The button it names is the one «Настройки» shows.
    await visitor.getByText('далее нажать на кнопку «Подключить ЛС».').waitFor();
    await expect(visitor.getByRole('button', { name: 'Подключить ЛС' }).count()).resolves.toBe(0);
    await shot(visitor, 'visitor');
    await visitor.context().close();

    const email = uniqueEmail('accounts');
    const confirmLink = await registerAbonent(app, email, { confirm: false });
    const page = await newPage(app);
    await page.goto(app.baseUrl + '/login');
    await logIn(page, email);
    await page.waitForURL('**/confirm-pending');
    await page.getByRole('navigation').getByRole('link', { name: 'Лицевые счета' }).click();
    await page.getByRole('main').getByText('Подтвердите адрес электронной почты', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Подключить ЛС' }).count()).resolves.toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
    await page
      .getByRole('region', { name: 'Подключение ЛС' })
      .getByText('Подтвердите адрес электронной почты', { exact: true })
      .waitFor();
    await shot(page, 'settings-unconfirmed');

    await page.goto(confirmLink);
    await page.getByRole('heading', { name: 'Регистрация подтверждена' }).waitFor();
    await page.getByText('Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.').waitFor();
    await page.getByText('Данный сервис предоставляет возможность работы с Вашими лицевыми счетами').waitFor();
    await shot(page, 'confirmed-welcome');
    await page.getByRole('main').getByRole('link', { name: 'Подключить ЛС' }).click();
    await page.getByText('Нет подключённых ЛС').waitFor();
    await page.getByRole('button', { name: 'Подключить ЛС' }).waitFor();
    await page.context().close();
  });
});
