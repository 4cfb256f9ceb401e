// Meter readings in Chromium, the way an abonent sends them: the meter on the account card with its last reading,
// verification and consumption chart (and its table), a reading typed on the dial and accepted with its consumption
// and charge, a lower one stopped before sending, and an expired meter whose reading the server refuses.
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
    await linkedAccount(page, 'sankt-peterburg', '702062012', '4,37507');
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

    await page.setViewportSize(PHONE);
    await shot(page, 'below-previous-phone');
    await shotOf(meter, 'below-previous-phone-meter');
    await shotOf(consumption, 'chart-phone');
    // The page fits the phone's width: nothing scrolls sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('shows the expired verification of a meter and the server’s refusal of its reading, on a phone', async () => {
    const today = todayInMoscow();
    const { page, cspViolations, submissions } = await loggedIn(PHONE);
    await linkedAccount(page, 'voronezh', '3600123456', '2468');
    await page.reload();

    const meter = meterOn(page, '3600123456', 'BK-G4-7723110');
    const expired = shownDay(today, -40);
    await meter
      .locator('.alert')
      .getByText(`Срок поверки истёк ${expired}: показания по этому счётчику не принимаются.`)
      .waitFor();
    await meter.getByText(spaced('Последнее показание: 8 955,600 м³')).waitFor();

    // The supplier decides whether such a meter's readings are taken: the form sends, and shows the server's answer.
    const dial = dialOf(meter, 'Показание счётчика BK-G4-7723110, м³');
    await dial.integer.fill('8960');
    await dial.fraction.fill('5');
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await meter
      .locator('.field-error')
      .getByText(
        `Срок поверки счётчика истёк ${expired}: показания не принимаются до поверки. Обратитесь к поставщику.`,
      )
      .waitFor();
    expect(submissions).toHaveLength(1);
    await expect(dial.integer.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(dial.integer.inputValue()).resolves.toBe('8960');
    await expect(meter.getByRole('status').getByText('Показание принято').count()).resolves.toBe(0);
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
});
