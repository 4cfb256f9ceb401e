// Online payment through the public API and the sandbox acquirer Kabinet serves itself: starting (DEBT, custom,
// with readings), idempotency, the payment page's cards, notifications (signed, deduplicated, out of order,
// forged), reconciliation, refunds, the receipt letter, what is due, and the partner export.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner } from '../../../../test/support/abonents.js';
import type { TestKabinet } from '../../../../test/support/kabinet.js';
import { startTestKabinet } from '../../../../test/support/kabinet.js';
import {
  eventually,
  paymentKey as key,
  paymentsEm,
  payer as demoPayer,
  START,
} from '../../../../test/support/payments.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/support/smtp-sink.js';
import { injectTransport } from '../../../core/http-transport.js';
import { createLogger } from '../../../core/logger.js';
import { runSql } from '../../../core/sql.js';
import type { ProviderPayment } from '../provider/provider.js';
import { SandboxProvider, signSandboxNotification } from '../provider/sandbox.js';
import { PaymentStatus } from './payment.types.js';
import { readingsKey } from './start.service.js';
import { reconcilePayments } from './reconcile.js';
import { applyProviderState, nextStatus, REFUND_EXCEEDS_PAYMENT } from './status.js';

let app: TestKabinet;
let mail: SmtpSink;

/** Kabinet's error-level log lines during the file, parsed. */
const errorLines: Array<Record<string, unknown>> = [];
const errorSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) errorLines.push(JSON.parse(line));
    done();
  },
});

beforeAll(async () => {
  mail = await startSmtpSink();
  app = await startTestKabinet(
    {
      SMTP_URL: mail.url,
      CAPTCHA_COST: '10',
      DEMO_DATA: 'true',
      PAYMENT_RECONCILE_AFTER: '1s',
      PAYMENT_MAX_KOPECKS: '5000000',
    },
    { log: createLogger('error', {}, errorSink) },
  );
});
afterAll(async () => {
  await app?.close();
  await mail?.close();
});

const payments = () => paymentsEm(app);
const sandbox = () =>
  new SandboxProvider({
    apiUrl: app.config.payments.sandboxUrl,
    secret: app.config.payments.sandboxSecret,
    transport: injectTransport(app.kabinet.http),
  });
const statusDeps = () => ({ config: app.config, queue: app.kabinet.queue, log: app.kabinet.http.log as any });

const CHECK = `mutation ($id: ID!) { checkPayment(id: $id) { id status final amount refunded cancellationCode cancellationReason } }`;
const ACCOUNT = `query ($id: ID!) { personalAccount(id: $id) {
  amountDue { debt unposted due balanceAsOf }
  onlinePayment { available code reason }
  payments(last: 10) { id status amount createdAt succeededAt }
  meters { id lastReading { value source } }
} }`;

const payer = (number?: string, supplierCode?: string, proof?: string) =>
  demoPayer(app, mail, number, supplierCode, proof);

/** The payer fills in the sandbox's payment page, as the browser would post it. */
async function payOnPage(confirmationUrl: string, card: string, extra: Record<string, string> = {}) {
  const path = new URL(confirmationUrl).pathname;
  const form = new URLSearchParams({ card, expiry: '12/39', cvc: '123', ...extra });
  return app.kabinet.http.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}

const statusOf = async (paymentId: string) =>
  (
    await runSql<Array<{ status: string }>>(payments(), `select "status" from "payments"."payment" where "id" = ?`, [
      paymentId,
    ])
  )[0]?.status;

const historyOf = (paymentId: string) =>
  runSql<Array<{ from_status: string | null; to_status: string; source: string }>>(
    payments(),
    `select "from_status", "to_status", "source" from "payments"."status_change" where "payment_id" = ? order by "id"`,
    [paymentId],
  );

async function postNotification(body: object, secret = app.config.payments.sandboxSecret) {
  const raw = JSON.stringify(body);
  return app.kabinet.http.inject({
    method: 'POST',
    url: '/payments/webhooks/sandbox',
    headers: {
      'content-type': 'application/json',
      'x-sandbox-signature': signSandboxNotification(secret, raw, Math.floor(Date.now() / 1000)),
    },
    payload: raw,
  });
}

