// The sandbox acquirer end to end, as Kabinet uses it in one process: the API through SandboxProvider over
// injectTransport, the hosted page as a browser posts it, and notifications delivered (with retries) to a webhook
// route on the same app that keeps the raw body and checks it with SandboxProvider.verifyNotification.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testPool } from '../../test/support/database.js';
import { loadConfig } from '../core/config.js';
import { createHttpServer } from '../core/http.js';
import { createLogger } from '../core/logger.js';
import { JobQueue } from '../core/queue.js';
import { ProviderError, type CreatePaymentRequest } from '../subgraphs/payments/provider/provider.js';
import { SandboxProvider } from '../subgraphs/payments/provider/sandbox.js';
import { injectTransport, registerSandboxAcquirer, type SandboxAcquirerOptions } from './sandbox-acquirer.js';

const SECRET = 'sandbox-test-secret-0123456789-abcdefghij';
const PREFIX = '/sandbox-acquirer';
const PUBLIC_URL = 'http://kabinet.test/sandbox-acquirer';
const WEBHOOK_PATH = '/payments/webhooks/sandbox';
const RETURN_URL = 'http://kabinet.test/payments/return?from=sandbox&x=<1>';
const FUTURE = `12/${String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0')}`;
const CARD = { success: '4111 1111 1111 1111', declined: '4000 0000 0000 0002', threeDs: '4000 0000 0000 3220' };

interface Delivery {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly rawBody: string;
  readonly answered: number;
  readonly body: { id: string; event: string; object: { id: string; status: string; cancellation_reason: string } };
}

interface Sandbox {
  readonly app: FastifyInstance;
  readonly provider: SandboxProvider;
  readonly deliveries: Delivery[];
  /** The webhook answers 500 to this many next deliveries. */
  failNext: number;
  readonly sql: pg.Pool;
  close(): Promise<void>;
}

/** A fresh database, job queue and app with the sandbox and, on the same app, Kabinet's webhook route. */
async function startSandbox(options: Partial<SandboxAcquirerOptions> = {}): Promise<Sandbox> {
  const database = await createTestDatabase();
  const log = createLogger('silent');
  const queue = await JobQueue.start(database.url, log, { max: database.embedded ? 2 : 4, listen: !database.embedded });
  const app = createHttpServer(log, loadConfig({}).http);
  const sql = testPool(database.url);
  const sandbox: Sandbox = {
    app,
    provider: new SandboxProvider({ apiUrl: PUBLIC_URL, secret: SECRET, transport: injectTransport(app) }),
    deliveries: [],
    failNext: 0,
    sql,
    close: async () => {
      await app.close();
      await acquirer.close();
      await queue.stop();
      await sql.end();
      await database.close();
    },
  };
  await app.register(async (scope) => {
    // Signatures are over the raw bytes: the webhook keeps the body as a string.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(WEBHOOK_PATH, async (request, reply) => {
      const answered = sandbox.failNext > 0 ? 500 : 200;
      if (answered === 500) sandbox.failNext--;
      const rawBody = request.body as string;
      sandbox.deliveries.push({ headers: request.headers, rawBody, answered, body: JSON.parse(rawBody) });
      return reply.code(answered).send({ ok: answered === 200 });
    });
  });
  const acquirer = await registerSandboxAcquirer(app, {
    prefix: PREFIX,
    publicUrl: PUBLIC_URL,
    databaseUrl: database.url,
    queue,
    secret: SECRET,
    notificationUrl: `http://kabinet.test${WEBHOOK_PATH}`,
    notify: injectTransport(app),
    log,
    retryDelaySeconds: 1,
    ...options,
  });
  await app.ready();
  return sandbox;
}

/** Polls until `check` returns a value (not undefined/false), or fails after the timeout. */
async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const text = (response: LightMyRequestResponse) => response.body.replace(/\u00a0/g, ' ');
const pathOf = (url: string) => new URL(url).pathname;

