// The payment notice (извещение) as a PDF through the public API: what a person sees on the page (rendered and read
// back, the QR code decoded the way a bank app would), the month it is for and its amount, who may get it, and the
// months that may be asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner } from '../../../../test/support/abonents.js';
import type { Browser } from '../../../../test/support/kabinet.js';
import { DEMO_PAYEE, noticeInput } from '../../../../test/support/notice-input.js';
import { readPdf } from '../../../../test/support/pdf.js';
import { decodeQr } from '../../../../test/support/qr.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { instantOf, TEST_DAYS } from '../../../../test/support/dates.js';
import { SettableClock } from '../../../core/clock.js';
import { addMonths, currentMonth } from '@kabinet/common/calendar';
import { NO_RESPONSE_EFFECTS } from '../../../core/context.js';
import { formatMoney } from '@kabinet/common/money';
import type { BankDetails } from '../supplier/supplier.entity.js';
import {
  checkNoticePeriod,
  countNotice,
  MAX_NOTICES_PER_REQUEST,
  NOTICE_MONTHS_BACK,
  paymentNoticePdf,
} from './payment-notice.js';
import { paymentQrPayload } from './payment-qr.js';

// Wall time unless a test sets it: the dated tests at the end ask for notices on chosen days.
const clock = new SettableClock();
const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' }, { clock });
let bank: BankDetails;

beforeAll(async () => {
  const { body } = await app.graphql<{ supplier: { bankDetails: BankDetails } }>(`{ supplier(code: "sankt-peterburg") {
    bankDetails { payeeName inn kpp account bankName bic correspondentAccount } } }`);
  bank = body.data!.supplier.bankDetails;
});

