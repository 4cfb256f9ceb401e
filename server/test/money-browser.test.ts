// What an abonent is asked to pay after paying online, in Chromium: the card's figure, the QR code decoded from
// the screen and the PDF notice all show what is left (nothing, or an advance) once the debt is paid, and a second
// DEBT payment while one is open is refused with the way to finish the open one.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { linkAccountForPayment, loggedInAbonent } from './support/browser-abonents.js';
import { DESKTOP, PHONE, screenshots, spaced, useBrowserKabinet } from './support/browser-kabinet.js';
import { readPdf } from './support/pdf.js';
import { decodeQr } from './support/qr.js';

const SUCCEEDING_CARD = '4111 1111 1111 1111';

const app = useBrowserKabinet('money-browser', { DEMO_DATA: 'true' });
const { shot } = screenshots('money');

const cardOf = (page: Page, number: string) => page.getByTestId('account-card').filter({ hasText: number });
const qrOf = (card: Locator, number: string) =>
  card.getByRole('img', { name: `QR-код для оплаты лицевого счёта № ${number}` });

/** The QR code on the card, decoded from a screenshot as a bank app reads the screen. */
async function decodedQr(card: Locator, number: string): Promise<string> {
  const qr = qrOf(card, number);
  await qr.waitFor();
  return decodeQr(await qr.screenshot()) ?? '';
}

/**
 * Reloads «Лицевые счета» until the card's QR code decodes to what `done` accepts: the accounts subgraph learns of
 * a payment by an event, within seconds of the result page.
 */
async function qrUntil(page: Page, number: string, done: (payload: string) => boolean): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const payload = await decodedQr(cardOf(page, number), number);
    if (done(payload)) return payload;
    if (Date.now() > deadline) throw new Error(`the QR code still reads ${payload}`);
    await new Promise((r) => setTimeout(r, 500));
    await page.reload();
  }
}

async function payOnSandbox(page: Page, amount: string): Promise<void> {
  await page.waitForURL('**/sandbox-acquirer/pay/*');
  await page.getByLabel('Номер карты').fill(SUCCEEDING_CARD);
  await page.getByLabel('Срок действия (ММ/ГГ)').fill(`12/${String((new Date().getUTCFullYear() + 2) % 100)}`);
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: spaced(`Оплатить ${amount}`) }).click();
  await page.getByRole('link', { name: 'Вернуться в магазин' }).click();
  await page.waitForURL('**/oplata/rezultat?payment=*');
  await page
    .getByRole('status')
    .getByText(spaced(`Оплата прошла: ${amount}`))
    .waitFor();
}

/** The notice saved from the card: its text and the QR code printed on it. */
async function savedNotice(page: Page, card: Locator) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Скачать извещение (PDF)' }).click(),
  ]);
  const [sheet] = readPdf(await readFile(await download.path()));
  return { text: sheet!.text(), qr: decodeQr(sheet!.png(3)) };
}