let sequence = 0;
function paymentRequest(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  const n = ++sequence;
  return {
    paymentId: `pay-${n}-${Date.now()}`,
    idempotenceKey: `create-${n}-${Date.now()}`,
    amountKopecks: 123456,
    description: 'Оплата газа по лицевому счёту 702062012',
    returnUrl: RETURN_URL,
    receipt: {
      email: 'abonent@example.ru',
      items: [{ description: 'Газоснабжение', amountKopecks: 123456, quantity: 1, vatRate: 22 }],
    },
    ...overrides,
  };
}

describe('sandbox acquirer', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await startSandbox();
  });
  afterAll(async () => {
    await s?.close();
  });

  const create = (overrides: Partial<CreatePaymentRequest> = {}) => s.provider.create(paymentRequest(overrides));
  const page = (id: string, suffix = '') => s.app.inject({ method: 'GET', url: `${PREFIX}/pay/${id}${suffix}` });
  const post = (id: string, suffix: string, form: Record<string, string>) =>
    s.app.inject({
      method: 'POST',
      url: `${PREFIX}/pay/${id}${suffix}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  const pay = (id: string, card: string, expiry = FUTURE, cvc = '123') => post(id, '', { card, expiry, cvc });
  const delivered = (paymentId: string, event: string) =>
    waitFor(`${event} of ${paymentId}`, () =>
      s.deliveries.find((d) => d.answered === 200 && d.body.object.id === paymentId && d.body.event === event),
    );
  const notificationCount = async (paymentId: string) => {
    const { rows } = await s.sql.query(
      'select count(*)::int as n from sandbox_acquirer.notification where payment_id = $1',
      [paymentId],
    );
    return rows[0].n as number;
  };
  const verify = (delivery: Delivery) =>
    s.provider.verifyNotification({ headers: delivery.headers, rawBody: delivery.rawBody, remoteAddress: '127.0.0.1' });

  it('creates a payment whose page shows the amount, the test cards and the form', async () => {
    const request = paymentRequest({ description: 'Газ <script>alert(1)</script> & "кавычки"' });
    const payment = await s.provider.create(request);
    expect(payment).toMatchObject({
      status: 'pending',
      amountKopecks: 123456,
      refundedKopecks: 0,
      cancellationReason: null,
      paymentId: request.paymentId,
      paidAt: null,
    });
    expect(payment.id).toMatch(/^sbx_/);
    expect(payment.confirmationUrl).toBe(`${PUBLIC_URL}/pay/${payment.id}`);

    const response = await s.app.inject({ method: 'GET', url: pathOf(payment.confirmationUrl!) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = text(response);
    expect(html).toContain('<title>Оплата — тестовый эквайер</title>');
    expect(html).toContain('Тестовый режим — деньги не списываются');
    expect(html).toContain('1 234,56 ₽');
    expect(html).toContain('Оплатить 1 234,56 ₽');
    expect(html).toContain('Газ &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;кавычки&quot;');
    expect(html).toMatch(
      /<label for="card">Номер карты<\/label>\s*<input id="card" name="card"[^>]*inputmode="numeric"/,
    );
    expect(html).toMatch(/<label for="expiry">Срок действия \(ММ\/ГГ\)<\/label>\s*<input id="expiry" name="expiry"/);
    expect(html).toMatch(/<label for="cvc">CVC<\/label>\s*<input id="cvc" name="cvc" type="password"/);
    expect(html).toContain('autocomplete="cc-number"');
    expect(html).toContain(`action="${payment.id}/cancel"`);
    expect(html).toContain('Отменить и вернуться');
    for (const row of [
      '4111 1111 1111 1111</td><td>успешная оплата',
      '4000 0000 0000 0002</td><td>банк отклоняет',
      '4000 0000 0000 3220</td><td>требуется код 3-D Secure (код 12345)',
    ]) {
      expect(html).toContain(row);
    }
    // Nothing a CSP of default-src 'self' would block: no scripts, no inline style attributes.
    expect(html).not.toMatch(/<script|\sstyle="|\son\w+="/);
  });

  it('takes the success card once and notifies with a signature the provider accepts', async () => {
    const payment = await create();
    const response = await pay(payment.id, CARD.success);
    expect(response.statusCode).toBe(200);
    const html = text(response);
    expect(html).toContain('Оплата прошла');
    expect(html).toContain('href="http://kabinet.test/payments/return?from=sandbox&amp;x=&lt;1&gt;"');
    expect(html).toContain('Вернуться в магазин');
    expect(html).toContain('<meta http-equiv="refresh" content="3;url=http://kabinet.test/payments/return');

    const fetched = await s.provider.fetch(payment.id);
    expect(fetched).toMatchObject({ status: 'succeeded', confirmationUrl: null, paymentId: payment.paymentId });
    expect(Date.parse(fetched.paidAt!)).toBeGreaterThan(Date.now() - 60_000);

    const delivery = await delivered(payment.id, 'payment.succeeded');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['x-sandbox-event-id']).toBe(delivery.body.id);
    expect(delivery.headers['x-sandbox-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const verified = await verify(delivery);
    expect(verified).toEqual({ eventId: delivery.body.id, payment: fetched });

    // Tampered, signed with another secret, or too old: refused.
    expect(await verify({ ...delivery, rawBody: delivery.rawBody.replace('"succeeded"', '"canceled"') })).toBeNull();
    const stranger = new SandboxProvider({
      apiUrl: PUBLIC_URL,
      secret: `${SECRET}-other`,
      transport: injectTransport(s.app),
    });
    expect(
      await stranger.verifyNotification({ headers: delivery.headers, rawBody: delivery.rawBody, remoteAddress: '' }),
    ).toBeNull();
    const later = new SandboxProvider({ apiUrl: PUBLIC_URL, secret: SECRET, now: () => Date.now() + 10 * 60_000 });
    expect(
      await later.verifyNotification({ headers: delivery.headers, rawBody: delivery.rawBody, remoteAddress: '' }),
    ).toBeNull();

    // A second submission (even with another card) changes nothing and notifies nothing.
    const again = await pay(payment.id, CARD.declined);
    expect(again.statusCode).toBe(200);
    expect(text(again)).toContain('Оплата прошла');
    expect(await s.provider.fetch(payment.id)).toEqual(fetched);
    expect(await notificationCount(payment.id)).toBe(1);
    expect(text(await page(payment.id))).toContain('Оплата прошла');
  });

  it('cancels the payment when the bank declines the card', async () => {
    const payment = await create();
    const response = await pay(payment.id, CARD.declined);
    expect(text(response)).toContain('Оплата не прошла: Банк отклонил операцию');
    expect(await s.provider.fetch(payment.id)).toMatchObject({
      status: 'canceled',
      cancellationReason: 'card_declined',
    });
    const verified = await verify(await delivered(payment.id, 'payment.canceled'));
    expect(verified?.payment).toMatchObject({ status: 'canceled', cancellationReason: 'card_declined' });
  });

  it('refuses an unknown card that is otherwise valid', async () => {
    const payment = await create();
    const response = await pay(payment.id, '5555 5555 5555 4444');
    expect(text(response)).toContain('Оплата не прошла: В тестовом режиме принимаются только тестовые карты');
    expect((await s.provider.fetch(payment.id)).cancellationReason).toBe('card_not_supported');
  });

  it('shows the form again with errors for invalid card details, and the payment stays pending', async () => {
    const payment = await create();
    const cases: [Record<string, string>, string][] = [
      [{ card: '4111 1111 1111 1112', expiry: FUTURE, cvc: '123' }, 'Проверьте номер карты'],
      [{ card: '4111', expiry: FUTURE, cvc: '123' }, 'Проверьте номер карты'],
      [{ card: CARD.success, expiry: '01/20', cvc: '123' }, 'Срок действия карты истёк'],
      [{ card: CARD.success, expiry: '13/30', cvc: '123' }, 'Укажите срок действия в формате ММ/ГГ'],
      [{ card: CARD.success, expiry: FUTURE, cvc: '12' }, 'CVC — три цифры на обороте карты'],
    ];
    for (const [form, error] of cases) {
      const response = await post(payment.id, '', form);
      expect(response.statusCode).toBe(400);
      const html = text(response);
      expect(html).toContain(error);
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain('Оплатить 1 234,56 ₽');
    }
    expect((await s.provider.fetch(payment.id)).status).toBe('pending');
    expect(await notificationCount(payment.id)).toBe(0);
  });

  it('asks for the 3-D Secure code and succeeds with the right one', async () => {
    const payment = await create();
    const response = await pay(payment.id, CARD.threeDs);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${payment.id}/3ds`);
    const threeDs = await page(payment.id, '/3ds');
    expect(threeDs.statusCode).toBe(200);
    expect(text(threeDs)).toMatch(/<label for="code">Код из SMS<\/label>\s*<input id="code" name="code"/);
    expect(text(threeDs)).toContain('1 234,56 ₽');

    const empty = await post(payment.id, '/3ds', { code: '' });
    expect(empty.statusCode).toBe(400);
    expect(text(empty)).toContain('Введите код из SMS');
    expect((await s.provider.fetch(payment.id)).status).toBe('pending');

    expect(text(await post(payment.id, '/3ds', { code: '12345' }))).toContain('Оплата прошла');
    expect(await s.provider.fetch(payment.id)).toMatchObject({ status: 'succeeded' });
    const { rows } = await s.sql.query('select card_last4 from sandbox_acquirer.payment where id = $1', [payment.id]);
    expect(rows[0].card_last4).toBe('3220');
    await delivered(payment.id, 'payment.succeeded');
  });

  it('cancels the payment after a wrong 3-D Secure code', async () => {
    const payment = await create();
    // Without a card waiting for its code, the 3-D Secure page sends the payer back to the card form.
    const early = await page(payment.id, '/3ds');
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe(`../${payment.id}`);

    await pay(payment.id, CARD.threeDs);
    const response = await post(payment.id, '/3ds', { code: '54321' });
    expect(text(response)).toContain('Оплата не прошла: Не пройдена проверка 3-D Secure');
    expect((await s.provider.fetch(payment.id)).cancellationReason).toBe('3d_secure_failed');
    expect(text(await post(payment.id, '/3ds', { code: '12345' }))).toContain('Оплата не прошла');
    expect((await s.provider.fetch(payment.id)).status).toBe('canceled');
  });

  it('lets the payer cancel and go back', async () => {
    const payment = await create();
    const response = await post(payment.id, '/cancel', {});
    expect(response.statusCode).toBe(200);
    expect(text(response)).toContain('Оплата не прошла: Вы отменили оплату');
    expect(text(response)).toContain('Вернуться в магазин');
    expect((await s.provider.fetch(payment.id)).cancellationReason).toBe('canceled_by_payer');
    await delivered(payment.id, 'payment.canceled');
  });

  it('lets only one of two concurrent submissions win', async () => {
    const payment = await create();
    const answers = await Promise.all([pay(payment.id, CARD.success), pay(payment.id, CARD.declined)]);
    const final = await s.provider.fetch(payment.id);
    expect(final.status).not.toBe('pending');
    for (const answer of answers) {
      expect(text(answer)).toContain(final.status === 'succeeded' ? 'Оплата прошла' : 'Банк отклонил операцию');
    }
    expect(await notificationCount(payment.id)).toBe(1);
  });

  it('answers a repeated create with the same payment, and another request with the same key 409', async () => {
    const request = paymentRequest();
    const first = await s.provider.create(request);
    const second = await s.provider.create(request);
    expect(second).toEqual(first);
    const error = await s.provider.create({ ...request, amountKopecks: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 409, retryable: false });
    const { rows } = await s.sql.query(
      `select count(*)::int as n from sandbox_acquirer.payment where metadata->>'paymentId' = $1`,
      [request.paymentId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('cancels a pending payment for the merchant, and only a pending one', async () => {
    const payment = await create();
    const canceled = await s.provider.cancel(payment.id, `cancel-${payment.id}`);
    expect(canceled).toMatchObject({
      status: 'canceled',
      cancellationReason: 'canceled_by_merchant',
      confirmationUrl: null,
    });
    // The same key: the stored answer; a new key: the payment is no longer pending.
    expect(await s.provider.cancel(payment.id, `cancel-${payment.id}`)).toEqual(canceled);
    await expect(s.provider.cancel(payment.id, `cancel-again-${payment.id}`)).rejects.toMatchObject({
      status: 400,
      retryable: false,
      message: expect.stringContaining('invalid_state'),
    });
    await expect(s.provider.refund(payment.id, 100, `refund-${payment.id}`)).rejects.toMatchObject({ status: 400 });
    await expect(s.provider.fetch('sbx_000000000000000000000000')).rejects.toMatchObject({ status: 404 });
    await delivered(payment.id, 'payment.canceled');
  });

  it('refunds part of a succeeded payment, then the rest, and refuses more', async () => {
    const payment = await create();
    await pay(payment.id, CARD.success);
    const refund = await s.provider.refund(payment.id, 30000, `refund-1-${payment.id}`);
    expect(refund).toEqual({ refundId: expect.stringMatching(/^sbr_/), status: 'succeeded' });
    expect(await s.provider.refund(payment.id, 30000, `refund-1-${payment.id}`)).toEqual(refund);
    expect((await s.provider.fetch(payment.id)).refundedKopecks).toBe(30000);

    await expect(s.provider.refund(payment.id, 100000, `refund-2-${payment.id}`)).rejects.toMatchObject({
      status: 400,
      retryable: false,
      message: expect.stringContaining('amount_kopecks'),
    });
    await s.provider.refund(payment.id, 93456, `refund-3-${payment.id}`);
    expect(await s.provider.fetch(payment.id)).toMatchObject({ status: 'succeeded', refundedKopecks: 123456 });
    await expect(s.provider.refund(payment.id, 1, `refund-4-${payment.id}`)).rejects.toMatchObject({ status: 400 });

    await waitFor('two refund notifications', () =>
      s.deliveries.filter((d) => d.body.object.id === payment.id && d.body.event === 'refund.succeeded').length >= 2
        ? true
        : undefined,
    );
    const refunds = s.deliveries.filter((d) => d.body.object.id === payment.id && d.body.event === 'refund.succeeded');
    for (const delivery of refunds) expect((await verify(delivery))?.payment.status).toBe('succeeded');
  });

  it('expires a pending payment whose time is up on the next read, and never charges it', async () => {
    const payment = await create();
    await s.sql.query(`update sandbox_acquirer.payment set created_at = now() - interval '16 minutes' where id = $1`, [
      payment.id,
    ]);
    const response = await pay(payment.id, CARD.success);
    expect(text(response)).toContain('Оплата не прошла: Истекло время на оплату');
    expect(await s.provider.fetch(payment.id)).toMatchObject({
      status: 'canceled',
      cancellationReason: 'expired_on_confirmation',
      paidAt: null,
    });
    await delivered(payment.id, 'payment.canceled');
    expect(await notificationCount(payment.id)).toBe(1);
  });

  it('retries a notification the merchant did not acknowledge until it answers 2xx', async () => {
    const payment = await create();
    s.failNext = 1;
    await pay(payment.id, CARD.success);
    const delivery = await delivered(payment.id, 'payment.succeeded');
    const attempts = s.deliveries.filter((d) => d.body.object.id === payment.id);
    expect(attempts.map((d) => d.answered)).toEqual([500, 200]);
    expect(new Set(attempts.map((d) => d.headers['x-sandbox-event-id']))).toEqual(new Set([delivery.body.id]));
    const row = await waitFor('the delivery recorded', async () => {
      const { rows } = await s.sql.query(
        'select attempts, delivered_at, last_error from sandbox_acquirer.notification where event_id = $1',
        [delivery.body.id],
      );
      return rows[0]?.delivered_at ? rows[0] : undefined;
    });
    expect(row).toMatchObject({ attempts: 2, last_error: null });
  });

  it('refuses requests without the credential, and POSTs without an Idempotence-Key', async () => {
    const noAuth = await s.app.inject({ method: 'GET', url: `${PREFIX}/api/payments/sbx_000000000000000000000000` });
    expect(noAuth.statusCode).toBe(401);
    expect(noAuth.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect(noAuth.headers['www-authenticate']).toContain('Basic');

    const wrong = new SandboxProvider({
      apiUrl: PUBLIC_URL,
      secret: 'not-the-secret',
      transport: injectTransport(s.app),
    });
    const error = await wrong.create(paymentRequest()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect((error as Error).message).not.toContain('not-the-secret');

    const authorization = `Basic ${Buffer.from(`sandbox:${SECRET}`).toString('base64')}`;
    const noKey = await s.app.inject({
      method: 'POST',
      url: `${PREFIX}/api/payments`,
      headers: { authorization, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json()).toMatchObject({ error: { code: 'invalid_request', parameter: 'Idempotence-Key' } });

    // The form parser belongs to the sandbox's pages only: the rest of the app still refuses form bodies.
    const form = await s.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(form.statusCode).toBe(415);
  });

  it('validates a new payment', async () => {
    const item = { description: 'Газ', amountKopecks: 100, quantity: 1, vatRate: null };
    const cases: [Partial<CreatePaymentRequest>, string][] = [
      [{ amountKopecks: 0 }, 'amount_kopecks'],
      [{ amountKopecks: 1.5 }, 'amount_kopecks'],
      [{ description: 'x'.repeat(129) }, 'description'],
      [{ returnUrl: 'javascript:alert(1)' }, 'return_url'],
      [{ paymentId: '' }, 'metadata.paymentId'],
      [{ receipt: { email: 'not-an-email', items: [item] }, amountKopecks: 100 }, 'receipt.email'],
      [{ receipt: { email: 'a@example.ru', items: [] } }, 'receipt.items'],
      [{ receipt: { email: 'a@example.ru', items: [item] } }, 'receipt.items'],
      [{ receipt: { email: 'a@example.ru', items: [{ ...item, vatRate: 18 }] }, amountKopecks: 100 }, 'vat_rate'],
    ];
    for (const [overrides, parameter] of cases) {
      const error = await create(overrides).catch((e: unknown) => e);
      expect(error, parameter).toMatchObject({ status: 400, retryable: false });
      expect((error as Error).message).toContain(parameter);
    }
    // Items are a unit price × quantity.
    const two = await create({
      amountKopecks: 300,
      receipt: {
        email: 'a@example.ru',
        items: [
          { ...item, quantity: 2 },
          { ...item, quantity: 1 },
        ],
      },
    });
    expect(two.status).toBe('pending');
  });
});

describe('sandbox acquirer expiry sweep', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await startSandbox({ paymentTtlMs: 1000, sweepIntervalMs: 200 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('cancels a payment nobody confirmed in time and notifies, without anyone reading it', async () => {
    const payment = await s.provider.create(paymentRequest());
    const delivery = await waitFor('the expiry notification', () =>
      s.deliveries.find((d) => d.body.object.id === payment.id && d.answered === 200),
    );
    expect(delivery.body).toMatchObject({
      event: 'payment.canceled',
      object: { status: 'canceled', cancellation_reason: 'expired_on_confirmation' },
    });
    const verified = await s.provider.verifyNotification({
      headers: delivery.headers,
      rawBody: delivery.rawBody,
      remoteAddress: '127.0.0.1',
    });
    expect(verified?.payment.cancellationReason).toBe('expired_on_confirmation');
    const response = await s.app.inject({ method: 'GET', url: `${PREFIX}/pay/${payment.id}` });
    expect(response.body).toContain('Оплата не прошла: Истекло время на оплату');
  });
});
