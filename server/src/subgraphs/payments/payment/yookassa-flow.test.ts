// Online payment with PAYMENT_PROVIDER=yookassa, end to end: Kabinet in-process (the public GraphQL API and the real
// webhook route) against a faithful fake of the YooKassa API v3 on a local socket. Starting a payment (what YooKassa
// is sent), notifications (trusted only as far as the API confirms them), the acquirer refusing or failing, the
// retry with the same idempotence key, reconciliation and the result page's check.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedAbonent } from '../../../../test/support/abonents.js';
import { FakeYooKassa, type Json } from '../../../../test/support/fake-yookassa.js';
import type { TestKabinet } from '../../../../test/support/kabinet.js';
import { startTestKabinet } from '../../../../test/support/kabinet.js';
import { eventually, paymentKey, payer, paymentsEm } from '../../../../test/support/payments.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/support/smtp-sink.js';
import { runSql } from '../../../core/sql.js';
import { createPaymentProvider } from '../provider/index.js';
import { reconcilePayments } from './reconcile.js';
import { REFUND_EXCEEDS_PAYMENT } from './status.js';

const SHOP_ID = '506751';
const SECRET_KEY = 'test_Fh8hUAVVBGUGbjmlzba6TB0iyUbos_lueTHE-axOwM0';

const fake = new FakeYooKassa(SHOP_ID, SECRET_KEY);
let app: TestKabinet;
let mail: SmtpSink;

beforeAll(async () => {
  mail = await startSmtpSink();
  await fake.start();
  app = await startTestKabinet({
    SMTP_URL: mail.url,
    CAPTCHA_COST: '10',
    DEMO_DATA: 'true',
    PAYMENT_PROVIDER: 'yookassa',
    YOOKASSA_API_URL: fake.url,
    YOOKASSA_SHOP_ID: SHOP_ID,
    YOOKASSA_SECRET_KEY: SECRET_KEY,
    PAYMENT_RECONCILE_AFTER: '1s',
  });
});
afterAll(async () => {
  await app?.close();
  await mail?.close();
  await fake.stop();
});

const CHECK = `mutation ($id: ID!) { checkPayment(id: $id) { id status final amount cancellationCode confirmationUrl } }`;

interface Row {
  status: string;
  provider: string;
  provider_payment_id: string | null;
  cancellation_reason: string | null;
}

const rowOf = async (paymentId: string): Promise<Row> =>
  (
    await runSql<Row[]>(
      paymentsEm(app),
      `select "status", "provider", "provider_payment_id", "cancellation_reason" from "payments"."payment" where "id" = ?`,
      [paymentId],
    )
  )[0]!;

const historyOf = async (paymentId: string) =>
  (
    await runSql<Array<{ from_status: string | null; to_status: string; source: string }>>(
      paymentsEm(app),
      `select "from_status", "to_status", "source" from "payments"."status_change" where "payment_id" = ? order by "id"`,
      [paymentId],
    )
  ).map((h) => `${h.from_status}>${h.to_status}:${h.source}`);

/** The creates YooKassa received for our payment (our payment id is the Idempotence-Key). */
const createsOf = (paymentId: string) =>
  fake.requests.filter(
    (r) => r.method === 'POST' && r.path === '/payments' && r.headers['idempotence-key'] === paymentId,
  );

/** The payments YooKassa holds for our payment. */
const atYooKassa = (paymentId: string): Json[] =>
  [...fake.payments.values()].filter((p) => p.metadata?.paymentId === paymentId);

/** A notification as YooKassa posts it: unsigned JSON, `object` being the payment (or the refund). */
const notify = (event: string, object: Json) =>
  app.kabinet.http.inject({
    method: 'POST',
    url: '/payments/webhooks/yookassa',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ type: 'notification', event, object }),
  });

const statusDeps = () => ({ config: app.config, queue: app.kabinet.queue, log: app.kabinet.http.log as any });

const receiptLetters = (email: string, accountNumber: string) =>
  mail.letters.filter(
    (l) => l.to.includes(email.toLowerCase()) && l.subject.includes(`Оплата по лицевому счёту ${accountNumber}`),
  );

