// Online payment in Chromium, the way an abonent pays: «К оплате» on the account card, the payment page (the current
// debt with a meter reading, or an amount of one's own), the sandbox acquirer's card page, the result page that asks
// the acquirer, the receipt letter and the card's payment history; readings refused before or by the server stop
// the payment before the acquirer's page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInMoscow } from '@kabinet/common/calendar';
import { linkAccountForPayment, loggedInAbonent } from './support/browser-abonents.js';
import { DESKTOP, PHONE, screenshots, spaced, useBrowserKabinet } from './support/browser-kabinet.js';

const SUCCEEDING_CARD = '4111 1111 1111 1111';
const DECLINED_CARD = '4000 0000 0000 0002';

const app = useBrowserKabinet('payments-browser', { DEMO_DATA: 'true' });
const { shot, shotOf } = screenshots('payments');

/** Today as the pages write it, DD.MM.YYYY. */
function shownToday(): string {
  return todayInMoscow().split('-').reverse().join('.');
}

/** A card expiry two years ahead, ММ/ГГ. */
function futureExpiry(): string {
  return `12/${String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0')}`;
}

/** Logged in on a new page; `starts` are the `input`s of the startPayment requests the page sent. */
async function loggedIn(viewport = DESKTOP) {
  const { sent: starts, ...session } = await loggedInAbonent(app, {
    prefix: 'payments',
    watch: 'PaymentPage_Start',
    viewport,
  });
  return { ...session, starts };
}

function cardOf(page: Page, accountNumber: string) {
  return page.getByTestId('account-card').filter({ hasText: accountNumber });
}

/** The dial boxes of a meter's zone on the payment page, found by their labels as a screen reader reads them. */
function dialOf(page: Page, label: string) {
  const group = page.getByRole('group', { name: label, exact: true });
  return { group, integer: group.getByLabel('целые'), fraction: group.getByLabel('дробные') };
}

/** Pays on the sandbox acquirer's card page and follows its link back to Kabinet's result page. */
async function payOnSandbox(page: Page, card: string, amount: string): Promise<void> {
  await page.waitForURL('**/sandbox-acquirer/pay/*');
  await page.getByText('Тестовый режим — деньги не списываются').waitFor();
  await page.getByLabel('Номер карты').fill(card);
  await page.getByLabel('Срок действия (ММ/ГГ)').fill(futureExpiry());
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: spaced(`Оплатить ${amount}`) }).click();
  await page.getByRole('link', { name: 'Вернуться в магазин' }).click();
  await page.waitForURL('**/oplata/rezultat?payment=*');
}

