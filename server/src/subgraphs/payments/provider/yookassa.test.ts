// The YooKassa adapter against a small, faithful fake of the YooKassa API v3 on a real local socket.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeYooKassa, type Json, type RecordedRequest } from '../../../../test/support/fake-yookassa.js';
import { ProviderError, type CreatePaymentRequest, type HttpTransport } from './provider.js';
import { isYooKassaAddress, kopecksToValue, valueToKopecks, YooKassaProvider } from './yookassa.js';

const SHOP_ID = '506751';
const SECRET_KEY = 'test_Fh8hUAVVBGUGbjmlzba6TB0iyUbos_lueTHE-axOwM0';
const BASIC = Buffer.from(`${SHOP_ID}:${SECRET_KEY}`).toString('base64');

const fake = new FakeYooKassa(SHOP_ID, SECRET_KEY);
let provider: YooKassaProvider;

beforeAll(async () => {
  await fake.start();
  provider = new YooKassaProvider({ apiUrl: fake.url, shopId: SHOP_ID, secretKey: SECRET_KEY });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.forced.length = 0;
});

function createRequest(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  const amountKopecks = overrides.amountKopecks ?? 123456;
  return {
    paymentId: randomUUID(),
    idempotenceKey: randomUUID(),
    amountKopecks,
    description: 'Оплата за газ, лицевой счёт 7700012345',
    returnUrl: 'https://kabinet.example.ru/payments/return',
    receipt: {
      email: 'abonent@example.ru',
      items: [{ description: 'Газоснабжение', amountKopecks, quantity: 1, vatRate: 22 }],
    },
    ...overrides,
  };
}

