// Meter readings in Chromium, the way an abonent sends them: the meter on the account card with its last reading,
// verification and consumption chart (and its table), a reading typed on the dial and accepted with its consumption
// and charge (focus on that answer), a lower one stopped before sending and a rollover confirmed only with its
// consumption shown, an implausible reading asked about before it is recorded, and an expired meter whose boxes are
// off with the supplier's contacts.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInMoscow } from '@kabinet/common/calendar';
import { DEMO_METERS } from '../src/subgraphs/metering/demo/demo-meters.js';
import { asPage, linkAccountUntilHeard, loggedInAbonent, readingOfNoMeter } from './support/browser-abonents.js';
import { DESKTOP, PHONE, screenshots, spaced, useBrowserKabinet } from './support/browser-kabinet.js';
import { monthInText } from './support/dates.js';

const app = useBrowserKabinet('readings-browser', { DEMO_DATA: 'true' });
const { shot, shotOf } = screenshots('readings');

/** YYYY-MM-DD `days` after `day`, as DD.MM.YYYY. */
function shownDay(day: string, days = 0): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).split('-').reverse().join('.');
}

/** The month `count` months after today's (negative: before), YYYY-MM. */
function monthFrom(today: string, count: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Logged in on a new page; `submissions` are the `input`s of the readings submissions the page sent. */
async function loggedIn(viewport = DESKTOP) {
  const { sent: submissions, ...session } = await loggedInAbonent(app, {
    prefix: 'readings',
    watch: 'MeterReadings_Submit',
    viewport,
  });
  return { ...session, submissions };
}

/**
 * Links a demo account through the API and waits until metering has heard of the link (an event, within seconds):
 * until then a submission answers ACCOUNT_NOT_LINKED. The probe names no real meter, so it never records anything.
 */
function linkedAccount(page: Page, supplierCode: string, number: string, proof: string | null): Promise<string> {
  return linkAccountUntilHeard(app, page, { supplierCode, number, proof }, 'metering', async (accountId) => {
    const probe = await asPage(app, page, 'MeterReadings_Submit', { input: readingOfNoMeter(accountId) });
    const payload = probe.data?.submitReadings;
    if (payload && payload.errors.length === 0) {
      expect(payload).toMatchObject({ ok: false, results: [{ code: 'METER_NOT_FOUND' }] });
      return true;
    }
    expect(payload?.errors?.[0]?.code, JSON.stringify(probe)).toBe('ACCOUNT_NOT_LINKED');
    return false;
  });
}

function meterOn(page: Page, accountNumber: string, serialNumber: string): Locator {
  return page
    .getByTestId('account-card')
    .filter({ hasText: accountNumber })
    .getByRole('region', { name: 'Счётчики и показания' })
    .getByTestId('meter')
    .filter({ has: page.getByRole('heading', { name: `Счётчик № ${serialNumber}` }) });
}

/** The dial boxes of a meter's zone, found by their labels as a screen reader reads them. */
function dialOf(meter: Locator, label: string) {
  const group = meter.getByRole('group', { name: label, exact: true });
  return { group, integer: group.getByLabel('целые'), fraction: group.getByLabel('дробные') };
}

describe('meter readings in the web client', () => {
  it('shows the meter with its last reading and chart, accepts a reading with its consumption and charge, and stops a lower one', async () => {
    const today = todayInMoscow();
    // The chart must draw under the page's strict policy: scripts from the page's origin only, no eval.
    const csp = (await fetch(app.baseUrl + '/accounts', { headers: { accept: 'text/html' } })).headers.get(
      'content-security-policy',
    );
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    const { page, cspViolations, submissions } = await loggedIn();
    const accountId = await linkedAccount(page, 'sankt-peterburg', '702062012', '4,37507');
    await linkedAccount(page, 'sankt-peterburg', '702062013', '1520,4');
    await page.reload();
    // Two accounts: each a summary, its meters one button away.
    for (const number of ['702062012', '702062013']) {
      await page.getByRole('button', { name: `Подробнее: лицевой счёт № ${number}` }).click();
    }

    // The meter: its number, the last reading the supplier took (the 20th of last month: 1045,318 + a year of use).
    const meter = meterOn(page, '702062012', 'G4-0418237');
    await meter.waitFor();
    await meter.getByText('однотарифный').waitFor();
    const lastMonth = monthFrom(today, -1);
    await expect(meter.locator('.meter-last').textContent()).resolves.toMatch(
      spaced(
        `Последнее показание: 1 188,518 м³ от 20.${lastMonth.slice(5, 7)}.${lastMonth.slice(0, 4)}, за ${monthInText(lastMonth)}`,
      ),
    );
    await meter.getByText(/^Поверка действительна до \d{2}\.\d{2}\.\d{4}\.$/).waitFor();
    const history = meter.getByRole('table', { name: 'Последние показания' });
    await expect(history.locator('tbody tr').count()).resolves.toBe(6);
    await expect(history.locator('tbody tr').first().locator('th, td').allTextContents()).resolves.toEqual([
      shownDay(`${lastMonth}-20`),
      expect.stringMatching(spaced('1 188,518')),
      'поставщик',
    ]);

    // The chart is drawn on a canvas (under the server's CSP); its table lists the same 12 months.
    const account = page.getByTestId('account-card').filter({ hasText: '702062012' });
    const consumption = account.getByRole('group', { name: 'Расход газа по месяцам' });
    await consumption
      .getByRole('img', { name: /^Столбчатая диаграмма расхода газа/ })
      .locator('canvas')
      .first()
      .waitFor();
    const chartTable = consumption.getByRole('table', { name: /Расход газа по месяцам/ });
    await expect(chartTable.isVisible()).resolves.toBe(false);
    await consumption.getByText('Расход по месяцам таблицей').click();
    await expect(chartTable.locator('tbody tr').count()).resolves.toBe(12);
    // Last month's figure is the demo meter's own for that calendar month (the demo year ends last month).
    const lastMonthUse = DEMO_METERS['702062012']![0]!.monthly[Number(lastMonth.slice(5, 7)) - 1]!;
    await expect(chartTable.locator('tbody tr').last().locator('th, td').allTextContents()).resolves.toEqual([
      monthInText(lastMonth).replace(/^./, (c) => c.toUpperCase()),
      String(lastMonthUse).replace('.', ','),
    ]);

    // A two-zone meter: a box pair per zone, and its verification due within 30 days.
    const twoZones = meterOn(page, '702062013', 'G6-1187003');
    await dialOf(twoZones, 'Показание счётчика G6-1187003, день, м³').integer.waitFor();
    await dialOf(twoZones, 'Показание счётчика G6-1187003, ночь, м³').fraction.waitFor();
    await twoZones.getByText(`Срок поверки счётчика — ${shownDay(today, 30)}. Не забудьте поверить счётчик.`).waitFor();
    await shot(page, 'meters');
    await shotOf(account.getByRole('region', { name: 'Счётчики и показания' }), 'meters-section');
    await shotOf(twoZones, 'two-zones');

    // Letters are stopped before sending, next to the boxes.
    const dial = dialOf(meter, 'Показание счётчика G4-0418237, м³');
    const send = account.getByRole('button', { name: 'Передать показания' });
    await dial.integer.fill('11a9');
    await send.click();
    await meter.getByText('В показании могут быть только цифры.').waitFor();
    await expect(dial.integer.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(submissions).toHaveLength(0);

    // 10,5 m³ more, typed as on a keyboard: the comma moves on to the fraction box.
    await dial.integer.fill('');
    await dial.integer.pressSequentially('1199,018');
    await expect(dial.integer.inputValue()).resolves.toBe('1199');
    await expect(dial.fraction.inputValue()).resolves.toBe('018');
    await expect(meter.getByText('В показании могут быть только цифры.').count()).resolves.toBe(0);
    await send.click();
    await meter
      .getByRole('status')
      .getByText(spaced('Показание принято: расход 10,5 м³, к оплате по текущему тарифу ≈ 86,21 ₽.'))
      .waitFor();
    expect(submissions).toHaveLength(1);
    // Keyboard focus is on the answer, not on the page's body.
    await expect(page.evaluate(() => document.activeElement?.id ?? '')).resolves.toMatch(/^reading-.*-total-result$/);
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/Показание принято/);
    // The account is read again: the last reading is the one just sent, the history starts with it.
    await meter
      .locator('.meter-last')
      .getByText(spaced(`1 199,018 м³ от ${shownDay(today)}`))
      .waitFor();
    await expect(history.locator('tbody tr').first().locator('th, td').allTextContents()).resolves.toEqual([
      shownDay(today),
      expect.stringMatching(spaced('1 199,018')),
      'абонент',
    ]);
    await expect(dial.integer.inputValue()).resolves.toBe('');
    // After the supplier's closing day (the 25th) it counts for next month, and the page says so.
    const afterClosingDay = Number(today.slice(8, 10)) > 25;
    const period = monthFrom(today, afterClosingDay ? 1 : 0);
    const notice = `Показания переданы после дня закрытия периода и будут учтены в расчёте за ${monthInText(period)}.`;
    await expect(account.getByText(notice).count()).resolves.toBe(afterClosingDay ? 1 : 0);
    await chartTable
      .locator('tbody tr')
      .filter({ hasText: monthInText(period).replace(/^./, (c) => c.toUpperCase()) })
      .getByText('10,5')
      .waitFor();
    await shot(page, 'accepted');
    await shotOf(account.getByRole('region', { name: 'Счётчики и показания' }), 'accepted-section');

    // Below the previous reading: stopped before sending, with the rollover question offered instead.
    await dial.integer.fill('1100');
    await dial.fraction.fill('');
    await send.click();
    await meter
      .locator('.field-error')
      .getByText(spaced('Показание меньше предыдущего (1 188,518). Если счётчик прошёл через ноль, подтвердите это.'))
      .waitFor();
    const rollover = meter.getByLabel(/^Счётчик прошёл через ноль/);
    await expect(rollover.isChecked()).resolves.toBe(false);
    await expect(dial.integer.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/-integer$/);
    expect(submissions).toHaveLength(1);
    await shot(page, 'below-previous');

    // A rollover ticked is not yet recorded: the server answers with the consumption it would mean, asked again.
    await rollover.check();
    await send.click();
    await meter
      .locator('.field-error')
      .getByText(spaced('Счётчик прошёл через ноль: расход составит 99 911,482 м³.'))
      .waitFor();
    const confirmRollover = meter.getByLabel(/^Показание верное, записать его/);
    await expect(meter.locator('.dial-confirm label').textContent()).resolves.toMatch(
      spaced('расход 99 911,482 м³, к оплате по текущему тарифу ≈ 820 273,27 ₽'),
    );
    await expect(confirmRollover.isChecked()).resolves.toBe(false);
    expect(submissions).toHaveLength(2);
    expect(submissions[1]!.readings).toEqual([
      expect.objectContaining({ confirmRollover: true, confirmImplausible: false }),
    ]);
    await meter.locator('.meter-last').getByText(spaced('1 199,018 м³')).waitFor();
    await shot(page, 'rollover-asked');

    await page.setViewportSize(PHONE);
    await shot(page, 'below-previous-phone');
    await shotOf(meter, 'below-previous-phone-meter');
    await shotOf(consumption, 'chart-phone');
    // The page fits the phone's width: nothing scrolls sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    expect(cspViolations).toEqual([]);

    // The payment page's «Предыдущее показание» is the last accepted reading (this period's), not last period's.
    await page.goto(`${app.baseUrl}/oplata/${accountId}`);
    await page.getByLabel('Передать показания вместе с оплатой').check();
    await page.getByText(spaced('Предыдущее показание: 1 199,018 м³')).waitFor();
    await page.context().close();
  });

  it('turns the boxes of a meter past its verification off before anyone types, with the reason and whom to call, on a phone', async () => {
    const today = todayInMoscow();
    const { page, cspViolations, submissions } = await loggedIn(PHONE);
    await linkedAccount(page, 'voronezh', '3600123456', '2468');
    await page.reload();

    const meter = meterOn(page, '3600123456', 'BK-G4-7723110');
    const expired = shownDay(today, -40);
    const alert = meter.locator('.alert');
    await alert.getByText(`Срок поверки истёк ${expired}: показания по этому счётчику не принимаются.`).waitFor();
    await alert.getByText(/^Что делать: закажите поверку счётчика/).waitFor();
    // The supplier's own service desk (the demo's Voronezh contacts), as links.
    const contacts = alert.getByRole('list', { name: 'Контакты поставщика' });
    await expect(contacts.getByRole('link', { name: '+7 (473) 000-00-00' }).getAttribute('href')).resolves.toBe(
      'tel:+74730000000',
    );
    await expect(
      contacts.getByRole('link', { name: 'support@vrn.demo.kabinet.localhost' }).getAttribute('href'),
    ).resolves.toBe('mailto:support@vrn.demo.kabinet.localhost');
    await contacts.getByText('Адрес: г. Воронеж, ул. Демонстрационная, д. 1 (демо)').waitFor();
    await meter.getByText(spaced('Последнее показание: 8 955,600 м³')).waitFor();

    const dial = dialOf(meter, 'Показание счётчика BK-G4-7723110, м³');
    await expect(dial.integer.isDisabled()).resolves.toBe(true);
    await expect(dial.fraction.isDisabled()).resolves.toBe(true);
    await dial.group.getByText('Срок поверки истёк: показания по этому счётчику не принимаются до поверки.').waitFor();
    // Nothing to send on this account: no button that could only be refused.
    const account = page.getByTestId('account-card').filter({ hasText: '3600123456' });
    await expect(account.getByRole('button', { name: 'Передать показания' }).count()).resolves.toBe(0);
    expect(submissions).toHaveLength(0);
    await shot(page, 'expired-phone');
    await shotOf(meter, 'expired-phone-meter');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('sends a reading again under the same key after a lost answer, so it is recorded once; changed values get a new key', async () => {
    const { page, submissions } = await loggedIn();
    await linkedAccount(page, 'kaluga', '4000111222', null);
    await page.reload();
    const meter = meterOn(page, '4000111222', 'G4-5590126');
    await meter.getByText(spaced('Последнее показание: 445,100 м³')).waitFor();

    // The first submission reaches the server and is recorded, but its answer is lost on the way back.
    let lost = false;
    await page.route('**/graphql', async (route) => {
      if (!lost && (route.request().postData() ?? '').includes('MeterReadings_Submit')) {
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    const dial = dialOf(meter, 'Показание счётчика G4-5590126, м³');
    await dial.integer.fill('450');
    await dial.fraction.fill('25');
    const send = page.getByRole('button', { name: 'Передать показания' });
    await send.click();
    await page
      .getByRole('alert')
      .getByText('Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.')
      .waitFor();
    await expect(dial.integer.inputValue()).resolves.toBe('450');
    await shot(page, 'network-failure');

    // Pressed again with the same values: the same key, the server's stored answer, one reading in the history.
    await send.click();
    await meter
      .getByRole('status')
      .getByText(spaced('Показание принято: расход 5,15 м³, к оплате по текущему тарифу ≈'))
      .waitFor();
    const keys = submissions.map((input) => input.idempotencyKey as string);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const history = meter.getByRole('table', { name: 'Последние показания' });
    await meter.locator('.meter-last').getByText(spaced('450,250 м³')).waitFor();
    await expect(history.locator('tbody tr').filter({ hasText: 'абонент' }).count()).resolves.toBe(1);

    // A corrected value is a new submission: a new key; it replaces the one of this period.
    await dial.integer.fill('450');
    await dial.fraction.fill('3');
    await send.click();
    await meter
      .getByRole('status')
      .getByText(/заменило ранее переданное за этот период/)
      .waitFor();
    expect(submissions).toHaveLength(3);
    expect(submissions[2]!.idempotencyKey).not.toBe(keys[0]);
    await meter.locator('.meter-last').getByText(spaced('450,300 м³')).waitFor();
    await history.locator('tbody tr').filter({ hasText: '(заменено)' }).getByText(spaced('450,250')).waitFor();
    await shot(page, 'replaced');
    await page.context().close();
  });

  it('asks before recording a reading far above the meter’s usual, with its consumption and charge, then records it confirmed', async () => {
    const { page, submissions } = await loggedIn();
    await linkedAccount(page, 'kaluga', '4000111222', null);
    await page.reload();
    const meter = meterOn(page, '4000111222', 'G4-5590126');
    await meter.locator('.meter-last').waitFor();
    const dial = dialOf(meter, 'Показание счётчика G4-5590126, м³');
    const send = page.getByTestId('account-card').filter({ hasText: '4000111222' }).getByRole('button', {
      name: 'Передать показания',
    });
    await dial.integer.fill('9999');
    await dial.fraction.fill('0');
    await send.click();
    // A year of 5–21 m³ a month before: 9 553,9 m³ since the last accepted reading (445,1) is asked about.
    await meter
      .locator('.field-error')
      .getByText(spaced('Расход 9 553,9 м³ намного больше обычного для этого счётчика.'))
      .waitFor();
    const confirm = meter.getByLabel(/^Показание верное, записать его/);
    await expect(meter.locator('.dial-confirm label').textContent()).resolves.toMatch(
      spaced('расход 9 553,9 м³, к оплате по текущему тарифу ≈ 69 839,'),
    );
    await expect(meter.getByRole('status').getByText('Показание принято').count()).resolves.toBe(0);
    await expect(dial.integer.inputValue()).resolves.toBe('9999');
    await shot(page, 'implausible-asked');

    await confirm.check();
    await send.click();
    await meter
      .getByRole('status')
      .getByText(spaced('Показание принято: расход 9 553,9 м³, к оплате по текущему тарифу ≈ 69 839,'))
      .waitFor();
    expect(
      submissions.map((input) => (input.readings as Array<Record<string, unknown>>)[0]!.confirmImplausible),
    ).toEqual([false, true]);
    await meter.locator('.meter-last').getByText(spaced('9 999,000 м³')).waitFor();
    await page.context().close();
  });
});
