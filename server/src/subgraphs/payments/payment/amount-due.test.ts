// What an abonent is asked to pay after paying online, through the public API: payments' amountDue (due and
// advance), and the accounts subgraph's QR code and PDF notice, which learn of the payments by events; a second
// DEBT payment while one is open is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner } from '../../../../test/support/abonents.js';
import type { TestKabinet } from '../../../../test/support/kabinet.js';
import { startTestKabinet } from '../../../../test/support/kabinet.js';
import { eventually, paymentsEm, payer as demoPayer } from '../../../../test/support/payments.js';
import { readPdf } from '../../../../test/support/pdf.js';
import { decodeQr } from '../../../../test/support/qr.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/support/smtp-sink.js';
import { injectTransport } from '../../../core/http-transport.js';
import { runSql } from '../../../core/sql.js';
import { createUnpostedLoader, recordOnlinePayment } from '../../accounts/personal-account/online-payments.js';
import { SandboxProvider } from '../provider/sandbox.js';

let app: TestKabinet;
let mail: SmtpSink;

beforeAll(async () => {
  mail = await startSmtpSink();
  app = await startTestKabinet({ SMTP_URL: mail.url, CAPTCHA_COST: '10', DEMO_DATA: 'true' });
});
afterAll(async () => {
  await app?.close();
  await mail?.close();
});

const DUE = `query ($id: ID!) { personalAccount(id: $id) {
  amountDue { debt unposted due advance }
  paymentQr { payload amount }
  paymentNotice { amount contentBase64 }
} }`;

interface Due {
  amountDue: { debt: number | null; unposted: number; due: number; advance: number };
  paymentQr: { payload: string; amount: number | null };
  paymentNotice: { amount: number | null; contentBase64: string };
}

const payer = (number?: string, supplierCode?: string, proof?: string) =>
  demoPayer(app, mail, number, supplierCode, proof);
type Payer = Awaited<ReturnType<typeof payer>>;

async function dueOf(abonent: Payer): Promise<Due> {
  const answer = await abonent.client.graphql(DUE, { id: abonent.accountId });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data.personalAccount as Due;
}

/** Reads until the QR code carries `amount` (the accounts subgraph learns of payments by events). */
/**
 * Waits until the QR code (accounts) carries `amount` and payments' amountDue says the same: each subgraph learns of
 * a payment or a new balance from its own delivery of the event, so for a moment one may be ahead of the other.
 */
const qrCarries = (abonent: Payer, amount: number | null) =>
  eventually(
    () => dueOf(abonent),
    (d) => d.paymentQr.amount === amount && d.amountDue.due === (amount ?? 0),
    `the QR code to carry ${amount}, and amountDue to agree`,
  );