describe('the status machine', () => {
  const reported = (status: ProviderPayment['status'], refundedKopecks = 0): ProviderPayment => ({
    id: 'p1',
    status,
    amountKopecks: 1000,
    confirmationUrl: null,
    refundedKopecks,
    cancellationReason: status === 'canceled' ? 'card_declined' : null,
    paymentId: null,
    paidAt: null,
  });
  const at = (status: PaymentStatus, refunded = 0) => ({ status, refunded, amount: 1000 });

  it('moves only forward, whatever order the reports come in', () => {
    expect(nextStatus(at(PaymentStatus.CREATED), reported('pending'))).toEqual({ status: 'PENDING', refunded: 0 });
    expect(nextStatus(at(PaymentStatus.CREATED), reported('succeeded'))).toEqual({ status: 'SUCCEEDED', refunded: 0 });
    expect(nextStatus(at(PaymentStatus.PENDING), reported('pending'))).toBeNull();
    expect(nextStatus(at(PaymentStatus.PENDING), reported('succeeded'))).toEqual({ status: 'SUCCEEDED', refunded: 0 });
    expect(nextStatus(at(PaymentStatus.PENDING), reported('canceled'))).toEqual({ status: 'CANCELED', refunded: 0 });
    expect(nextStatus(at(PaymentStatus.SUCCEEDED), reported('pending'))).toBeNull();
    expect(nextStatus(at(PaymentStatus.SUCCEEDED), reported('canceled'))).toBeNull();
    expect(nextStatus(at(PaymentStatus.SUCCEEDED), reported('succeeded'))).toBeNull();
    expect(nextStatus(at(PaymentStatus.SUCCEEDED), reported('succeeded', 400))).toEqual({
      status: 'SUCCEEDED',
      refunded: 400,
    });
    expect(nextStatus(at(PaymentStatus.SUCCEEDED, 400), reported('succeeded', 400))).toBeNull();
    expect(nextStatus(at(PaymentStatus.SUCCEEDED, 400), reported('succeeded', 1000))).toEqual({
      status: 'REFUNDED',
      refunded: 1000,
    });
    // A refund report that overtook the success: paid, then refunded in full.
    expect(nextStatus(at(PaymentStatus.PENDING), reported('succeeded', 1000))).toEqual({
      status: 'REFUNDED',
      refunded: 1000,
    });
    for (const status of ['pending', 'succeeded', 'canceled'] as const) {
      expect(nextStatus(at(PaymentStatus.CANCELED), reported(status))).toBeNull();
      expect(nextStatus(at(PaymentStatus.REFUNDED, 1000), reported(status, 1000))).toBeNull();
    }
  });
});