describe('YooKassa selected by config', () => {
  it('creates the payment at YooKassa with the receipt, and a confirmed notification makes it SUCCEEDED', async () => {
    expect(app.config.payments.provider).toBe('yookassa');
    const abonent = await payer(app, mail, '702062012', 'sankt-peterburg', '4,37507');
    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 12_345 })).body.data.startPayment;
    expect(started.errors).toEqual([]);
    expect(started.payment).toMatchObject({ status: 'PENDING', amount: 12_345, purpose: 'CUSTOM', final: false });
    const paymentId = started.payment.id as string;

    // Exactly one create reached YooKassa, with our payment id as its Idempotence-Key.
    const creates = createsOf(paymentId);
    expect(creates).toHaveLength(1);
    const [create] = creates;
    expect(create!.headers.authorization).toBe(`Basic ${Buffer.from(`${SHOP_ID}:${SECRET_KEY}`).toString('base64')}`);
    expect(create!.body).toEqual({
      amount: { value: '123.45', currency: 'RUB' },
      capture: true,
      confirmation: {
        type: 'redirect',
        return_url: `${app.config.publicUrl}/oplata/rezultat?payment=${paymentId}`,
      },
      description: 'Оплата за газ, лицевой счёт 702062012',
      metadata: { paymentId },
      receipt: {
        customer: { email: abonent.email },
        items: [
          {
            description: 'Оплата услуг газоснабжения, лицевой счёт 702062012',
            quantity: '1.00',
            amount: { value: '123.45', currency: 'RUB' },
            vat_code: 11, // 22%
            payment_mode: 'full_payment',
            payment_subject: 'service',
          },
        ],
      },
    });

    // The payer is sent to YooKassa's own page; the payment is recorded under YooKassa's id.
    const [atFake] = atYooKassa(paymentId);
    expect(atFake).toBeDefined();
    expect(started.confirmationUrl).toBe(atFake!.confirmation.confirmation_url);
    expect(started.payment.confirmationUrl).toBe(atFake!.confirmation.confirmation_url);
    expect(await rowOf(paymentId)).toMatchObject({
      status: 'PENDING',
      provider: 'yookassa',
      provider_payment_id: atFake!.id,
    });

    // A notification claiming success while the API still says pending: Kabinet asks the API and changes nothing.
    let before = fake.requests.length;
    const early = await notify('payment.succeeded', { ...atFake, status: 'succeeded', paid: true });
    expect(early.statusCode).toBe(200);
    expect(early.json()).toMatchObject({ outcome: 'unchanged' });
    expect(fake.requests.slice(before)).toContainEqual(
      expect.objectContaining({ method: 'GET', path: `/payments/${atFake!.id}` }),
    );
    expect((await rowOf(paymentId)).status).toBe('PENDING');

    // A notification about a payment YooKassa does not know (forged): refused, nothing changes.
    const forgedId = randomUUID();
    before = fake.requests.length;
    const forged = await notify('payment.succeeded', {
      ...atFake,
      id: forgedId,
      status: 'succeeded',
      paid: true,
      metadata: { paymentId },
    });
    expect(forged.statusCode).toBe(400);
    expect(fake.requests.slice(before)).toContainEqual(
      expect.objectContaining({ method: 'GET', path: `/payments/${forgedId}` }),
    );
    expect((await rowOf(paymentId)).status).toBe('PENDING');

    // The payer pays; YooKassa notifies; the API confirms: SUCCEEDED, once.
    fake.succeed(atFake!.id);
    const paid = await notify('payment.succeeded', fake.payments.get(atFake!.id)!);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ outcome: 'changed' });
    const again = await notify('payment.succeeded', fake.payments.get(atFake!.id)!);
    expect(again.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await rowOf(paymentId)).toMatchObject({ status: 'SUCCEEDED', provider_payment_id: atFake!.id });
    expect(await historyOf(paymentId)).toEqual([
      'null>CREATED:start',
      'CREATED>PENDING:start',
      'PENDING>SUCCEEDED:notification',
    ]);

    // One receipt letter.
    const letter = await mail.waitFor(abonent.email, /Оплата по лицевому счёту 702062012/);
    expect(letter.text).toMatch(/Итого: 123,45\s₽/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiptLetters(abonent.email, '702062012')).toHaveLength(0);
    // Still one payment at YooKassa.
    expect(atYooKassa(paymentId)).toHaveLength(1);
  });
});