/** The payer fills in the sandbox's payment page with the card that pays. */
async function pay(confirmationUrl: string) {
  const form = new URLSearchParams({ card: '4111111111111111', expiry: '12/39', cvc: '123' });
  const page = await app.kabinet.http.inject({
    method: 'POST',
    url: new URL(confirmationUrl).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
  expect(page.statusCode).toBeLessThan(400);
}

const statusOf = async (paymentId: string) =>
  (
    await runSql<Array<{ status: string }>>(
      paymentsEm(app),
      `select "status" from "payments"."payment" where "id" = ?`,
      [paymentId],
    )
  )[0]?.status;

/** The notice's one page: its text and the QR code printed on it. */
function noticePage(due: Due) {
  const [page] = readPdf(Buffer.from(due.paymentNotice.contentBase64, 'base64'));
  return { text: page!.text(), qr: decodeQr(page!.png(3)) };
}

describe('paying the whole debt', () => {
  it('leaves nothing due on the QR code and the notice, and a second DEBT payment is refused while one is open', async () => {
    const abonent = await payer();
    const before = await dueOf(abonent);
    expect(before.amountDue).toEqual({ debt: 123456, unposted: 0, due: 123456, advance: 0 });
    expect(before.paymentQr.payload).toContain('|Sum=123456|');
    expect(before.paymentNotice.amount).toBe(123456);

    const first = (await abonent.start({})).body.data.startPayment;
    expect(first.errors).toEqual([]);
    expect(first.payment).toMatchObject({ status: 'PENDING', amount: 123456 });

    // The same abonent again with a new key: refused, and given the open payment to finish.
    const again = (await abonent.start({})).body.data.startPayment;
    expect(again.errors).toEqual([expect.objectContaining({ field: 'purpose', code: 'PAYMENT_IN_PROGRESS' })]);
    expect(again.errors[0].message).toMatch(/уже начата \(1\s234,56\s₽\)/);
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.confirmationUrl).toBe(first.confirmationUrl);
    // Another cabinet with the same account: refused too, without the other abonent's payment.
    const neighbour = await payer();
    const theirs = (await neighbour.start({})).body.data.startPayment;
    expect(theirs.errors.map((e: { code: string }) => e.code)).toEqual(['PAYMENT_IN_PROGRESS']);
    expect(theirs.errors[0].message).toContain('из другого кабинета');
    expect(theirs.payment).toBeNull();
    // Any other amount may still be paid.
    const other = (await neighbour.start({ purpose: 'CUSTOM', amount: 10_000 })).body.data.startPayment;
    expect(other.errors).toEqual([]);

    await pay(first.confirmationUrl);
    await eventually(
      () => statusOf(first.payment.id),
      (s) => s === 'SUCCEEDED',
      'the payment',
    );
    const after = await qrCarries(abonent, null);
    expect(after.amountDue).toEqual({ debt: 123456, unposted: 123456, due: 0, advance: 0 });
    expect(after.paymentQr.payload).not.toContain('|Sum=');
    expect(after.paymentNotice.amount).toBeNull();
    const notice = noticePage(after);
    expect(notice.text).toContain('Сумма ________ руб. ____ коп.');
    expect(notice.text).not.toMatch(/1\s234,56/);
    expect(notice.qr).toBe(after.paymentQr.payload);

    // Once it is paid nothing is open: DEBT is refused only because nothing is due.
    const nothing = (await abonent.start({})).body.data.startPayment;
    expect(nothing.errors.map((e: { code: string }) => e.code)).toEqual(['NOTHING_DUE']);

    // The billing posts the payment with a new balance: it no longer counts, and nothing is due still.
    const billing = await createPartner(app, 'sankt-peterburg', ['accounts:write']);
    const posted = await billing.graphql(`mutation ($input: SetBalancesInput!) { setBalances(input: $input) { ok } }`, {
      input: {
        balances: [{ accountNumber: '702062012', balance: 5_000, asOf: new Date().toISOString().slice(0, 10) }],
      },
    });
    expect(posted.body.data.setBalances.ok).toBe(true);
    const billed = await qrCarries(abonent, 5_000);
    expect(billed.amountDue).toEqual({ debt: 5_000, unposted: 0, due: 5_000, advance: 0 });
    expect(billed.paymentQr.payload).toContain('|Sum=5000|');
  });
});

describe('paying beyond the debt, then a refund', () => {
  it('shows the advance, and a refund brings back what is due on the QR code', async () => {
    const abonent = await payer('3600123456', 'voronezh', '2468');
    const before = await dueOf(abonent);
    expect(before.amountDue).toMatchObject({ debt: 45_210, due: 45_210, advance: 0 });

    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 45_210 + 50_000 })).body.data.startPayment;
    expect(started.errors).toEqual([]);
    await pay(started.confirmationUrl);
    const paid = await qrCarries(abonent, null);
    expect(paid.amountDue).toEqual({ debt: 45_210, unposted: 95_210, due: 0, advance: 50_000 });

    const [row] = await runSql<Array<{ provider_payment_id: string }>>(
      paymentsEm(app),
      `select "provider_payment_id" from "payments"."payment" where "id" = ?`,
      [started.payment.id],
    );
    const sandbox = new SandboxProvider({
      apiUrl: app.config.payments.sandboxUrl,
      secret: app.config.payments.sandboxSecret,
      transport: injectTransport(app.kabinet.http),
    });
    // 600 ₽ back: 100 ₽ of the debt is due again, on the QR code and the notice alike.
    await sandbox.refund(row!.provider_payment_id, 60_000, `${started.payment.id}:r1`);
    const refunded = await qrCarries(abonent, 10_000);
    expect(refunded.amountDue).toEqual({ debt: 45_210, unposted: 35_210, due: 10_000, advance: 0 });
    expect(refunded.paymentQr.payload).toContain('|Sum=10000|');
    expect(refunded.paymentNotice.amount).toBe(10_000);
    expect(noticePage(refunded).qr).toBe(refunded.paymentQr.payload);
  });

  it('an overpaid balance is an advance', async () => {
    const abonent = await payer('702062013', 'sankt-peterburg', '1520,4');
    expect((await dueOf(abonent)).amountDue).toEqual({ debt: 0, unposted: 0, due: 0, advance: 15_000 });
  });
});