describe('paying the debt with readings, by the card that succeeds', () => {
  it('starts once per key, takes the money once, sends the receipt and shows the payment as due-reducing', async () => {
    const abonent = await payer();
    const before = (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount;
    expect(before.amountDue).toMatchObject({ debt: 123456, unposted: 0, due: 123456 });
    expect(before.onlinePayment).toEqual({ available: true, code: null, reason: null });
    const meter = before.meters[0];
    const reading = String(Math.floor(Number(String(meter.lastReading.value).replace(',', '.'))) + 3);

    const idempotencyKey = key();
    const input = { idempotencyKey, readings: [{ meterId: meter.id, value: reading }] };
    const started = (await abonent.start(input)).body.data.startPayment;
    expect(started.errors).toEqual([]);
    expect(started.payment).toMatchObject({ status: 'PENDING', amount: 123456, purpose: 'DEBT', readingsSubmitted: 1 });
    expect(started.confirmationUrl).toMatch(/\/sandbox-acquirer\/pay\/sbx_/);

    // The same key: the same payment, no second one, readings not submitted twice.
    const again = (await abonent.start(input)).body.data.startPayment;
    expect(again.payment.id).toBe(started.payment.id);
    expect(again.confirmationUrl).toBe(started.confirmationUrl);
    const reused = (await abonent.start({ idempotencyKey, purpose: 'CUSTOM', amount: 500 })).body.data.startPayment;
    expect(reused.errors.map((e: any) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const count = await runSql<Array<{ n: string }>>(
      payments(),
      `select count(*) as n from "payments"."payment" where "abonent_id" = ?`,
      [abonent.id],
    );
    expect(Number(count[0]!.n)).toBe(1);

    const page = await app.kabinet.http.inject({ method: 'GET', url: new URL(started.confirmationUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/1\s234,56/);
    const paid = await payOnPage(started.confirmationUrl, '4111 1111 1111 1111');
    expect(paid.statusCode).toBeLessThan(400);

    // The signed notification reaches the webhook through the queue.
    await eventually(
      () => statusOf(started.payment.id),
      (s) => s === 'SUCCEEDED',
      'the notification',
    );
    const history = await historyOf(started.payment.id);
    expect(history.map((h) => `${h.from_status}>${h.to_status}:${h.source}`)).toEqual([
      'null>CREATED:start',
      'CREATED>PENDING:start',
      'PENDING>SUCCEEDED:notification',
    ]);

    const after = (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount;
    expect(after.amountDue).toMatchObject({ debt: 123456, unposted: 123456, due: 0 });
    expect(after.payments[0]).toMatchObject({ id: started.payment.id, status: 'SUCCEEDED', amount: 123456 });
    expect(Date.parse(after.payments[0].succeededAt)).toBeGreaterThanOrEqual(Date.parse(after.payments[0].createdAt));
    expect(String(after.meters[0].lastReading.value).replace(',', '.')).toBe(reading);
    // Recorded by metering's rules, marked as sent with a payment.
    expect(after.meters[0].lastReading.source).toBe('PAYMENT');

    const letter = await mail.waitFor(abonent.email, /Оплата по лицевому счёту 702062012/);
    expect(letter.text).toContain('Кассовый чек: Приход');
    expect(letter.text).toContain('ЗАО "Газпром межрегионгаз Санкт-Петербург" (демо)');
    expect(letter.text).toContain('ИНН продавца: 7838016481');
    expect(letter.text).toMatch(/Итого: 1\s234,56\s₽/);
    expect(letter.text).toMatch(/НДС: 22%, в том числе 22\s263,00\s₽|НДС: 22%, в том числе 222,63\s₽/);
    // The letter names the cabinet's own labels, never one the cabinet does not show.
    expect(letter.text).toContain('со статусом «Оплачено», а сумма «К оплате» на странице «Лицевые счета»');
    expect(letter.text).not.toContain('не учтена в начислениях');

    // Nothing is due now: paying "the debt" again is refused with what to do instead.
    const nothing = (await abonent.start({})).body.data.startPayment;
    expect(nothing.errors.map((e: any) => e.code)).toEqual(['NOTHING_DUE']);

    // The billing posts it and sends the new balance: the payment is no longer counted as unposted.
    const billing = await createPartner(app, 'sankt-peterburg', ['accounts:write', 'payments:read']);
    const today = new Date().toISOString().slice(0, 10);
    const posted = await billing.graphql(`mutation ($input: SetBalancesInput!) { setBalances(input: $input) { ok } }`, {
      input: { balances: [{ accountNumber: '702062012', balance: 0, asOf: today }] },
    });
    expect(posted.body.data.setBalances.ok).toBe(true);
    await eventually(
      async () =>
        (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount.amountDue,
      (due) => due.debt === 0 && due.unposted === 0 && due.due === 0,
      'the new balance',
    );
  });
});

describe('notifications', () => {
  it('are verified, deduplicated by event id, and late ones change nothing', async () => {
    const abonent = await payer('702062013', 'sankt-peterburg', '1520,4');
    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 10_000 })).body.data.startPayment;
    expect(started.ok).toBe(true);
    const paymentId = started.payment.id as string;
    const [row] = await runSql<Array<{ provider_payment_id: string }>>(
      payments(),
      `select "provider_payment_id" from "payments"."payment" where "id" = ?`,
      [paymentId],
    );
    const object = (status: string, refunded = 0) => ({
      id: row!.provider_payment_id,
      status,
      amount_kopecks: 10_000,
      description: 'x',
      metadata: { paymentId },
      confirmation_url: null,
      refunded_kopecks: refunded,
      cancellation_reason: null,
      captured_at: status === 'succeeded' ? new Date().toISOString() : null,
      created_at: new Date().toISOString(),
      card_last4: '1111',
      test: true,
    });

    // Forged: signed with another key, or a body changed after signing.
    const forged = await postNotification(
      { id: 'evt-forged', event: 'payment.succeeded', object: object('succeeded') },
      'x'.repeat(40),
    );
    expect(forged.statusCode).toBe(400);
    const raw = JSON.stringify({ id: 'evt-tampered', event: 'payment.canceled', object: object('canceled') });
    const tampered = await app.kabinet.http.inject({
      method: 'POST',
      url: '/payments/webhooks/sandbox',
      headers: {
        'content-type': 'application/json',
        'x-sandbox-signature': signSandboxNotification(
          app.config.payments.sandboxSecret,
          raw,
          Math.floor(Date.now() / 1000),
        ),
      },
      payload: raw.replace('canceled', 'succeeded'),
    });
    expect(tampered.statusCode).toBe(400);
    expect(await statusOf(paymentId)).toBe('PENDING');

    const success = { id: 'evt-success-1', event: 'payment.succeeded', object: object('succeeded') };
    expect((await postNotification(success)).json()).toMatchObject({ outcome: 'changed' });
    expect((await postNotification(success)).json()).toMatchObject({ outcome: 'duplicate' });
    // Out of order: a `canceled` and a `pending` delivered after the success change nothing.
    const late = await postNotification({ id: 'evt-late', event: 'payment.canceled', object: object('canceled') });
    expect(late.json()).toMatchObject({ outcome: 'unchanged' });
    expect(await statusOf(paymentId)).toBe('SUCCEEDED');
    // A different amount than ours is refused, not applied.
    const other = await postNotification({
      id: 'evt-amount',
      event: 'refund.succeeded',
      object: { ...object('succeeded', 10_000), amount_kopecks: 20_000 },
    });
    expect(other.statusCode).toBe(422);
    expect(await statusOf(paymentId)).toBe('SUCCEEDED');
    expect((await historyOf(paymentId)).filter((h) => h.to_status === 'SUCCEEDED')).toHaveLength(1);
    // Exactly one receipt letter, whatever was delivered twice (waitFor takes the letter it finds from the sink).
    await mail.waitFor(abonent.email, /Оплата по лицевому счёту 702062013/);
    await new Promise((r) => setTimeout(r, 1500));
    const more = mail.letters.filter((l) => l.to.includes(abonent.email.toLowerCase()) && /Оплата по/.test(l.subject));
    expect(more).toHaveLength(0);
  });
});

describe('cards that do not pay', () => {
  it('a declined card cancels the payment with the reason, and 3-D Secure needs the right code', async () => {
    const abonent = await payer('3600123456', 'voronezh', '2468');
    const declined = (await abonent.start({ purpose: 'CUSTOM', amount: 10_000 })).body.data.startPayment;
    await payOnPage(declined.confirmationUrl, '4000 0000 0000 0002');
    const checked = await eventually(
      async () => (await abonent.client.graphql(CHECK, { id: declined.payment.id })).body.data.checkPayment,
      (p) => p.final,
      'the declined payment',
    );
    expect(checked).toMatchObject({
      status: 'CANCELED',
      cancellationCode: 'card_declined',
      cancellationReason: 'Банк отклонил операцию.',
    });

    const secure = (await abonent.start({ purpose: 'CUSTOM', amount: 20_000 })).body.data.startPayment;
    const challenge = await payOnPage(secure.confirmationUrl, '4000 0000 0000 3220');
    expect(challenge.statusCode).toBe(303);
    const path = new URL(secure.confirmationUrl).pathname;
    const codePage = await app.kabinet.http.inject({ method: 'GET', url: `${path}/3ds` });
    expect(codePage.body).toContain('3-D Secure');
    const wrongFirst = await abonent.start({ purpose: 'CUSTOM', amount: 20_100 });
    const wrong = wrongFirst.body.data.startPayment;
    await payOnPage(wrong.confirmationUrl, '4000 0000 0000 3220');
    await app.kabinet.http.inject({
      method: 'POST',
      url: `${new URL(wrong.confirmationUrl).pathname}/3ds`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'code=00000',
    });
    await eventually(
      () => statusOf(wrong.payment.id),
      (s) => s === 'CANCELED',
      'the failed 3-D Secure payment',
    );
    const confirmed = await app.kabinet.http.inject({
      method: 'POST',
      url: `${path}/3ds`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'code=12345',
    });
    expect(confirmed.statusCode).toBeLessThan(400);
    await eventually(
      () => statusOf(secure.payment.id),
      (s) => s === 'SUCCEEDED',
      'the 3-D Secure payment',
    );
  });
});

describe('refunds', () => {
  it('a partial refund keeps it SUCCEEDED with less unposted; the rest makes it REFUNDED', async () => {
    const abonent = await payer('3600123456', 'voronezh', '2468');
    const unpostedNow = async () =>
      (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount.amountDue.unposted;
    const before = await unpostedNow();
    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 30_000 })).body.data.startPayment;
    await payOnPage(started.confirmationUrl, '4111111111111111');
    await eventually(
      () => statusOf(started.payment.id),
      (s) => s === 'SUCCEEDED',
      'the payment',
    );
    const [row] = await runSql<Array<{ provider_payment_id: string }>>(
      payments(),
      `select "provider_payment_id" from "payments"."payment" where "id" = ?`,
      [started.payment.id],
    );
    await sandbox().refund(row!.provider_payment_id, 10_000, `${started.payment.id}:r1`);
    const partly = await eventually(
      async () => (await abonent.client.graphql(CHECK, { id: started.payment.id })).body.data.checkPayment,
      (p) => p.refunded === 10_000,
      'the partial refund',
    );
    expect(partly.status).toBe('SUCCEEDED');
    expect(await unpostedNow()).toBe(before + 20_000);
    await sandbox().refund(row!.provider_payment_id, 20_000, `${started.payment.id}:r2`);
    await eventually(
      () => statusOf(started.payment.id),
      (s) => s === 'REFUNDED',
      'the full refund',
    );
    expect(await unpostedNow()).toBe(before);
  });
});

describe('refunds beyond the payment', () => {
  it('are acknowledged, not applied, and raise an alert: an error log line and a payments.alert row', async () => {
    const abonent = await payer('3600123456', 'voronezh', '2468');
    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 30_000 })).body.data.startPayment;
    await payOnPage(started.confirmationUrl, '4111111111111111');
    const paymentId = started.payment.id as string;
    await eventually(
      () => statusOf(paymentId),
      (s) => s === 'SUCCEEDED',
      'the payment',
    );
    const [row] = await runSql<Array<{ provider_payment_id: string }>>(
      payments(),
      `select "provider_payment_id" from "payments"."payment" where "id" = ?`,
      [paymentId],
    );
    // A genuine partial refund through the sandbox first: 100,00 ₽ of 300,00 ₽.
    await sandbox().refund(row!.provider_payment_id, 10_000, `${paymentId}:r1`);
    await eventually(
      async () => (await abonent.client.graphql(CHECK, { id: paymentId })).body.data.checkPayment.refunded,
      (refunded) => refunded === 10_000,
      'the partial refund',
    );
    const paid = await sandbox().fetch(row!.provider_payment_id);
    const asNotified = (refunded: number) => ({
      id: row!.provider_payment_id,
      status: 'succeeded',
      amount_kopecks: paid.amountKopecks,
      description: 'x',
      metadata: { paymentId },
      confirmation_url: null,
      refunded_kopecks: refunded,
      cancellation_reason: null,
      captured_at: paid.paidAt,
      created_at: new Date().toISOString(),
      card_last4: '1111',
      test: true,
    });
    const stored = async () =>
      (
        await runSql<Array<{ status: string; refunded_kopecks: string }>>(
          payments(),
          `select "status", "refunded_kopecks"::text from "payments"."payment" where "id" = ?`,
          [paymentId],
        )
      )[0];
    const historyBefore = await historyOf(paymentId);

    // Signed with the sandbox's key: refunds totalling 300,01 ₽ of a 300,00 ₽ payment.
    const over = { id: `evt-over-${paymentId}`, event: 'refund.succeeded', object: asNotified(30_001) };
    const answer = await postNotification(over);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ ok: false, outcome: 'refused' });
    expect(await stored()).toEqual({ status: 'SUCCEEDED', refunded_kopecks: '10000' });
    expect(await historyOf(paymentId)).toEqual(historyBefore);
    // The acquirer delivering it again changes nothing either; the alert counts it.
    expect((await postNotification(over)).json()).toEqual({ ok: false, outcome: 'refused' });
    // Even far beyond: a refund of 1 000 000,00 ₽.
    const huge = { id: `evt-huge-${paymentId}`, event: 'refund.succeeded', object: asNotified(100_000_000) };
    expect((await postNotification(huge)).json()).toEqual({ ok: false, outcome: 'refused' });
    expect(await stored()).toEqual({ status: 'SUCCEEDED', refunded_kopecks: '10000' });
    const notified = await runSql<unknown[]>(
      payments(),
      `select 1 from "payments"."notification" where "event_id" in (?, ?)`,
      [over.id, huge.id],
    );
    expect(notified).toHaveLength(0);

    const alerts = await runSql<Array<Record<string, unknown>>>(
      payments(),
      `select "event", "provider", "amount_kopecks"::int as "amount", "reported_refunded_kopecks"::int as "refunded",
              "source", "event_id", "times_seen", "resolved_at"
         from "payments"."alert" where "payment_id" = ? order by "reported_refunded_kopecks"`,
      [paymentId],
    );
    expect(alerts).toEqual([
      {
        event: REFUND_EXCEEDS_PAYMENT,
        provider: 'sandbox',
        amount: 30_000,
        refunded: 30_001,
        source: 'notification',
        event_id: over.id,
        times_seen: 2,
        resolved_at: null,
      },
      expect.objectContaining({ refunded: 100_000_000, times_seen: 1, event_id: huge.id }),
    ]);
    const logged = errorLines.filter((line) => line.event === REFUND_EXCEEDS_PAYMENT && line.paymentId === paymentId);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({
      level: 'error',
      provider: 'sandbox',
      amountKopecks: 30_000,
      reportedRefundedKopecks: 30_001,
      source: 'notification',
    });

    // Reconciliation (and checkPayment) go through the same status machine: refused and counted alike.
    const reconciled = await applyProviderState(payments(), statusDeps(), {
      paymentId,
      provider: 'sandbox',
      reported: { ...(await sandbox().fetch(row!.provider_payment_id)), refundedKopecks: 30_001 },
      source: 'reconciliation',
    });
    expect(reconciled).toEqual({ kind: 'refused', event: REFUND_EXCEEDS_PAYMENT });
    const [counted] = await runSql<Array<{ times_seen: number; source: string }>>(
      payments(),
      `select "times_seen", "source" from "payments"."alert" where "payment_id" = ? and "reported_refunded_kopecks" = 30001`,
      [paymentId],
    );
    expect(counted).toEqual({ times_seen: 3, source: 'reconciliation' });
    expect(await stored()).toEqual({ status: 'SUCCEEDED', refunded_kopecks: '10000' });

    // The refund that remains, exactly, is applied as before.
    await sandbox().refund(row!.provider_payment_id, 20_000, `${paymentId}:r2`);
    await eventually(
      () => statusOf(paymentId),
      (s) => s === 'REFUNDED',
      'the full refund',
    );
    expect(await stored()).toEqual({ status: 'REFUNDED', refunded_kopecks: '30000' });
  });
});