function lastRequest(): RecordedRequest {
  const request = fake.requests.at(-1);
  if (!request) throw new Error('no request reached the fake');
  return request;
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

function notification(event: string, object: Json, remoteAddress = '185.71.76.10') {
  return {
    headers: { 'content-type': 'application/json' },
    rawBody: JSON.stringify({ type: 'notification', event, object }),
    remoteAddress,
  };
}

describe('create', () => {
  it('sends the payment, the receipt and the credentials as YooKassa documents them, and maps the answer', async () => {
    const request = createRequest();
    const payment = await provider.create(request);

    const sent = lastRequest();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/payments');
    expect(sent.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(sent.headers['idempotence-key']).toBe(request.idempotenceKey);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toEqual({
      amount: { value: '1234.56', currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect', return_url: 'https://kabinet.example.ru/payments/return' },
      description: 'Оплата за газ, лицевой счёт 7700012345',
      metadata: { paymentId: request.paymentId },
      receipt: {
        customer: { email: 'abonent@example.ru' },
        items: [
          {
            description: 'Газоснабжение',
            quantity: '1.00',
            amount: { value: '1234.56', currency: 'RUB' },
            vat_code: 11,
            payment_mode: 'full_payment',
            payment_subject: 'service',
          },
        ],
      },
    });

    const stored = fake.payments.get(payment.id);
    expect(stored).toBeDefined();
    expect(payment).toEqual({
      id: stored!.id,
      status: 'pending',
      amountKopecks: 123456,
      confirmationUrl: `https://yoomoney.ru/checkout/payments/v2/contract?orderId=${stored!.id}`,
      refundedKopecks: 0,
      cancellationReason: null,
      paymentId: request.paymentId,
      paidAt: null,
    });
  });

  it('maps every VAT rate to its vat_code and cuts descriptions to 128 characters', async () => {
    const long = 'Газ'.repeat(60); // 180 characters
    const rates = [null, 0, 10, 20, 22];
    await provider.create(
      createRequest({
        amountKopecks: 500,
        description: long,
        receipt: {
          email: 'abonent@example.ru',
          items: rates.map((vatRate) => ({ description: long, amountKopecks: 100, quantity: 1, vatRate })),
        },
      }),
    );
    const body = lastRequest().body!;
    expect(body.receipt.items.map((item: Json) => item.vat_code)).toEqual([1, 2, 3, 4, 11]);
    expect(body.description).toBe(long.slice(0, 128));
    expect(body.receipt.items[0].description).toBe(long.slice(0, 128));
  });

  it('sends the price of one unit for a line of several units', async () => {
    await provider.create(
      createRequest({
        amountKopecks: 900,
        receipt: {
          email: 'a@example.ru',
          items: [{ description: 'Пломба', amountKopecks: 900, quantity: 3, vatRate: 20 }],
        },
      }),
    );
    const item = lastRequest().body!.receipt.items[0];
    expect(item.quantity).toBe('3.00');
    expect(item.amount).toEqual({ value: '3.00', currency: 'RUB' });
  });

  it('refuses locally a receipt that does not add up or a VAT rate with no vat_code', async () => {
    const before = fake.requests.length;
    const unbalanced = createRequest({
      amountKopecks: 1000,
      receipt: { email: 'a@example.ru', items: [{ description: 'Газ', amountKopecks: 999, quantity: 1, vatRate: 22 }] },
    });
    expect((await rejection(provider.create(unbalanced))).retryable).toBe(false);
    const badVat = createRequest({
      amountKopecks: 1000,
      receipt: {
        email: 'a@example.ru',
        items: [{ description: 'Газ', amountKopecks: 1000, quantity: 1, vatRate: 18 }],
      },
    });
    expect((await rejection(provider.create(badVat))).retryable).toBe(false);
    expect(fake.requests.length).toBe(before);
  });

  it('returns the same payment for a repeated create with the same Idempotence-Key', async () => {
    const request = createRequest();
    const first = await provider.create(request);
    const count = fake.payments.size;
    const again = await provider.create(request);
    expect(again).toEqual(first);
    expect(fake.payments.size).toBe(count);

    const other = await provider.create({ ...request, idempotenceKey: randomUUID() });
    expect(other.id).not.toBe(first.id);
    expect(fake.payments.size).toBe(count + 1);
  });

  it('is answered the way YooKassa answers a POST without an Idempotence-Key (the fake is strict)', async () => {
    const response = await fetch(`${fake.url}/payments`, {
      method: 'POST',
      headers: { Authorization: `Basic ${BASIC}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: { value: '1.00', currency: 'RUB' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'error',
      code: 'invalid_request',
      parameter: 'Idempotence-Key',
    });
  });

  it('recovers from an outage on the repeat with the same key, creating a single payment', async () => {
    const request = createRequest();
    fake.forced.push({ status: 500, body: { type: 'error', id: randomUUID(), code: 'internal_server_error' } });
    expect((await rejection(provider.create(request))).retryable).toBe(true);
    const count = fake.payments.size;
    const payment = await provider.create(request);
    expect(await provider.create(request)).toEqual(payment);
    expect(fake.payments.size).toBe(count + 1);
  });
});

describe('fetch, cancel and refund', () => {
  it('maps a succeeded payment: the capture time, no confirmation URL', async () => {
    const created = await provider.create(createRequest());
    const capturedAt = fake.succeed(created.id);
    const payment = await provider.fetch(created.id);
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `/payments/${created.id}` });
    expect(lastRequest().headers['idempotence-key']).toBeUndefined();
    expect(payment).toEqual({ ...created, status: 'succeeded', confirmationUrl: null, paidAt: capturedAt });
  });

  it('maps a canceled payment with its reason, and waiting_for_capture as pending', async () => {
    const declined = await provider.create(createRequest());
    fake.update(declined.id, {
      status: 'canceled',
      cancellation_details: { party: 'payment_network', reason: 'insufficient_funds' },
    });
    expect(await provider.fetch(declined.id)).toMatchObject({
      status: 'canceled',
      cancellationReason: 'insufficient_funds',
      confirmationUrl: null,
      paidAt: null,
    });

    const authorised = await provider.create(createRequest());
    fake.update(authorised.id, { status: 'waiting_for_capture', paid: true });
    expect(await provider.fetch(authorised.id)).toMatchObject({ status: 'pending', cancellationReason: null });
  });

  it('reports a payment YooKassa does not know as a non-retryable 404', async () => {
    const error = await rejection(provider.fetch(randomUUID()));
    expect(error).toMatchObject({ retryable: false, status: 404 });
  });

  it('cancels an authorised payment; YooKassa refuses to cancel a pending one', async () => {
    const authorised = await provider.create(createRequest());
    fake.update(authorised.id, { status: 'waiting_for_capture', paid: true });
    const key = randomUUID();
    const canceled = await provider.cancel(authorised.id, key);
    expect(lastRequest()).toMatchObject({ method: 'POST', path: `/payments/${authorised.id}/cancel` });
    expect(lastRequest().headers['idempotence-key']).toBe(key);
    expect(canceled).toMatchObject({
      id: authorised.id,
      status: 'canceled',
      cancellationReason: 'canceled_by_merchant',
    });

    const pending = await provider.create(createRequest());
    expect(await rejection(provider.cancel(pending.id, randomUUID()))).toMatchObject({ retryable: false, status: 400 });
  });

  it('refunds part of a payment and shows the refunded amount on the payment', async () => {
    const created = await provider.create(createRequest({ amountKopecks: 10000 }));
    fake.succeed(created.id);
    const key = randomUUID();
    const refund = await provider.refund(created.id, 2501, key);
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      path: '/refunds',
      body: { payment_id: created.id, amount: { value: '25.01', currency: 'RUB' } },
    });
    expect(lastRequest().headers['idempotence-key']).toBe(key);
    expect(refund).toEqual({ refundId: expect.any(String), status: 'succeeded' });
    expect(await provider.refund(created.id, 2501, key)).toEqual(refund); // the same key: the same refund
    expect((await provider.fetch(created.id)).refundedKopecks).toBe(2501);

    expect(await rejection(provider.refund(created.id, 7500, randomUUID()))).toMatchObject({ retryable: false });
  });
});

describe('money', () => {
  const cases: [number, string][] = [
    [1, '0.01'],
    [99, '0.99'],
    [100, '1.00'],
    [123456, '1234.56'],
    [10000000, '100000.00'],
  ];

  it.each(cases)('%i kopecks is "%s" and back', (kopecks, value) => {
    expect(kopecksToValue(kopecks)).toBe(value);
    expect(valueToKopecks(value)).toBe(kopecks);
  });

  it('round-trips every amount through the API', async () => {
    for (const [kopecks, value] of cases) {
      const created = await provider.create(createRequest({ amountKopecks: kopecks }));
      expect(lastRequest().body!.amount.value).toBe(value);
      expect(created.amountKopecks).toBe(kopecks);
      expect((await provider.fetch(created.id)).amountKopecks).toBe(kopecks);
    }
  });

  it('reads the forms YooKassa may use and refuses what is not an amount', () => {
    expect(valueToKopecks('10')).toBe(1000);
    expect(valueToKopecks('10.5')).toBe(1050);
    expect(valueToKopecks('0.10')).toBe(10);
    expect(valueToKopecks('9007199254740.99')).toBe(900719925474099);
    for (const bad of ['', '1.234', '-1.00', '1e3', '1,00', ' 1.00', '.50', '1.', '99999999999999999.00']) {
      expect(valueToKopecks(bad), bad).toBeNull();
    }
    for (const bad of [1.5, -1, Number.NaN, 2 ** 53]) expect(() => kopecksToValue(bad)).toThrow(RangeError);
  });

  it('refuses a payment YooKassa reports in a currency other than RUB', async () => {
    const created = await provider.create(createRequest());
    fake.update(created.id, { amount: { value: '1234.56', currency: 'USD' } });
    expect(await rejection(provider.fetch(created.id))).toMatchObject({ retryable: false });
  });
});

describe('errors', () => {
  it.each([
    [500, 'internal_server_error'],
    [503, 'internal_server_error'],
    [429, 'too_many_requests'],
  ])('HTTP %i is retryable', async (status, code) => {
    fake.forced.push({ status, body: { type: 'error', id: randomUUID(), code, description: 'try later' } });
    const error = await rejection(provider.fetch(randomUUID()));
    expect(error).toMatchObject({ retryable: true, status });
    expect(error.message).toContain(code);
  });

  it('HTTP 202 (still processing) is retryable', async () => {
    fake.forced.push({
      status: 202,
      body: { type: 'processing', description: 'Request accepted, but is still being processed', retry_after: 1800 },
    });
    expect(await rejection(provider.create(createRequest()))).toMatchObject({ retryable: true, status: 202 });
  });

  it('HTTP 400 is not retryable and the message carries no credentials', async () => {
    const error = await rejection(provider.create(createRequest({ returnUrl: 'not a url' })));
    expect(error).toMatchObject({ retryable: false, status: 400 });
    expect(error.message).toContain('invalid_request');
    expect(error.message).toContain('confirmation.return_url');
    for (const secret of [SECRET_KEY, BASIC, 'Basic ']) expect(error.message).not.toContain(secret);
  });

  it('wrong credentials are not retryable and not repeated in the message', async () => {
    const wrongKey = 'test_wrong-secret-key-0123456789';
    const stranger = new YooKassaProvider({ apiUrl: fake.url, shopId: SHOP_ID, secretKey: wrongKey });
    const error = await rejection(stranger.fetch(randomUUID()));
    expect(error).toMatchObject({ retryable: false, status: 401 });
    expect(error.message).toContain('invalid_credentials');
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toContain(Buffer.from(`${SHOP_ID}:${wrongKey}`).toString('base64'));
  });

  it('a network failure or a timeout is retryable, and a transport error echoing the key is scrubbed', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = new YooKassaProvider({
      apiUrl: `http://127.0.0.1:${port}/v3`,
      shopId: SHOP_ID,
      secretKey: SECRET_KEY,
    });
    const refused = await rejection(offline.fetch(randomUUID()));
    expect(refused.retryable).toBe(true);
    expect(refused.status).toBeUndefined();

    const timingOut: HttpTransport = async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    const slow = new YooKassaProvider({
      apiUrl: fake.url,
      shopId: SHOP_ID,
      secretKey: SECRET_KEY,
      transport: timingOut,
    });
    expect(await rejection(slow.create(createRequest()))).toMatchObject({ retryable: true });

    const leaky: HttpTransport = async (request) => {
      throw new Error(`request failed with headers ${JSON.stringify(request.headers)} key ${SECRET_KEY}`);
    };
    const warnings: string[] = [];
    const log = { warn: (_obj: object, msg: string) => void warnings.push(msg) };
    const noisy = new YooKassaProvider({
      apiUrl: fake.url,
      shopId: SHOP_ID,
      secretKey: SECRET_KEY,
      transport: leaky,
      log,
    });
    const error = await rejection(noisy.fetch(randomUUID()));
    for (const text of [error.message, ...warnings]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(BASIC);
    }
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('verifyNotification', () => {
  it('returns the payment as the API reports it, not as the body claims', async () => {
    const created = await provider.create(createRequest());
    const forged = {
      ...fake.payments.get(created.id)!,
      status: 'succeeded',
      paid: true,
      captured_at: '2026-01-01T00:00:00Z',
    };
    const verified = await provider.verifyNotification(notification('payment.succeeded', forged));
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `/payments/${created.id}` });
    expect(verified).toEqual({ eventId: `payment.succeeded:${created.id}`, payment: created });
    expect(verified!.payment.status).toBe('pending');

    const capturedAt = fake.succeed(created.id);
    const real = await provider.verifyNotification(notification('payment.succeeded', fake.payments.get(created.id)!));
    expect(real!.payment).toMatchObject({ status: 'succeeded', paidAt: capturedAt });
  });

  it('a canceled notification carries the reason from the API', async () => {
    const created = await provider.create(createRequest());
    fake.update(created.id, {
      status: 'canceled',
      cancellation_details: { party: 'yoo_money', reason: 'expired_on_confirmation' },
    });
    const verified = await provider.verifyNotification(
      notification('payment.canceled', fake.payments.get(created.id)!),
    );
    expect(verified).toMatchObject({
      eventId: `payment.canceled:${created.id}`,
      payment: { status: 'canceled', cancellationReason: 'expired_on_confirmation' },
    });
  });

  it('for refund.succeeded fetches the refunded payment', async () => {
    const created = await provider.create(createRequest({ amountKopecks: 5000 }));
    fake.succeed(created.id);
    const { refundId } = await provider.refund(created.id, 5000, randomUUID());
    const verified = await provider.verifyNotification(
      notification('refund.succeeded', {
        id: refundId,
        payment_id: created.id,
        status: 'succeeded',
        amount: { value: '50.00', currency: 'RUB' },
      }),
    );
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `/payments/${created.id}` });
    expect(verified).toMatchObject({
      eventId: `refund.succeeded:${refundId}`,
      payment: { id: created.id, status: 'succeeded', refundedKopecks: 5000 },
    });
  });

  it('is null for a payment the API does not know (a forged notification)', async () => {
    const id = randomUUID();
    const body = { id, status: 'succeeded', paid: true, amount: { value: '100.00', currency: 'RUB' } };
    expect(await provider.verifyNotification(notification('payment.succeeded', body))).toBeNull();
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `/payments/${id}` });
  });

  it('is null, without calling the API, for malformed or foreign bodies', async () => {
    const created = await provider.create(createRequest());
    const object = fake.payments.get(created.id)!;
    const before = fake.requests.length;
    const bodies = [
      '{"type":"notification","event":"payment.succeeded","object":',
      '',
      'null',
      '[]',
      JSON.stringify({ type: 'webhook', event: 'payment.succeeded', object }),
      JSON.stringify({ event: 'payment.succeeded', object }),
      JSON.stringify({ type: 'notification', event: 'payout.succeeded', object }),
      JSON.stringify({ type: 'notification', event: 'payment.succeeded' }),
      JSON.stringify({ type: 'notification', event: 'payment.succeeded', object: { status: 'succeeded' } }),
      JSON.stringify({ type: 'notification', event: 'payment.succeeded', object: { id: '../refunds' } }),
      JSON.stringify({ type: 'notification', event: 'refund.succeeded', object: { id: randomUUID() } }),
    ];
    for (const rawBody of bodies) {
      expect(
        await provider.verifyNotification({ headers: {}, rawBody, remoteAddress: '185.71.76.10' }),
        rawBody,
      ).toBeNull();
    }
    expect(fake.requests.length).toBe(before);
  });

  it('throws a retryable error when the API cannot be asked, so that YooKassa delivers it again', async () => {
    const created = await provider.create(createRequest());
    fake.forced.push({ status: 500, body: { type: 'error', id: randomUUID(), code: 'internal_server_error' } });
    const error = await rejection(
      provider.verifyNotification(notification('payment.succeeded', fake.payments.get(created.id)!)),
    );
    expect(error.retryable).toBe(true);
  });

  it('with checkSourceIp, ignores senders outside YooKassa networks', async () => {
    const strict = new YooKassaProvider({
      apiUrl: fake.url,
      shopId: SHOP_ID,
      secretKey: SECRET_KEY,
      checkSourceIp: true,
    });
    const created = await provider.create(createRequest());
    const object = fake.payments.get(created.id)!;
    const before = fake.requests.length;
    expect(await strict.verifyNotification(notification('payment.succeeded', object, '127.0.0.1'))).toBeNull();
    expect(await strict.verifyNotification(notification('payment.succeeded', object, '185.71.76.32'))).toBeNull();
    expect(fake.requests.length).toBe(before);
    for (const address of ['185.71.76.31', '::ffff:77.75.153.5', '2a02:5180:0:1::17']) {
      expect(
        await strict.verifyNotification(notification('payment.succeeded', object, address)),
        address,
      ).toMatchObject({
        payment: { id: created.id },
      });
    }
    // Off by default: behind a reverse proxy every notification comes from the proxy.
    expect(await provider.verifyNotification(notification('payment.succeeded', object, '127.0.0.1'))).not.toBeNull();
  });

  it('knows the published networks to the last address', () => {
    const inside = [
      '185.71.76.0',
      '185.71.76.31',
      '185.71.77.17',
      '77.75.153.0',
      '77.75.153.127',
      '77.75.156.11',
      '77.75.156.35',
      '77.75.154.128',
      '77.75.154.255',
      '::ffff:185.71.77.1',
      '2a02:5180::1',
      '2A02:5180:ffff:ffff:ffff:ffff:ffff:ffff',
    ];
    const outside = [
      '185.71.76.32',
      '185.71.75.255',
      '77.75.153.128',
      '77.75.156.12',
      '77.75.156.34',
      '77.75.154.127',
      '10.0.0.1',
      '::ffff:127.0.0.1',
      '2a02:5181::1',
      '2a02:517f:ffff::1',
      '::1',
      'localhost',
      '',
    ];
    for (const address of inside) expect(isYooKassaAddress(address), address).toBe(true);
    for (const address of outside) expect(isYooKassaAddress(address), address).toBe(false);
  });
});