describe('what is due after paying online', () => {
  it('the whole debt paid: the card, the QR code on the screen and the PDF ask for nothing; 500 ₽ more is an advance', async () => {
    const { page } = await loggedInAbonent(app, { prefix: 'money', watch: 'PaymentPage_Start', viewport: DESKTOP });
    const accountId = await linkAccountForPayment(app, page, {
      supplierCode: 'sankt-peterburg',
      number: '702062012',
      proof: '4,37507',
    });
    await page.reload();
    const card = cardOf(page, '702062012');
    await card.locator('.account-balance').getByText(spaced('Задолженность: 1 234,56 ₽')).waitFor();
    expect(await decodedQr(card, '702062012')).toContain('|PersAcc=702062012|Sum=123456|');
    const before = await savedNotice(page, card);
    expect(before.text).toMatch(spaced('1 234,56'));

    await card.getByRole('link', { name: 'Оплатить онлайн' }).click();
    await page.waitForURL(`**/oplata/${accountId}`);
    await expect(page.getByLabel(spaced('По текущему долгу (1 234,56 ₽)')).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await payOnSandbox(page, '1 234,56 ₽');

    await page.goto(`${app.baseUrl}/accounts`);
    const paid = await qrUntil(page, '702062012', (payload) => !payload.includes('|Sum='));
    expect(paid).toContain('|PersAcc=702062012|Purpose=');
    const balance = cardOf(page, '702062012').locator('.account-balance');
    await expect(balance.textContent()).resolves.toMatch(/^Задолженности нет/);
    await expect(balance.getAttribute('class')).resolves.not.toContain('is-debt');
    await cardOf(page, '702062012')
      .getByText(spaced('С учётом оплаты онлайн 1 234,56 ₽: поставщик учтёт её в следующем расчёте.'))
      .waitFor();
    await cardOf(page, '702062012').getByText('сумму введите в приложении', { exact: false }).waitFor();
    const notice = await savedNotice(page, cardOf(page, '702062012'));
    expect(notice.text).toContain('Сумма ________ руб. ____ коп.');
    expect(notice.text).not.toMatch(spaced('1 234,56'));
    expect(notice.qr).toBe(paid);
    await shot(page, 'paid');

    // The payment page offers no debt now; 500 ₽ of one's own is paid beyond it: an advance.
    await page.goto(`${app.baseUrl}/oplata/${accountId}`);
    await expect(page.getByLabel(spaced('По текущему долгу (0,00 ₽)')).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Сумма, ₽').fill('500');
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await payOnSandbox(page, '500,00 ₽');
    await page.goto(`${app.baseUrl}/accounts`);
    await cardOf(page, '702062012').locator('.account-balance').getByText(spaced('Аванс: 500,00 ₽')).waitFor();
    await cardOf(page, '702062012').getByText(spaced('С учётом оплаты онлайн 1 734,56 ₽')).waitFor();
    await cardOf(page, '702062012')
      .getByRole('region', { name: 'Оплата онлайн' })
      .getByText(spaced('Аванс (оплачено сверх долга): 500,00 ₽.'))
      .waitFor();
    expect(await decodedQr(cardOf(page, '702062012'), '702062012')).not.toContain('|Sum=');
    await shot(page, 'advance');
    await page.context().close();
  });

  it('a second DEBT payment while one is open is refused, with the open one to finish (phone)', async () => {
    const { page, sent: starts } = await loggedInAbonent(app, {
      prefix: 'money2',
      watch: 'PaymentPage_Start',
      viewport: PHONE,
    });
    const accountId = await linkAccountForPayment(app, page, {
      supplierCode: 'voronezh',
      number: '3600123456',
      proof: '2468',
    });
    await page.goto(`${app.baseUrl}/oplata/${accountId}`);
    await expect(page.getByLabel(spaced('По текущему долгу (452,10 ₽)')).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.waitForURL('**/sandbox-acquirer/pay/*');
    const openUrl = page.url();

    // Left unpaid, the payment page opened afresh: the debt again is refused, and the open payment offered.
    await page.goto(`${app.baseUrl}/oplata/${accountId}`);
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();
    await page.getByText(/Оплата долга по этому счёту уже начата \(452,10\s₽\) и ещё не завершена/).waitFor();
    expect(starts).toHaveLength(2);
    expect(starts[1]!.idempotencyKey).not.toBe(starts[0]!.idempotencyKey);
    await shot(page, 'in-progress-phone');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('link', { name: 'Продолжить начатую оплату' }).click();
    await page.waitForURL(openUrl);
    await payOnSandbox(page, '452,10 ₽');

    await page.goto(`${app.baseUrl}/accounts`);
    const paid = await qrUntil(page, '3600123456', (payload) => !payload.includes('|Sum='));
    expect(paid).toContain('|PersAcc=3600123456|');
    await expect(cardOf(page, '3600123456').locator('.account-balance').textContent()).resolves.toMatch(
      /^Задолженности нет/,
    );
    await page.context().close();
  });
});