describe('reconciliation', () => {
  it('finds out what happened to payments whose notification or creation was lost', async () => {
    const abonent = await payer('702062013', 'sankt-peterburg', '1520,4');
    // Paid at the acquirer, but its notification never arrived (the sandbox is told directly, without notifying).
    const lost = (await abonent.start({ purpose: 'CUSTOM', amount: 15_000 })).body.data.startPayment;
    await runSql(
      payments(),
      `update "sandbox_acquirer"."payment" set "status" = 'succeeded', "captured_at" = now()
        where "id" = (select "provider_payment_id" from "payments"."payment" where "id" = ?)`,
      [lost.payment.id],
    );
    // Recorded by Kabinet, then the process died before asking the acquirer.
    const stuckId = crypto.randomUUID();
    await runSql(
      payments(),
      `insert into "payments"."payment" ("id", "abonent_id", "account_id", "supplier_id", "account_number", "purpose",
         "amount_kopecks", "status", "provider", "return_url", "receipt_email", "idempotency_key", "request_hash", "created_at")
       select ?, ?, a."id", a."supplier_id", a."number", 'CUSTOM', 5000, 'CREATED', 'sandbox', ?, ?, ?, 'h',
              now() - interval '1 minute'
         from "payments"."account" a where a."id" = ?`,
      [
        stuckId,
        abonent.id,
        `${app.config.publicUrl}/oplata/rezultat?payment=${stuckId}`,
        abonent.email,
        key(),
        abonent.accountId,
      ],
    );
    await runSql(
      payments(),
      `update "payments"."payment" set "created_at" = now() - interval '1 minute', "checked_at" = null where "id" = ?`,
      [lost.payment.id],
    );
    await reconcilePayments(payments(), sandbox(), statusDeps());
    expect(await statusOf(lost.payment.id)).toBe('SUCCEEDED');
    expect((await historyOf(lost.payment.id)).at(-1)).toMatchObject({
      to_status: 'SUCCEEDED',
      source: 'reconciliation',
    });
    expect(await statusOf(stuckId)).toBe('PENDING');
    // Asked again, the acquirer gives the same payment (our id is its idempotence key): still one payment there.
    await runSql(
      payments(),
      `update "payments"."payment" set "checked_at" = null, "status" = 'CREATED' where "id" = ?`,
      [stuckId],
    );
    await reconcilePayments(payments(), sandbox(), statusDeps());
    const atSandbox = await runSql<unknown[]>(
      payments(),
      `select 1 from "sandbox_acquirer"."payment" where "metadata"->>'paymentId' = ?`,
      [stuckId],
    );
    expect(atSandbox).toHaveLength(1);
  });
});