describe('YooKassa refusing or failing the create', () => {
  it('a refusal cancels the payment; an outage leaves it CREATED, and the retry with the same key opens one payment', async () => {
    const abonent = await payer(app, mail, '702062013', 'sankt-peterburg', '1520,4');
    const error = (code: string) => ({ type: 'error', id: randomUUID(), code, description: 'forced by the test' });

    // 400: the payment can never be made as asked.
    fake.forced.push({ method: 'POST', path: '/payments', status: 400, body: error('invalid_request') });
    const refused = (await abonent.start({ purpose: 'CUSTOM', amount: 5_000 })).body.data.startPayment;
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e: any) => e.code)).toEqual(['PROVIDER_REFUSED']);
    expect(refused.payment).toMatchObject({ status: 'CANCELED', final: true, cancellationCode: 'provider_refused' });
    expect(refused.confirmationUrl).toBeNull();
    expect(await rowOf(refused.payment.id)).toMatchObject({
      status: 'CANCELED',
      cancellation_reason: 'provider_refused',
      provider_payment_id: null,
    });
    expect(await historyOf(refused.payment.id)).toEqual(['null>CREATED:start', 'CREATED>CANCELED:start']);
    expect(createsOf(refused.payment.id)).toHaveLength(1);
    expect(atYooKassa(refused.payment.id)).toHaveLength(0);

    // 500: YooKassa may or may not have it; the payment stays CREATED for a retry.
    const idempotencyKey = paymentKey();
    const input = { purpose: 'CUSTOM', amount: 7_000, idempotencyKey };
    fake.forced.push({ method: 'POST', path: '/payments', status: 500, body: error('internal_server_error') });
    const failed = (await abonent.start(input)).body.data.startPayment;
    expect(failed.ok).toBe(false);
    expect(failed.errors.map((e: any) => e.code)).toEqual(['PROVIDER_UNAVAILABLE']);
    expect(failed.payment).toMatchObject({ status: 'CREATED', final: false });
    expect(failed.confirmationUrl).toBeNull();
    const paymentId = failed.payment.id as string;
    expect((await rowOf(paymentId)).status).toBe('CREATED');
    expect(atYooKassa(paymentId)).toHaveLength(0);

    // The same key once YooKassa works: the same payment, opened now, and one payment at YooKassa.
    const retried = (await abonent.start(input)).body.data.startPayment;
    expect(retried.errors).toEqual([]);
    expect(retried.payment).toMatchObject({ id: paymentId, status: 'PENDING' });
    const [atFake] = atYooKassa(paymentId);
    expect(retried.confirmationUrl).toBe(atFake!.confirmation.confirmation_url);
    const again = (await abonent.start(input)).body.data.startPayment;
    expect(again.payment).toMatchObject({ id: paymentId, status: 'PENDING' });
    expect(again.confirmationUrl).toBe(retried.confirmationUrl);
    expect(atYooKassa(paymentId)).toHaveLength(1);
    const creates = createsOf(paymentId);
    expect(creates).toHaveLength(2); // the failed one and the retry, both keyed by our payment id
    expect(creates[1]!.body).toEqual(creates[0]!.body);
    expect((await rowOf(paymentId)).provider_payment_id).toBe(atFake!.id);
  });
});

