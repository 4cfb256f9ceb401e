// «Лицевые счета» with five linked accounts, as an abonent reads it on a phone and on a desktop: a summary per account
// that fits the phone's screen, the details one button away, hints that stay on the screen, the chart's labels whole,
// what to do where a supplier takes no online payment, and axe on every page with 0 serious or critical violations.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asPage, linkAccountUntilHeard, loggedInAbonent } from './support/browser-abonents.js';
import { axeProblems } from './support/axe.js';
import { DESKTOP, newPage, screenshots, spaced, useBrowserKabinet } from './support/browser-kabinet.js';
import { trustedDocument } from './support/trusted-documents.js';

const app = useBrowserKabinet('accounts-summary-browser', { DEMO_DATA: 'true' });
const { shot } = screenshots('accounts-summary');

/** The phone of issue 14 (a common 6.1″ phone in CSS pixels). */
const PHONE = { width: 390, height: 844 };

/** The demo's five accounts of four suppliers, with what each asks besides the number. */
const FIVE = [
  { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507' },
  { supplierCode: 'sankt-peterburg', number: '702062013', proof: '1520,4' },
  { supplierCode: 'voronezh', number: '3600123456', proof: '2468' },
  { supplierCode: 'moskva', number: '5012345678', proof: '82,10' },
  { supplierCode: 'kaluga', number: '4000111222', proof: null },
];
/** The demo account without a meter (a gas stove charged by the norm). */
const NO_METER = '5012345678';

/**
 * A new abonent with the five accounts linked through the API, once payments knows of each (it serves the amount
 * due) and metering of each one with a meter; then «Лицевые счета» opened afresh.
 */
async function fiveAccounts(viewport: { width: number; height: number }): Promise<{ page: Page; ids: string[] }> {
  const { page } = await loggedInAbonent(app, { prefix: 'summary', watch: 'AccountsPage_Accounts', viewport });
  const ids: string[] = [];
  for (const account of FIVE) {
    ids.push(
      await linkAccountUntilHeard(app, page, account, 'payments and metering', async (accountId) => {
        const answer = await asPage(app, page, 'AccountsPage_Accounts', {});
        const linked = answer.data?.me.accounts.find((a: { id: string }) => a.id === accountId);
        return Boolean(linked?.amountDue && (account.number === NO_METER || linked.meters?.length > 0));
      }),
    );
  }
  await page.reload();
  await page.getByTestId('account-card').nth(4).waitFor();
  return { page, ids };
}

function cards(page: Page) {
  return page.getByTestId('account-card');
}

function card(page: Page, number: string) {
  return cards(page).filter({ has: page.getByRole('heading', { name: `Лицевой счёт № ${number}` }) });
}

/** The page's height and width and the viewport's, in CSS px. */
function extent(page: Page) {
  return page.evaluate(() => ({
    height: document.scrollingElement!.scrollHeight,
    width: document.scrollingElement!.scrollWidth,
    viewportWidth: window.innerWidth,
  }));
}

/** Where a hint's text stands once shown (after focus by keyboard or a tap), in CSS px. */
async function shownHint(page: Page, button: ReturnType<Page['getByRole']>) {
  const id = await button.getAttribute('aria-describedby');
  const hint = page.locator(`[id="${id}"]`);
  await hint.waitFor({ state: 'visible' });
  const box = await hint.boundingBox();
  // Its text inside its box: a line that does not wrap runs out of the box (and off the screen).
  const overflows = await hint.evaluate((h) => h.scrollWidth > h.clientWidth);
  return { text: await hint.textContent(), left: box!.x, right: box!.x + box!.width, overflows };
}

/** The serious and critical axe violations, as text a failure shows in full. */
async function axeReport(page: Page): Promise<string> {
  return JSON.stringify(await axeProblems(page), null, 1);
}

describe('«Лицевые счета» with five accounts', () => {
  it('fits a phone as five summaries, opens details by one tap, keeps hints on the screen, and passes axe', async () => {
    const { page } = await fiveAccounts(PHONE);
    await shot(page, 'phone');

    // Every summary on the first screen (it was 15 000 px with every card expanded); below the last one only the
    // site's footer and the space above it (under 4rem, 64 px). No sideways scrolling.
    const size = await extent(page);
    expect(size.width).toBeLessThanOrEqual(size.viewportWidth);
    const lastBottom = await cards(page)
      .nth(4)
      .evaluate((c) => c.getBoundingClientRect().bottom + window.scrollY);
    expect(lastBottom).toBeLessThanOrEqual(PHONE.height);
    const footer = await page.getByRole('contentinfo').evaluate((f) => f.getBoundingClientRect().height);
    expect(size.height).toBeLessThanOrEqual(PHONE.height + footer + 64);

    // What each summary says: the amount due, an advance, the readings' deadline, the warnings.
    const shownIn = (number: string, part: string) =>
      card(page, number).getByTestId('account-summary').locator(`.account-summary-${part}`);
    await expect(shownIn('702062012', 'due').innerText()).resolves.toMatch(/^1\s234,56\s₽$/);
    await expect(shownIn('702062013', 'due').innerText()).resolves.toMatch(/^0,00\s₽,\sаванс\s150,00\s₽\s*\?$/);
    for (const number of ['702062012', '702062013', '3600123456', '4000111222']) {
      await expect(shownIn(number, 'readings').innerText()).resolves.toMatch(
        /^до \d{1,2} [а-я]+ \(\d+\s(день|дня|дней)\)$/,
      );
    }
    // No meter, no deadline.
    await expect(shownIn(NO_METER, 'readings').count()).resolves.toBe(0);
    await expect(shownIn('4000111222', 'due').innerText()).resolves.toMatch(/^87,30\s₽ по квитанции$/);
    await card(page, '3600123456').getByText('Поверка истекла: показания не принимаются').waitFor();
    await card(page, '702062013').getByText('Скоро истекает поверка').waitFor();
    await expect(page.getByRole('region', { name: 'Счётчики и показания' }).count()).resolves.toBe(0);
    expect(await axeReport(page)).toBe('[]');

    // A hint near the screen's edge stays on the screen, shown by a press (a tap or a click).
    const periodHint = card(page, '702062012').getByRole('button', { name: 'Когда передавать показания' });
    await periodHint.click();
    const hint = await shownHint(page, periodHint);
    expect(hint.text).toMatch(/^Показания, переданные по \d+-е число месяца включительно/);
    expect(hint.left).toBeGreaterThanOrEqual(0);
    expect(hint.right).toBeLessThanOrEqual(PHONE.width);
    expect(hint.overflows).toBe(false);
    expect((await extent(page)).width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-hint');

    // One tap opens an account's details: meters, readings, charges, and for Калуга what to do without online payment.
    const kaluga = card(page, '4000111222');
    await kaluga.getByRole('button', { name: 'Подробнее: лицевой счёт № 4000111222', expanded: false }).click();
    await kaluga
      .getByRole('button', { name: 'Скрыть подробности: лицевой счёт № 4000111222', expanded: true })
      .waitFor();
    await kaluga.getByRole('region', { name: 'Счётчики и показания' }).waitFor();
    await kaluga.getByRole('table', { name: 'Начисления за последние месяцы' }).waitFor();
    const offline = kaluga.getByTestId('pay-offline');
    await offline.getByText('Оплатите по бумажной квитанции поставщика в отделении банка или почты').waitFor();
    await offline.getByRole('link', { name: '+7 (4842) 00-00-00' }).waitFor();
    await expect(offline.getByRole('link', { name: '+7 (4842) 00-00-00' }).getAttribute('href')).resolves.toBe(
      'tel:+74842000000',
    );
    // Nothing promises a code that is not there.
    await expect(kaluga.getByRole('img', { name: /QR-код/ }).count()).resolves.toBe(0);
    await expect(kaluga.textContent()).resolves.not.toMatch(/(по|или) QR-коду/);
    await shot(page, 'phone-kaluga-details');

    // Москва gave no contacts: the receipt and the supplier's office.
    const moskva = card(page, NO_METER);
    await moskva.getByRole('button', { name: `Подробнее: лицевой счёт № ${NO_METER}` }).click();
    await moskva.getByText('обратитесь в абонентский отдел поставщика').waitFor();
    await expect(moskva.textContent()).resolves.not.toMatch(/(по|или) QR-коду/);

    // All five open: the reading history's three columns inside the screen, the page no wider than it, axe clean.
    for (const number of ['702062012', '702062013', '3600123456']) {
      await card(page, number)
        .getByRole('button', { name: `Подробнее: лицевой счёт № ${number}` })
        .click();
    }
    const history = card(page, '702062012').getByRole('table', { name: 'Последние показания' });
    await history.waitFor();
    const columns = await history
      .locator('thead th')
      .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
    expect(columns).toHaveLength(3);
    for (const right of columns) expect(right).toBeLessThanOrEqual(PHONE.width);
    expect((await extent(page)).width).toBeLessThanOrEqual(PHONE.width);
    expect(await axeReport(page)).toBe('[]');
    await shot(page, 'phone-all-open');

    // The e-mail «?» of the registration form, on a phone: on the screen too.
    const visitor = await newPage(app, PHONE);
    await visitor.goto(app.baseUrl + '/register');
    const emailHint = visitor.getByRole('main').locator('.tooltip-button').first();
    await emailHint.focus();
    const shown = await shownHint(visitor, emailHint);
    expect(shown.left).toBeGreaterThanOrEqual(0);
    expect(shown.right).toBeLessThanOrEqual(PHONE.width);
    expect(shown.overflows).toBe(false);
    await visitor.context().close();
    await page.context().close();
  });

  it('passes axe on every page on a desktop, and draws the chart’s labels whole for 100 000 m³', async () => {
    const { page, ids } = await fiveAccounts(DESKTOP);
    for (const path of ['/accounts', '/', '/settings', '/suppliers', '/support', `/oplata/${ids[0]}`]) {
      await page.goto(app.baseUrl + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(`${path}: ${await axeReport(page)}`).toBe(`${path}: []`);
    }

    // A month of 100 000 m³ in the chart (the answer changed on its way to the page): «100 000», not «00 000».
    const accountsQuery = trustedDocument('AccountsPage_Accounts').hash;
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes(accountsQuery)) return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      const months = json.data.me.accounts.find((a: { number: string }) => a.number === '702062012').monthlyConsumption;
      months[months.length - 1].volume = '100000.000';
      return route.fulfill({ response, json });
    });
    await page.goto(app.baseUrl + '/accounts');
    const spb = card(page, '702062012');
    await spb.getByRole('button', { name: 'Подробнее: лицевой счёт № 702062012' }).click();
    const chart = spb.getByRole('img', { name: /^Столбчатая диаграмма расхода газа/ });
    await chart.locator('canvas').waitFor();
    // «с декабря 2025», not «с декабрь 2025».
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(
      /^Столбчатая диаграмма расхода газа с (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} по [а-я]+ \d{4}, м³/,
    );
    // The y axis's labels are drawn right-aligned up to the plot: the plot starts right of the widest one.
    const room = await chart.evaluate((box) => {
      const over = box.querySelector<HTMLElement>('.u-over')!;
      const measure = document.createElement('canvas').getContext('2d')!;
      measure.font = '13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
      // The scale's top is a round number above 100 000 (150 000): the widest label is one of these.
      const [label, top] = [100000, 150000].map((n) => new Intl.NumberFormat('ru-RU').format(n)) as [string, string];
      const labelWidth = Math.max(measure.measureText(label).width, measure.measureText(top).width);
      return { label, plotLeft: over.offsetLeft, labelWidth };
    });
    expect(room.label).toMatch(spaced('100 000'));
    expect(room.plotLeft).toBeGreaterThan(room.labelWidth);
    await shot(page, 'desktop-chart');
    expect(await axeReport(page)).toBe('[]');
    await page.context().close();
  });
});
