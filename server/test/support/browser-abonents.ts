// Abonents for the browser tests: cabinets made through the API (registered, confirmed by the letter's link), logged
// in on a page the way a person logs in, and personal accounts linked through the API as the page's session.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage, DESKTOP, type BrowserKabinet } from './browser-kabinet.js';
import { solveCaptcha } from './captcha.js';
import { byHash } from './trusted-documents.js';

export const PASSWORD = 'Gaz2026a';

let counter = 0;
/** `<prefix>-<now>-<n>@example.ru`, new at each call. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@example.ru`;
}

/** A letter's link opened on the test server (the letter uses PUBLIC_URL, which is the same here). */
export function onServer(app: BrowserKabinet, link: string): string {
  const url = new URL(link);
  return app.baseUrl + url.pathname + url.search;
}

/**
 * The web client's operation `name` through the API, by hash as the built client sends it (the browser tests' Kabinet
 * refuses ad-hoc documents from browsers).
 */
async function asWebClient(app: BrowserKabinet, name: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(byHash(name, variables)),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/**
 * A cabinet made through the API, with a solved CAPTCHA; confirmed by the letter's link unless asked otherwise.
 * Returns the confirmation link (on the test server), to follow when it was not used.
 */
export async function registerAbonent(
  app: BrowserKabinet,
  email: string,
  { password = PASSWORD, confirm = true }: { password?: string; confirm?: boolean } = {},
): Promise<string> {
  const challenge = await asWebClient(app, 'Captcha_Challenge');
  const captcha = await solveCaptcha(challenge.body.data.captchaChallenge.challenge);
  const registered = await asWebClient(app, 'RegisterPage_Register', {
    input: {
      email,
      password,
      passwordRepeat: password,
      captcha,
      acceptAgreement: true,
      consentToPersonalData: true,
    },
  });
  expect(registered.body.data?.register, app.server.output()).toMatchObject({ ok: true, errors: [] });
  const letter = await app.smtp.waitFor(email, /Подтвердите регистрацию/);
  const link = app.smtp.linkIn(letter, '/confirm');
  if (confirm) {
    const token = new URL(link).searchParams.get('token');
    const confirmed = await asWebClient(app, 'ConfirmPage_ConfirmEmail', { token });
    expect(confirmed.body.data?.confirmEmail.ok).toBe(true);
  }
  return onServer(app, link);
}

/** Logs in on the «Вход» page the browser is on (or is going to). */
export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole('heading', { name: 'Вход' }).waitFor();
  await page.getByLabel('Адрес электронной почты (логин)').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

export interface AbonentPage {
  page: Page;
  email: string;
  /** What the page reported as a Content-Security-Policy violation. */
  cspViolations: string[];
  /** The `input` of each request of the watched operation the page sent. */
  sent: Array<Record<string, any>>;
}

/**
 * A new confirmed abonent (`prefix` starts the e-mail) logged in on a new page: «Лицевые счета», none linked yet.
 * The page's requests of the operation named `watch` are kept in `sent`.
 */
export async function loggedInAbonent(
  app: BrowserKabinet,
  { prefix, watch, viewport = DESKTOP }: { prefix: string; watch: string; viewport?: typeof DESKTOP },
): Promise<AbonentPage> {
  const email = uniqueEmail(prefix);
  await registerAbonent(app, email);
  const page = await newPage(app, viewport);
  const session: AbonentPage = { page, email, cspViolations: [], sent: [] };
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) session.cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.url().endsWith('/graphql') && body.includes(watch)) session.sent.push(JSON.parse(body).variables.input);
  });
  await page.goto(app.baseUrl + '/login');
  await logIn(page, email);
  await page.waitForURL('**/accounts');
  await page.getByText('Нет подключённых ЛС').waitFor();
  return session;
}

/**
 * The web client's operation `name` (by hash, as the built client sends it) as the page's session (its cookie), for
 * the steps the test takes through the API.
 */
export async function asPage(app: BrowserKabinet, page: Page, name: string, variables: Record<string, unknown>) {
  const response = await page.request.post(app.baseUrl + '/graphql', { data: byHash(name, variables) });
  expect(response.status()).toBe(200);
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** What a probe sends: a reading of a meter that does not exist (metering refuses it, nothing is recorded). */
export function readingOfNoMeter(accountId: string) {
  return {
    accountId,
    readings: [{ meterId: '00000000-0000-4000-8000-000000000000', value: '1' }],
    idempotencyKey: `probe-${Date.now()}-${Math.random()}`,
  };
}

/**
 * Links a (demo) account through the API as the page's session and waits until `subgraph` has heard of the link (an
 * event, within seconds): `heard(accountId)` is asked every 250 ms, for up to 20 seconds. Returns the account's id.
 */
export async function linkAccountUntilHeard(
  app: BrowserKabinet,
  page: Page,
  { supplierCode, number, proof }: { supplierCode: string; number: string; proof: string | null },
  subgraph: string,
  heard: (accountId: string) => Promise<boolean>,
): Promise<string> {
  const linked = await asPage(app, page, 'LinkAccountDialog_Link', { input: { supplierCode, number, proof } });
  expect(linked.data?.linkPersonalAccount, JSON.stringify(linked)).toMatchObject({ ok: true });
  const accountId: string = linked.data.linkPersonalAccount.account.id;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (await heard(accountId)) return accountId;
    if (Date.now() > deadline) throw new Error(`${subgraph} did not learn of the link:\n${app.server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Links a demo account through the API and waits until payments and metering have heard of the link (events,
 * within seconds): until then a payment answers ACCOUNT_NOT_FOUND. The probe's reading names no real meter, so
 * metering refuses it and no payment starts. Returns the account's id.
 */
export function linkAccountForPayment(
  app: BrowserKabinet,
  page: Page,
  account: { supplierCode: string; number: string; proof: string | null },
): Promise<string> {
  return linkAccountUntilHeard(app, page, account, 'payments', async (accountId) => {
    const probe = await asPage(app, page, 'PaymentPage_Start', {
      input: {
        ...readingOfNoMeter(accountId),
        purpose: 'CUSTOM',
        amount: 100,
        receiptEmail: 'probe@example.ru',
        returnUrl: `${app.baseUrl}/oplata/rezultat`,
      },
    });
    const payload = probe.data?.startPayment;
    expect(payload, JSON.stringify(probe)).toMatchObject({ ok: false, payment: null });
    if (payload.errors.some((e: { code: string }) => e.code === 'METER_NOT_FOUND')) return true;
    expect(payload.errors[0].code, JSON.stringify(probe)).toMatch(/^(ACCOUNT_NOT_FOUND|ACCOUNT_NOT_LINKED)$/);
    return false;
  });
}