const SPB = { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507' };
const PAYEE = DEMO_PAYEE;

const NOTICE = `query ($id: ID!, $period: String) { personalAccount(id: $id) {
  paymentNotice(period: $period) { fileName contentType contentBase64 period amount }
  paymentQr { payload }
  charges { month amount }
} }`;

interface Notice {
  fileName: string;
  contentType: string;
  contentBase64: string;
  period: string;
  amount: number | null;
}

async function link(client: Browser, input: Record<string, unknown>): Promise<string> {
  const { body } = await client.graphql(
    `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { ok account { id } } }`,
    { input },
  );
  expect(body.data?.linkPersonalAccount?.ok, JSON.stringify(body)).toBe(true);
  return body.data.linkPersonalAccount.account.id;
}

async function notice(client: Browser, id: string, period?: string) {
  const { body } = await client.graphql(NOTICE, { id, period });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const account = body.data.personalAccount as {
    paymentNotice: Notice | null;
    paymentQr: { payload: string } | null;
    charges: Array<{ month: string; amount: number }>;
  };
  return { ...account, pdf: account.paymentNotice ? Buffer.from(account.paymentNotice.contentBase64, 'base64') : null };
}

/** `2026-11` → `11.2026`. */
const dotted = (month: string) => month.split('-').reverse().join('.');

describe('the payment notice', () => {
  it('is a one-page A4 PDF whose QR code carries the payment of the amount due, with the form’s text', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const id = await link(client, SPB);
    const { paymentNotice, paymentQr, charges, pdf } = await notice(client, id);
    const period = charges[0]!.month;
    expect(paymentNotice).toMatchObject({
      fileName: `izveshchenie-702062012-${period}.pdf`,
      contentType: 'application/pdf',
      period,
      amount: 123456,
    });
    expect(pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pages = readPdf(pdf!);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.size.map(Math.round)).toEqual([595, 842]);

    // The page as printed (216 dpi), read by a QR decoder: the same payload as the card's QR code.
    const decoded = decodeQr(page!.png(3));
    const expected = paymentQrPayload({ bank, accountNumber: '702062012', amount: 123456, period });
    expect(decoded).toBe(expected);
    expect(decoded).toBe(paymentQr!.payload);
    expect(decoded).toContain('|PersAcc=702062012|');
    expect(decoded).toContain('|Sum=123456|');

    const text = page!.text();
    for (const words of [
      'ИЗВЕЩЕНИЕ',
      'Квитанция',
      'Форма № ПД-4',
      `Получатель платежа ${PAYEE}`,
      'ИНН / КПП 7838016481 / 783801001',
      'Расчётный счёт 40702810600000000001',
      'Банк получателя ДЕМО-БАНК (ПАО)',
      'БИК 044525999',
      'Корр. счёт 30101810600000000999',
      'Лицевой счёт 702062012',
      'Плательщик И***в И. И.',
      'Адрес г. Санкт-Петербург, Невский пр., д. 1, кв. 1',
      `Период ${dotted(period)}`,
      `Назначение платежа Оплата за газ, лицевой счёт 702062012, за ${dotted(period)}`,
      'Сумма 1 234,56 ₽',
    ]) {
      expect(text).toContain(words);
    }
    // Both parts of the form carry the details: the notice and the receipt the cashier returns.
    expect(text.split('Лицевой счёт 702062012')).toHaveLength(3);
    // Small enough to send as base64 in a GraphQL response: the fonts are subset, the QR code one small image.
    expect(pdf!.length).toBeLessThan(100_000);
  });

  it('for an earlier month carries that month’s charge; an overpaid account’s leaves the sum blank', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const id = await link(client, SPB);
    const { charges } = await notice(client, id);
    const earlier = charges[3]!;
    const { paymentNotice, pdf } = await notice(client, id, earlier.month);
    expect(paymentNotice).toMatchObject({
      fileName: `izveshchenie-702062012-${earlier.month}.pdf`,
      period: earlier.month,
      amount: earlier.amount,
    });
    const [page] = readPdf(pdf!);
    expect(decodeQr(page!.png(3))).toBe(
      paymentQrPayload({ bank, accountNumber: '702062012', amount: earlier.amount, period: earlier.month }),
    );
    expect(page!.text()).toContain(`Сумма ${formatMoney(earlier.amount).replace(/\u00a0/g, ' ')}`);

    // A month with no charge (three years back): no sum to print.
    const old = addMonths(currentMonth(), -NOTICE_MONTHS_BACK);
    const blank = await notice(client, id, old);
    expect(blank.paymentNotice).toMatchObject({ period: old, amount: null });
    const [oldPage] = readPdf(blank.pdf!);
    expect(oldPage!.text()).toContain('Сумма ________ руб. ____ коп.');
    expect(decodeQr(oldPage!.png(3))).not.toContain('|Sum=');

    const overpaid = await link(client, { supplierCode: 'sankt-peterburg', number: '702062013', proof: '1520,4' });
    const none = await notice(client, overpaid);
    expect(none.paymentNotice!.amount).toBeNull();
    const [overpaidPage] = readPdf(none.pdf!);
    expect(decodeQr(overpaidPage!.png(3))).toBe(none.paymentQr!.payload);
    expect(overpaidPage!.text()).toContain('Сумма ________ руб. ____ коп.');
  });

  it('is null while the supplier has no bank details', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const id = await link(client, { supplierCode: 'kaluga', number: '4000111222' });
    const { paymentNotice } = await notice(client, id);
    expect(paymentNotice).toBeNull();
  });

  it('refuses a malformed month, a future one and one too far back, with a clear message', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const id = await link(client, SPB);
    const refused = async (period: string) => {
      const { body } = await client.graphql(NOTICE, { id, period });
      expect(body.data?.personalAccount.paymentNotice).toBeNull();
      expect(body.errors).toHaveLength(1);
      return body.errors?.[0];
    };
    for (const period of ['2026-13', '2026-1', 'ноябрь', '']) {
      expect(await refused(period)).toMatchObject({
        message: 'Период укажите в виде ГГГГ-ММ, например 2026-01.',
        extensions: { code: 'BAD_USER_INPUT', field: 'period' },
      });
    }
    expect(await refused(addMonths(currentMonth(), 1))).toMatchObject({
      message: 'Извещение за будущий месяц сформировать нельзя: укажите текущий или прошедший месяц.',
      extensions: { code: 'BAD_USER_INPUT', field: 'period' },
    });
    expect(await refused(addMonths(currentMonth(), -NOTICE_MONTHS_BACK - 1))).toMatchObject({
      message: 'Извещение можно сформировать не более чем за 36 месяцев назад.',
      extensions: { code: 'BAD_USER_INPUT', field: 'period' },
    });
    // The current month is allowed (nothing charged yet: the sum is left blank).
    expect((await notice(client, id, currentMonth())).paymentNotice).toMatchObject({ period: currentMonth() });
  });

  it(`makes at most ${MAX_NOTICES_PER_REQUEST} PDFs in one request, even one that bypassed the gateway`, async () => {
    // The gateway refuses such a document by its cost (server/test/costly-fields.test.ts); the subgraph holds on its
    // own, as a fetch straight at it (distributed mode) would find.
    const owner = await confirmedAbonent(app, mail);
    const id = await link(owner.client, SPB);
    const fields = Array.from({ length: MAX_NOTICES_PER_REQUEST + 1 }, (_, i) => `n${i}: paymentNotice { period }`);
    const accounts = app.kabinet.subgraphs.accounts;
    const { execute, parse } = await import('graphql');
    const result = await execute({
      schema: accounts.schema,
      document: parse(`query ($id: ID!) { personalAccount(id: $id) { ${fields.join(' ')} } }`),
      variableValues: { id },
      contextValue: accounts.createContext({
        requestId: 't',
        caller: { kind: 'abonent', abonentId: owner.id, emailConfirmed: true },
        clientIp: '127.0.0.1',
        log: app.kabinet.http.log.child({}, { level: 'silent' }),
        response: NO_RESPONSE_EFFECTS,
      }),
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message: `За один запрос можно сформировать не более ${MAX_NOTICES_PER_REQUEST} извещений.`,
      extensions: { code: 'BAD_REQUEST', limit: MAX_NOTICES_PER_REQUEST },
    });
    const made = Object.values(result.data!.personalAccount as Record<string, unknown>).filter((n) => n !== null);
    expect(made).toHaveLength(MAX_NOTICES_PER_REQUEST);
  });
});