describe('YooKassa reporting refunds beyond the payment', () => {
  it('a refund notification the API confirms at more than the payment is acknowledged, not applied, and alerted', async () => {
    const abonent = await payer(app, mail, '3600123456', 'voronezh', '2468');
    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 20_000 })).body.data.startPayment;
    const paymentId = started.payment.id as string;
    const [atFake] = atYooKassa(paymentId);
    fake.succeed(atFake!.id);
    expect((await notify('payment.succeeded', fake.payments.get(atFake!.id)!)).json()).toMatchObject({
      outcome: 'changed',
    });
    // YooKassa's API itself says 200,01 ₽ of the 200,00 ₽ were refunded.
    fake.update(atFake!.id, { refunded_amount: { value: '200.01', currency: 'RUB' } });
    const refundId = randomUUID();
    const answer = await notify('refund.succeeded', {
      id: refundId,
      payment_id: atFake!.id,
      status: 'succeeded',
      amount: { value: '200.01', currency: 'RUB' },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ ok: false, outcome: 'refused' });
    expect((await rowOf(paymentId)).status).toBe('SUCCEEDED');
    expect(await historyOf(paymentId)).toEqual([
      'null>CREATED:start',
      'CREATED>PENDING:start',
      'PENDING>SUCCEEDED:notification',
    ]);
    const alerts = await runSql<Array<Record<string, unknown>>>(
      paymentsEm(app),
      `select "event", "provider", "reported_refunded_kopecks"::int as "refunded", "event_id" from "payments"."alert"
        where "payment_id" = ?`,
      [paymentId],
    );
    expect(alerts).toEqual([
      {
        event: REFUND_EXCEEDS_PAYMENT,
        provider: 'yookassa',
        refunded: 20_001,
        event_id: `refund.succeeded:${refundId}`,
      },
    ]);
  });
});

describe('YooKassa without its notification', () => {
  it('reconciliation finds a payment that succeeded at YooKassa', async () => {
    const abonent = await payer(app, mail, '3600123456', 'voronezh', '2468');
    const started = (await abonent.start({ purpose: 'CUSTOM', amount: 15_000 })).body.data.startPayment;
    expect(started.payment.status).toBe('PENDING');
    const paymentId = started.payment.id as string;
    const [atFake] = atYooKassa(paymentId);
    fake.succeed(atFake!.id); // paid, but the notification never arrives
    await runSql(
      paymentsEm(app),
      `update "payments"."payment" set "created_at" = now() - interval '1 minute', "checked_at" = null where "id" = ?`,
      [paymentId],
    );
    // Kabinet's own provider, as PAYMENT_PROVIDER selects it (the scheduled job may have been first: either way).
    await reconcilePayments(paymentsEm(app), createPaymentProvider({ config: app.config }), statusDeps());
    expect((await rowOf(paymentId)).status).toBe('SUCCEEDED');
    expect((await historyOf(paymentId)).at(-1)).toBe('PENDING>SUCCEEDED:reconciliation');
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/payments/${atFake!.id}`)).toBe(true);
    await mail.waitFor(abonent.email, /Оплата по лицевому счёту 3600123456/);
  });

  it('checkPayment asks YooKassa and returns what it says', async () => {
    const abonent = await payer(app, mail, '3600123456', 'voronezh', '2468');
    const check = async (id: string) => (await abonent.client.graphql(CHECK, { id })).body.data.checkPayment;

    const paidStart = (await abonent.start({ purpose: 'CUSTOM', amount: 20_000 })).body.data.startPayment;
    const paid = paidStart.payment.id as string;
    const [paidAtFake] = atYooKassa(paid);
    expect(await check(paid)).toMatchObject({
      id: paid,
      status: 'PENDING',
      confirmationUrl: paidStart.confirmationUrl,
    });
    fake.succeed(paidAtFake!.id);
    // The result page polls; Kabinet asks YooKassa at most every 2 seconds per payment.
    expect(
      await eventually(
        () => check(paid),
        (p) => p.final,
        'the paid payment',
      ),
    ).toMatchObject({
      id: paid,
      status: 'SUCCEEDED',
      amount: 20_000,
      confirmationUrl: null,
    });
    expect((await historyOf(paid)).at(-1)).toBe('PENDING>SUCCEEDED:check');

    const expired = (await abonent.start({ purpose: 'CUSTOM', amount: 21_000 })).body.data.startPayment.payment.id;
    const [expiredAtFake] = atYooKassa(expired);
    fake.update(expiredAtFake!.id, {
      status: 'canceled',
      cancellation_details: { party: 'yoo_money', reason: 'expired_on_confirmation' },
    });
    expect(
      await eventually(
        () => check(expired),
        (p) => p.final,
        'the expired payment',
      ),
    ).toMatchObject({
      status: 'CANCELED',
      cancellationCode: 'expired_on_confirmation',
    });

    // Another abonent's payment is not there for them.
    const stranger = await confirmedAbonent(app, mail);
    expect((await stranger.client.graphql(CHECK, { id: paid })).body.data.checkPayment).toBeNull();
  });
});