describe('two DEBT payments started at once', () => {
  it('open one payment; the other is refused', async () => {
    const abonent = await payer('3600123456', 'voronezh', '2468');
    const billing = await createPartner(app, 'voronezh', ['accounts:write']);
    await billing.graphql(`mutation ($input: SetBalancesInput!) { setBalances(input: $input) { ok } }`, {
      input: {
        balances: [{ accountNumber: '3600123456', balance: 20_000, asOf: new Date().toISOString().slice(0, 10) }],
      },
    });
    await eventually(
      () => dueOf(abonent),
      (d) => d.amountDue.due === 20_000,
      'the new balance',
    );
    const answers = await Promise.all([abonent.start({}), abonent.start({})]);
    const codes = answers.map((a) => a.body.data.startPayment.errors.map((e: { code: string }) => e.code).join());
    expect(codes.sort()).toEqual(['', 'PAYMENT_IN_PROGRESS']);
    const open = await runSql<Array<{ n: string }>>(
      paymentsEm(app),
      `select count(*) as n from "payments"."payment" where "account_id" = ? and "purpose" = 'DEBT'`,
      [abonent.accountId],
    );
    expect(Number(open[0]!.n)).toBe(1);
  });
});

describe("the accounts subgraph's copy of the payments", () => {
  it('keeps the largest refund whatever order deliveries come in, and counts only payments after the balance', async () => {
    const em = () => app.kabinet.subgraphs.accounts.orm.em.fork();
    const [account] = await runSql<Array<{ id: string; recorded: string }>>(
      em(),
      `select "id", "balance_recorded_at"::text as "recorded" from "accounts"."personal_account" where "number" = '4000111222'`,
    );
    const recorded = new Date(account!.recorded).getTime();
    const fact = (paymentId: string, refundedKopecks: number, succeededAt: number) => ({
      paymentId,
      accountId: account!.id,
      amountKopecks: 30_000,
      refundedKopecks,
      succeededAt: new Date(succeededAt).toISOString(),
      at: new Date(succeededAt).toISOString(),
    });
    const unposted = () => createUnpostedLoader(em()).load(account!.id);
    const after = '7b0c1a1e-0000-4000-8000-000000000001';
    const before = '7b0c1a1e-0000-4000-8000-000000000002';

    // The refund's delivery first, the success's after it (and again): 300 − 100 ₽ counts.
    await recordOnlinePayment(em(), fact(after, 10_000, recorded + 60_000));
    await recordOnlinePayment(em(), fact(after, 0, recorded + 60_000));
    await recordOnlinePayment(em(), fact(after, 0, recorded + 60_000));
    expect(await unposted()).toBe(20_000);
    // A payment that succeeded before the balance was recorded is in that balance already.
    await recordOnlinePayment(em(), fact(before, 0, recorded - 60_000));
    expect(await unposted()).toBe(20_000);
  });
});