describe('who may get the notice', () => {
  it('the abonent who linked the account and the supplier’s partner app; nobody else, on any path', async () => {
    const owner = await confirmedAbonent(app, mail);
    const id = await link(owner.client, SPB);
    const stranger = await confirmedAbonent(app, mail);
    const query = `query ($id: ID!) { personalAccount(id: $id) { paymentNotice { fileName } } }`;
    expect((await stranger.client.graphql(query, { id })).body).toEqual({ data: { personalAccount: null } });
    expect((await app.browser().graphql(query, { id })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Straight at the subgraph, as a forged gateway fetch would be: the entity reference resolves to null.
    const accounts = app.kabinet.subgraphs.accounts;
    const { execute, parse } = await import('graphql');
    const entities = await execute({
      schema: accounts.schema,
      document: parse(`query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on PersonalAccount { paymentNotice { contentBase64 } } } }`),
      variableValues: { r: [{ __typename: 'PersonalAccount', id }] },
      contextValue: accounts.createContext({
        requestId: 't',
        caller: { kind: 'abonent', abonentId: stranger.id, emailConfirmed: true },
        clientIp: '127.0.0.1',
        log: app.kabinet.http.log.child({}, { level: 'silent' }),
        response: NO_RESPONSE_EFFECTS,
      }),
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([null]);

    // The supplier's own billing reads it like paymentQr; another supplier's partner does not see the account.
    const partner = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    const forPartner = await partner.graphql(query, { id });
    expect(forPartner.body.data.personalAccount.paymentNotice.fileName).toMatch(/^izveshchenie-702062012-/);
    const other = await createPartner(app, 'kaluga', ['accounts:read']);
    expect((await other.graphql(query, { id })).body).toEqual({ data: { personalAccount: null } });
  });
});

describe('the notice’s parts', () => {
  const input = noticeInput();

  it('gives the same bytes for the same notice made at the same time', async () => {
    const [first, second] = await Promise.all([paymentNoticePdf(input), paymentNoticePdf(input)]);
    expect(first.equals(second)).toBe(true);
    const text = readPdf(first)[0]!.text();
    // No КПП: only the ИНН is printed. The date it was made, in Moscow.
    expect(text).toContain('ИНН 7838016481 Расчётный счёт');
    expect(text).toContain('Сумма 1,00 ₽');
    expect(text).toContain('сформировано в Личном кабинете абонента 24.11.2026');
  });

  it('formats kopecks as rubles', () => {
    expect(formatMoney(123456)).toBe('1\u00a0234,56\u00a0₽');
    expect(formatMoney(5)).toBe('0,05\u00a0₽');
    expect(formatMoney(100_000_000)).toBe('1\u00a0000\u00a0000,00\u00a0₽');
  });

  it('takes a month from 36 months back to the current one', () => {
    const now = new Date('2026-11-30T22:30:00Z'); // 1 December in Moscow
    expect(checkNoticePeriod('2026-12', now)).toBe('2026-12');
    expect(checkNoticePeriod('2023-12', now)).toBe('2023-12');
    expect(() => checkNoticePeriod('2023-11', now)).toThrow('не более чем за 36 месяцев');
    expect(() => checkNoticePeriod('2027-01', now)).toThrow('будущий месяц');
    expect(() => checkNoticePeriod('2026-12-01', now)).toThrow('ГГГГ-ММ');
  });

  it('counts notices per request', () => {
    const request = {};
    for (let i = 0; i < MAX_NOTICES_PER_REQUEST; i++) countNotice(request);
    expect(() => countNotice(request)).toThrow(`не более ${MAX_NOTICES_PER_REQUEST} извещений`);
    expect(() => countNotice({})).not.toThrow();
  });
});

describe.each(TEST_DAYS)('on $name ($date)', (day) => {
  beforeAll(() => clock.set(instantOf(day)));
  afterAll(() => clock.set(new Date()));

  it(`gives this month's notice and ${NOTICE_MONTHS_BACK} months back, dated today; refuses next month and earlier`, async () => {
    const thisMonth = day.date.slice(0, 7);
    const { client } = await confirmedAbonent(app, mail);
    const id = await link(client, SPB);
    const current = await notice(client, id, thisMonth);
    expect(current.paymentNotice).toMatchObject({ period: thisMonth });
    const [page] = readPdf(current.pdf!);
    expect(page!.text()).toContain(
      `сформировано в Личном кабинете абонента ${day.date.split('-').reverse().join('.')}.`,
    );
    const oldest = addMonths(thisMonth, -NOTICE_MONTHS_BACK);
    expect((await notice(client, id, oldest)).paymentNotice).toMatchObject({ period: oldest });
    for (const period of [addMonths(thisMonth, 1), addMonths(oldest, -1)]) {
      const { body } = await client.graphql(NOTICE, { id, period });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
  });
});
