// Meter readings in Chromium, the way an abonent sends them: the meter on the account card with its last reading,
// verification and consumption chart (and its table), a reading typed on the dial and accepted with its consumption
// and charge, a lower one stopped before sending, and an expired meter whose reading the server refuses.
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from './support/captcha.js';
import { todayInMoscow } from '../src/core/calendar.js';
import { SHOTS, startBrowserKabinet, type BrowserKabinet } from './support/browser-kabinet.js';
import { postGraphQL, type RunningProcess } from './support/processes.js';
import type { SmtpSink } from './support/smtp-sink.js';

/** Generous waits: every login costs an argon2 hash on the server. */
const WAIT = { timeout: 20_000 };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const PASSWORD = 'Gaz2026a';

let app: BrowserKabinet;
let server: RunningProcess;
let browser: Browser;
let smtp: SmtpSink;

beforeAll(async () => {
  app = await startBrowserKabinet('readings-browser', { DEMO_DATA: 'true' });
  ({ server, browser, smtp } = app);
});

afterAll(async () => {
  expect(await app?.close()).toBe(0);
});

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

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Numbers as the page writes them use no-break spaces: match any space. */
function spaced(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
}

let counter = 0;
async function confirmedAbonent(): Promise<string> {
  counter += 1;
  const email = `readings-${Date.now()}-${counter}@example.ru`;
  const challenge = await postGraphQL(server.baseUrl, 'query { captchaChallenge { challenge } }');
  const registered = await postGraphQL(
    server.baseUrl,
    `mutation ($input: RegisterInput!) { register(input: $input) { ok errors { field code message } } }`,
    {
      input: {
        email,
        password: PASSWORD,
        passwordRepeat: PASSWORD,
        captcha: await solveCaptcha(challenge.body.data.captchaChallenge.challenge),
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
  return email;
}

interface Session {
  page: Page;
  /** What the page reported as a Content-Security-Policy violation. */
  cspViolations: string[];
  /** The bodies of readings submissions the page sent. */
  submissions: string[];
}

async function loggedIn(email: string, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  const session: Session = { page, cspViolations: [], submissions: [] };
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) session.cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.url().endsWith('/graphql') && body.includes('MeterReadings_Submit')) session.submissions.push(body);
  });
  await page.goto(server.baseUrl + '/login');
  await page.getByLabel('Адрес электронной почты (логин)').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL('**/accounts');
  await page.getByText('Нет подключенных ЛС').waitFor();
  return session;
}

/** GraphQL as the page's session (its cookie), for the steps the test takes through the API. */
async function asPage(page: Page, query: string, variables: Record<string, unknown>) {
  const response = await page.request.post(server.baseUrl + '/graphql', { data: { query, variables } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/**
 * Links a demo account through the API and waits until metering has heard of the link (an event, within seconds):
 * until then a submission answers ACCOUNT_NOT_LINKED. The probe names no real meter, so it never records anything.
 */
async function linkedAccount(page: Page, supplierCode: string, number: string, proof: string | null): Promise<string> {
  const linked = await asPage(
    page,
    `mutation ($input: LinkPersonalAccountInput!) {
       linkPersonalAccount(input: $input) { ok errors { code message } account { id } } }`,
    { input: { supplierCode, number, proof } },
  );
  expect(linked.data?.linkPersonalAccount, JSON.stringify(linked)).toMatchObject({ ok: true });
  const accountId: string = linked.data.linkPersonalAccount.account.id;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const probe = await asPage(
      page,
      `mutation ($input: SubmitReadingsInput!) { submitReadings(input: $input) { ok errors { code } results { code } } }`,
      {
        input: {
          accountId,
          readings: [{ meterId: '00000000-0000-4000-8000-000000000000', value: '1' }],
          idempotencyKey: `probe-${Date.now()}-${Math.random()}`,
        },
      },
    );
    const payload = probe.data?.submitReadings;
    if (payload && payload.errors.length === 0) {
      expect(payload).toMatchObject({ ok: false, results: [{ code: 'METER_NOT_FOUND' }] });
      return accountId;
    }
    expect(payload?.errors?.[0]?.code, JSON.stringify(probe)).toBe('ACCOUNT_NOT_LINKED');
    if (Date.now() > deadline) throw new Error(`metering did not learn of the link:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `readings-${name}.png`), fullPage: true });
}

/** A part of the page at its own size, to look at closely. */
async function shotOf(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: path.join(SHOTS, `readings-${name}.png`) });
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
    const csp = (await fetch(server.baseUrl + '/accounts', { headers: { accept: 'text/html' } })).headers.get(
      'content-security-policy',
    );
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    const { page, cspViolations, submissions } = await loggedIn(await confirmedAbonent());
    await linkedAccount(page, 'sankt-peterburg', '702062012', '4,37507');
    await linkedAccount(page, 'sankt-peterburg', '702062013', '1520,4');
    await page.reload();

    // The meter: its number, the last reading the supplier took (the 20th of last month: 1045,318 + a year of use).
    const meter = meterOn(page, '702062012', 'G4-0418237');
    await meter.waitFor();
    await meter.getByText('однотарифный').waitFor();
    const lastMonth = monthFrom(today, -1);
    await expect(meter.locator('.meter-last').textContent()).resolves.toMatch(
      spaced(
        `Последнее показание: 1 188,518 м³ от 20.${lastMonth.slice(5, 7)}.${lastMonth.slice(0, 4)}, за ${monthName(lastMonth)}`,
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
    await expect(chartTable.locator('tbody tr').last().locator('th, td').allTextContents()).resolves.toEqual([
      monthName(lastMonth).replace(/^./, (c) => c.toUpperCase()),
      '10,7',
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
    const notice = `Показания переданы после дня закрытия периода и будут учтены в расчёте за ${monthName(period)}.`;
    await expect(account.getByText(notice).count()).resolves.toBe(afterClosingDay ? 1 : 0);
    await chartTable
      .locator('tbody tr')
      .filter({ hasText: monthName(period).replace(/^./, (c) => c.toUpperCase()) })
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
    const { page, cspViolations, submissions } = await loggedIn(await confirmedAbonent(), PHONE);
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
    const { page, submissions } = await loggedIn(await confirmedAbonent());
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
    const keys = submissions.map((body) => JSON.parse(body).variables.input.idempotencyKey as string);
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
    expect(JSON.parse(submissions[2]!).variables.input.idempotencyKey).not.toBe(keys[0]);
    await meter.locator('.meter-last').getByText(spaced('450,300 м³')).waitFor();
    await history.locator('tbody tr').filter({ hasText: '(заменено)' }).getByText(spaced('450,250')).waitFor();
    await shot(page, 'replaced');
    await page.context().close();
  });
});