describe('online payment in the web client', () => {
  it('pays the current debt with a meter reading: the sandbox card page, the result, the receipt letter, the history', async () => {
    const { page, email, cspViolations, starts } = await loggedIn();
    const accountId = await linkAccountForPayment(app, page, {
      supplierCode: 'sankt-peterburg',
      number: '702062012',
      proof: '4,37507',
    });
    await page.reload();

    // The card: what to pay now, the way to pay it, no payments yet.
    const card = cardOf(page, '702062012');
    const payments = card.getByRole('region', { name: 'Оплата онлайн' });
    await payments.getByText(spaced('К оплате: 1 234,56 ₽')).waitFor();
    await payments.getByText('Онлайн-платежей по этому счёту ещё не было.').waitFor();
    await shot(page, 'card-before');
    await payments.getByRole('link', { name: 'Оплатить онлайн' }).click();

    // The payment page: the account, the debt chosen, the abonent's e-mail for the receipt.
    await page.waitForURL(`**/oplata/${accountId}`);
    await page.getByRole('heading', { name: 'Оплата онлайн', level: 1 }).waitFor();
    await page.getByText(spaced('№ 702062012')).waitFor();
    await page
      .getByText(/Санкт-Петербург/)
      .first()
      .waitFor();
    const debt = page.getByLabel(spaced('По текущему долгу (1 234,56 ₽)'));
    await expect(debt.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Сумма, ₽').count()).resolves.toBe(0);
    const receiptEmail = page.getByLabel('Эл. почта для чека');
    await expect(receiptEmail.inputValue()).resolves.toBe(email);

    // A reading with the payment: 10,5 m³ above the supplier's last one (1 188,518).
    await page.getByLabel('Передать показания вместе с оплатой').check();
    await page.getByText(spaced('Предыдущее показание: 1 188,518 м³')).waitFor();
    const dial = dialOf(page, 'Показание счётчика G4-0418237, м³');
    await dial.integer.pressSequentially('1199,018');
    await expect(dial.fraction.inputValue()).resolves.toBe('018');
    const receiptTo = `receipt-${Date.now()}@example.ru`;
    await receiptEmail.fill(receiptTo);
    await shot(page, 'form-debt');
    await page.getByRole('button', { name: 'Перейти к оплате' }).click();

    // The acquirer's page, then back to Kabinet, which asks the acquirer how it went.
    await payOnSandbox(page, SUCCEEDING_CARD, '1 234,56 ₽');
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatchObject({
      accountId,
      purpose: 'DEBT',
      amount: null,
      readings: [{ zone: 'TOTAL', value: '1199.018', confirmRollover: false }],
      receiptEmail: receiptTo,
      returnUrl: `${app.baseUrl}/oplata/rezultat`,
    });
    expect(starts[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const outcome = page.getByRole('status').filter({ hasText: 'Оплата прошла' });
    await outcome.getByText(spaced('Оплата прошла: 1 234,56 ₽')).waitFor();
    await outcome.getByText('Показания счётчика переданы вместе с оплатой.').waitFor();
    await expect(page.getByRole('link', { name: 'Попробовать ещё раз' }).count()).resolves.toBe(0);
    await shot(page, 'result-succeeded');

    // The receipt letter went to the address given for it.
    const letter = await app.smtp.waitFor(receiptTo, /^Оплата по лицевому счёту 702062012/);
    expect(letter.text).toMatch(spaced('1 234,56'));

    // The card: the payment in the history, nothing more to pay (the supplier has not posted it yet), the reading.
    await page.getByRole('link', { name: 'К лицевым счетам' }).click();
    await page.waitForURL('**/accounts');
    await payments.getByText(spaced('К оплате: 0,00 ₽')).waitFor();
    await payments.getByText(spaced('Учтены оплаты, ещё не проведённые поставщиком: 1 234,56 ₽')).waitFor();
    const history = payments.getByRole('table', { name: 'История платежей' });
    await history.locator('tbody tr').first().waitFor();
    await expect(history.locator('tbody tr').count()).resolves.toBe(1);
    await expect(history.locator('tbody tr').first().locator('th, td').allTextContents()).resolves.toEqual([
      expect.stringMatching(new RegExp(`^${shownToday().replace(/\./g, '\\.')}, \\d{2}:\\d{2}$`)),
      expect.stringMatching(spaced('1 234,56')),
      'Оплачено',
    ]);
    const readings = card.getByRole('table', { name: 'Последние показания' });
    await readings.locator('tbody tr').first().getByText(spaced('1 199,018')).waitFor();
    await shot(page, 'card-paid');
    await shotOf(payments, 'card-paid-section');

    // Nothing is due now: paying «по текущему долгу» is not offered, and the page says why.
    await payments.getByRole('link', { name: 'Оплатить онлайн' }).click();
    await page.waitForURL(`**/oplata/${accountId}`);
    const noDebt = page.getByLabel(spaced('По текущему долгу (0,00 ₽)'));
    await expect(noDebt.isDisabled()).resolves.toBe(true);
    await page.getByText('Задолженности нет: можно внести любую сумму в счёт будущих начислений.').waitFor();
    await expect(page.getByLabel('Своя сумма').isChecked()).resolves.toBe(true);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('pays an amount of one’s own with a declined card: the reason on the result page and in the history', async () => {
    const { page, cspViolations, starts } = await loggedIn(PHONE);
    const accountId = await linkAccountForPayment(app, page, {
      supplierCode: 'sankt-peterburg',
      number: '702062013',
      proof: '1520,4',
    });
    await page.reload();
    const payments = cardOf(page, '702062013').getByRole('region', { name: 'Оплата онлайн' });
    // Overpaid: nothing due.
    await payments.getByText(spaced('К оплате: 0,00 ₽')).waitFor();
    await payments.getByRole('link', { name: 'Оплатить онлайн' }).click();
    await page.waitForURL(`**/oplata/${accountId}`);
    await expect(page.getByLabel('Своя сумма').isChecked()).resolves.toBe(true);

    // The amount is read as rubles and kopecks; a third kopeck digit is stopped before sending.
    const amount = page.getByLabel('Сумма, ₽');
    const pay = page.getByRole('button', { name: 'Перейти к оплате' });
    await amount.fill('12,345');
    await pay.click();
    await page.getByText('После запятой — не больше двух цифр (копейки).').waitFor();
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('payment-amount');
    const describedBy = (await amount.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('payment-amount-error');
    await shot(page, 'amount-error-phone');
    expect(starts).toHaveLength(0);

    await amount.fill('100,00');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe(null);

    // The first start reaches the server, which creates the payment, but its answer is lost on the way back.
    let lost = false;
    await page.route('**/graphql', async (route) => {
      if (!lost && (route.request().postData() ?? '').includes('PaymentPage_Start')) {
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await pay.click();
    await page
      .getByRole('alert')
      .getByText('Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.')
      .waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('alert');
    // Pressed again: the same attempt under the same key, so the server answers with the same payment.
    await pay.click();
    await payOnSandbox(page, DECLINED_CARD, '100,00 ₽');
    expect(starts).toEqual([
      expect.objectContaining({ purpose: 'CUSTOM', amount: 10_000, readings: null }),
      expect.objectContaining({ purpose: 'CUSTOM', amount: 10_000, readings: null }),
    ]);
    expect(starts[1]!.idempotencyKey).toBe(starts[0]!.idempotencyKey);
    const outcome = page.getByRole('status').filter({ hasText: 'Оплата не прошла' });
    await outcome.getByText('Оплата не прошла: Банк отклонил операцию.').waitFor();
    const again = page.getByRole('link', { name: 'Попробовать ещё раз' });
    await expect(again.getAttribute('href')).resolves.toBe(`/oplata/${accountId}`);
    await shot(page, 'result-declined-phone');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: 'К лицевым счетам' }).click();
    await page.waitForURL('**/accounts');
    const history = payments.getByRole('table', { name: 'История платежей' });
    await history.locator('tbody tr').first().waitFor();
    // One payment, though it was started twice.
    await expect(history.locator('tbody tr').count()).resolves.toBe(1);
    await expect(history.locator('tbody tr').first().locator('td').allTextContents()).resolves.toEqual([
      expect.stringMatching(spaced('100,00')),
      'Не прошла — Банк отклонил операцию.',
    ]);
    await payments.getByText(spaced('К оплате: 0,00 ₽')).waitFor();
    await expect(payments.getByText('Учтены оплаты, ещё не проведённые поставщиком').count()).resolves.toBe(0);
    await shot(page, 'card-declined-phone');
    await shotOf(payments, 'card-declined-phone-section');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('stops a reading lower than the last one before sending, and shows the server’s refusal next to the meter', async () => {
    const { page, starts } = await loggedIn();
    const accountId = await linkAccountForPayment(app, page, {
      supplierCode: 'voronezh',
      number: '3600123456',
      proof: '2468',
    });
    await page.goto(`${app.baseUrl}/oplata/${accountId}`);
    await page.getByLabel('Передать показания вместе с оплатой').check();
    const dial = dialOf(page, 'Показание счётчика BK-G4-7723110, м³');
    const pay = page.getByRole('button', { name: 'Перейти к оплате' });

    // Lower than the last reading: stopped here, with the rollover question.
    await dial.integer.fill('8900');
    await pay.click();
    await page
      .locator('.field-error')
      .getByText(spaced('Показание меньше предыдущего (8 955,600). Если счётчик прошёл через ноль, подтвердите это.'))
      .waitFor();
    await expect(dial.integer.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/-integer$/);
    expect(starts).toHaveLength(0);

    // The meter is past its verification: metering refuses the reading, so no payment starts.
    await dial.integer.fill('8960');
    await dial.fraction.fill('5');
    await pay.click();
    const meter = page.getByTestId('meter').filter({ hasText: 'BK-G4-7723110' });
    await meter
      .locator('.field-error')
      .getByText(/^Срок поверки счётчика истёк .*показания не принимаются/)
      .waitFor();
    expect(starts).toHaveLength(1);
    await expect(dial.integer.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/-integer$/);
    expect(page.url()).toBe(`${app.baseUrl}/oplata/${accountId}`);
    await shot(page, 'reading-refused');
    await page.context().close();
  });
});