describe('readings with a payment under a reused key', () => {
  it('answers the same readings however written with the same payment, and refuses other readings under the key', async () => {
    const abonent = await payer();
    const meter = (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount
      .meters[0];
    const whole = Math.floor(Number(String(meter.lastReading.value).replace(',', '.')));
    const idempotencyKey = key();
    const start = (value: string, keyed = idempotencyKey) =>
      abonent
        .start({ idempotencyKey: keyed, purpose: 'CUSTOM', amount: 500, readings: [{ meterId: meter.id, value }] })
        .then((r) => r.body.data.startPayment);
    const started = await start(String(whole + 2));
    expect(started).toMatchObject({ ok: true, payment: { readingsSubmitted: 1 } });
    // The same reading written with a comma and zeros: the same request, the same payment.
    const again = await start(`${whole + 2},000`);
    expect(again).toMatchObject({ ok: true, payment: { id: started.payment.id } });
    const other = await start(String(whole + 3));
    expect(other).toMatchObject({ ok: false, payment: null, errors: [{ code: 'IDEMPOTENCY_KEY_REUSED' }] });

    // Readings recorded under the payment's key, kept before metering hashed requests, with no payment yet (the
    // start stopped after metering answered): other readings with that key are refused, not answered as recorded.
    const legacyKey = key();
    const SUBMIT = `mutation ($input: SubmitReadingsInput!) { submitReadings(input: $input) { ok } }`;
    const kept = await abonent.client.graphql(SUBMIT, {
      input: {
        accountId: abonent.accountId,
        idempotencyKey: readingsKey(legacyKey),
        readings: [{ meterId: meter.id, value: String(whole + 4) }],
      },
    });
    expect(kept.body.data.submitReadings.ok).toBe(true);
    await runSql(
      app.kabinet.subgraphs.metering.orm.em.fork(),
      `update "metering"."submission" set "request_hash" = null where "caller_id" = ? and "idempotency_key" = ?`,
      [abonent.id, readingsKey(legacyKey)],
    );
    const refused = await start(String(whole + 5), legacyKey);
    expect(refused).toMatchObject({
      ok: false,
      payment: null,
      errors: [{ field: 'readings', code: 'IDEMPOTENCY_KEY_REUSED' }],
    });
    const recorded = await runSql<Array<{ value: string }>>(
      app.kabinet.subgraphs.metering.orm.em.fork(),
      `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "abonent_id" = ?
        order by "submitted_at"`,
      [meter.id, abonent.id],
    );
    expect(recorded.map((r) => Number(r.value))).toEqual([whole + 2, whole + 4]);
    const started2 = await start(String(whole + 4), legacyKey);
    expect(started2).toMatchObject({ ok: true, payment: { readingsSubmitted: 1 } });
  });
});

describe('what is refused', () => {
  it('refused readings start no payment; bad amounts, foreign return pages and foreign accounts are refused', async () => {
    const abonent = await payer('702062012', 'sankt-peterburg', '4,37507');
    const account = (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount;
    const refused = (
      await abonent.start({
        purpose: 'CUSTOM',
        amount: 10_000,
        readings: [{ meterId: account.meters[0].id, value: '1' }],
      })
    ).body.data.startPayment;
    expect(refused.ok).toBe(false);
    expect(refused.payment).toBeNull();
    expect(refused.errors[0]).toMatchObject({ field: 'readings.0', code: 'READING_BELOW_PREVIOUS' });
    const none = await runSql<unknown[]>(payments(), `select 1 from "payments"."payment" where "abonent_id" = ?`, [
      abonent.id,
    ]);
    expect(none).toHaveLength(0);

    const codes = async (input: Record<string, unknown>) =>
      (await abonent.start(input)).body.data.startPayment.errors.map((e: any) => e.code);
    expect(await codes({ purpose: 'CUSTOM', amount: 0 })).toEqual(['AMOUNT_TOO_SMALL']);
    expect(await codes({ purpose: 'CUSTOM', amount: 5_000_001 })).toEqual(['AMOUNT_TOO_LARGE']);
    expect(await codes({ purpose: 'CUSTOM' })).toEqual(['AMOUNT_REQUIRED']);
    expect(await codes({ amount: 100 })).toEqual(['AMOUNT_NOT_EXPECTED']);
    expect(await codes({ returnUrl: 'https://evil.example/phish' })).toEqual(['RETURN_URL_INVALID']);
    expect(await codes({ receiptEmail: 'not-an-address' })).toEqual(['EMAIL_INVALID']);

    const moskva = await payer('5012345678', 'moskva', '82,10');
    const unavailable = (await moskva.start({ purpose: 'CUSTOM', amount: 1000 })).body.data.startPayment;
    expect(unavailable.errors.map((e: any) => e.code)).toEqual(['PAYMENT_UNAVAILABLE']);
    const moskvaAccount = (await moskva.client.graphql(ACCOUNT, { id: moskva.accountId })).body.data.personalAccount;
    expect(moskvaAccount.onlinePayment).toMatchObject({ available: false, code: 'PAYMENT_UNAVAILABLE' });

    const stranger = await confirmedAbonent(app, mail);
    const foreign = await stranger.client.graphql(START, {
      input: {
        accountId: abonent.accountId,
        purpose: 'CUSTOM',
        amount: 1000,
        receiptEmail: stranger.email,
        idempotencyKey: key(),
        returnUrl: `${app.config.publicUrl}/oplata/rezultat`,
      },
    });
    expect(foreign.body.data.startPayment.errors.map((e: any) => e.code)).toEqual(['ACCOUNT_NOT_FOUND']);
  });
});

describe('the partner export', () => {
  it("pages through its own supplier's payments only", async () => {
    const spb = await createPartner(app, 'sankt-peterburg', ['payments:read']);
    const voronezh = await createPartner(app, 'voronezh', ['payments:read']);
    const abonent = await payer('702062013', 'sankt-peterburg', '1520,4');
    for (const amount of [1000, 2000, 3000]) {
      expect((await abonent.start({ purpose: 'CUSTOM', amount })).body.data.startPayment.ok).toBe(true);
    }
    const PAGE = `query ($after: String) { partnerPayments(first: 2, after: $after) {
      nodes { id accountNumber amount status provider providerPaymentId }
      pageInfo { hasNextPage endCursor } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { body } = (await spb.graphql(PAGE, { after })) as { body: any };
      const page: any = body.data.partnerPayments;
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    expect(seen.every((n) => n.accountNumber.startsWith('70206201'))).toBe(true);
    expect(seen.filter((n) => n.accountNumber === '702062013').map((n) => n.amount)).toEqual(
      expect.arrayContaining([1000, 2000, 3000]),
    );
    const other = (await voronezh.graphql(PAGE, { after: null })).body.data.partnerPayments.nodes;
    expect(other.some((n: any) => n.accountNumber.startsWith('70206201'))).toBe(false);
    // An abonent's session is not a partner.
    const asAbonent = await abonent.client.graphql(PAGE, { after: null });
    expect(asAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(asAbonent.body.data).toBeNull();
  });
});

describe('a subgraph that learns of the demo accounts late', () => {
  it('gets the links and balances again at the next start', async () => {
    const abonent = await payer('3600123456', 'voronezh', '2468');
    const em = () => paymentsEm(app);
    // As if payments had been added after the account was linked: its copy knows nothing of them.
    await runSql(em(), `delete from "payments"."account_access" where "abonent_id" = ?`, [abonent.id]);
    await runSql(em(), `update "payments"."account" set "balance_at" = null, "balance_kopecks" = null where "id" = ?`, [
      abonent.accountId,
    ]);
    const notReady = (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount;
    expect(notReady.onlinePayment).toMatchObject({ available: false, code: 'NOT_READY' });
    await app.kabinet.subgraphs.accounts.seedDemoData();
    const ready = await eventually(
      async () => (await abonent.client.graphql(ACCOUNT, { id: abonent.accountId })).body.data.personalAccount,
      (account) => account.onlinePayment.available && account.amountDue.debt !== null,
      'the republished demo facts',
    );
    expect(ready.amountDue.balanceAsOf).toMatch(/^\d{4}-\d{2}-01$/);
  });
});
