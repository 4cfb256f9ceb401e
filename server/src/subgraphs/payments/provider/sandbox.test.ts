// The sandbox adapter on its own: how it calls the API, how it maps answers and errors, and how it checks the
// signature of a notification. (server/src/sandbox-acquirer has the tests against the running sandbox.)
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, HttpTransport } from './provider.js';
import { ProviderError } from './provider.js';
import { SandboxProvider, signSandboxNotification, type SandboxPaymentJson } from './sandbox.js';

const SECRET = 'unit-test-sandbox-secret-0123456789abcdef';
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

const PAYMENT: SandboxPaymentJson = {
  id: 'sbx_0123456789abcdef01234567',
  status: 'succeeded',
  amount_kopecks: 123456,
  description: 'Оплата газа',
  metadata: { paymentId: 'pay-1' },
  confirmation_url: null,
  refunded_kopecks: 0,
  cancellation_reason: null,
  captured_at: '2026-11-24T11:59:00.000Z',
  created_at: '2026-11-24T11:58:00.000Z',
  card_last4: '1111',
  test: true,
};

function recording(answer: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>) {
  const requests: HttpRequest[] = [];
  const transport: HttpTransport = async (request) => {
    requests.push(request);
    return answer(request);
  };
  return { requests, transport };
}

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function provider(transport: HttpTransport, secret = SECRET, now = () => NOW) {
  return new SandboxProvider({ apiUrl: 'http://acquirer.test/sandbox-acquirer/', secret, transport, now });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('SandboxProvider calls', () => {
  it('creates a payment with credentials, the idempotence key and the receipt in the API’s terms', async () => {
    const { requests, transport } = recording(() =>
      json(201, { ...PAYMENT, status: 'pending', confirmation_url: 'http://acquirer.test/pay/x', captured_at: null }),
    );
    const payment = await provider(transport).create({
      paymentId: 'pay-1',
      idempotenceKey: 'key-1',
      amountKopecks: 123456,
      description: 'Оплата газа',
      returnUrl: 'http://kabinet.test/payments/pay-1',
      receipt: {
        email: 'abonent@example.ru',
        items: [{ description: 'Газ', amountKopecks: 123456, quantity: 1, vatRate: null }],
      },
    });
    expect(payment).toEqual({
      id: PAYMENT.id,
      status: 'pending',
      amountKopecks: 123456,
      confirmationUrl: 'http://acquirer.test/pay/x',
      refundedKopecks: 0,
      cancellationReason: null,
      paymentId: 'pay-1',
      paidAt: null,
    });
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('http://acquirer.test/sandbox-acquirer/api/payments');
    expect(request!.headers!.authorization).toBe(`Basic ${Buffer.from(`sandbox:${SECRET}`).toString('base64')}`);
    expect(request!.headers!['idempotence-key']).toBe('key-1');
    expect(JSON.parse(request!.body!)).toEqual({
      amount_kopecks: 123456,
      description: 'Оплата газа',
      return_url: 'http://kabinet.test/payments/pay-1',
      metadata: { paymentId: 'pay-1' },
      receipt: {
        email: 'abonent@example.ru',
        items: [{ description: 'Газ', amount_kopecks: 123456, quantity: 1, vat_rate: null }],
      },
    });
  });

  it('fetches, cancels and refunds by the sandbox’s ids', async () => {
    const { requests, transport } = recording((request) =>
      request.url.endsWith('/refunds')
        ? json(201, { id: 'sbr_1', payment_id: PAYMENT.id, status: 'succeeded', amount_kopecks: 100 })
        : json(200, PAYMENT),
    );
    const sandbox = provider(transport);
    expect((await sandbox.fetch(PAYMENT.id)).paidAt).toBe(PAYMENT.captured_at);
    await sandbox.cancel(PAYMENT.id, 'key-2');
    expect(await sandbox.refund(PAYMENT.id, 100, 'key-3')).toEqual({ refundId: 'sbr_1', status: 'succeeded' });
    expect(
      requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers?.['idempotence-key'] ?? ''}`),
    ).toEqual([
      `GET /sandbox-acquirer/api/payments/${PAYMENT.id} `,
      `POST /sandbox-acquirer/api/payments/${PAYMENT.id}/cancel key-2`,
      'POST /sandbox-acquirer/api/refunds key-3',
    ]);
    expect(JSON.parse(requests[2]!.body!)).toEqual({ payment_id: PAYMENT.id, amount_kopecks: 100 });
  });

  it('reports network errors, 5xx and 429 as retryable, other 4xx as final, never with the secret', async () => {
    const cases: [HttpTransport, boolean, number | undefined][] = [
      [
        async () => {
          throw new TypeError('fetch failed');
        },
        true,
        undefined,
      ],
      [async () => json(500, { error: { code: 'internal_error', description: 'x' } }), true, 500],
      [async () => ({ status: 502, headers: {}, body: '<html>Bad gateway</html>' }), true, 502],
      [async () => json(429, {}), true, 429],
      [async () => json(400, { error: { code: 'invalid_request', parameter: 'amount_kopecks' } }), false, 400],
      [async () => json(401, { error: { code: 'unauthorized', description: 'no' } }), false, 401],
      [async () => json(200, { unexpected: true }), true, undefined],
    ];
    for (const [transport, retryable, status] of cases) {
      const error = await rejection(provider(transport).fetch(PAYMENT.id));
      expect({ retryable: error.retryable, status: error.status }).toEqual({ retryable, status });
      expect(error.message).not.toContain(SECRET);
      expect(error.message).not.toContain(Buffer.from(`sandbox:${SECRET}`).toString('base64'));
    }
    const invalid = await rejection(
      provider(async () => json(400, { error: { code: 'invalid_request', parameter: 'amount_kopecks' } })).fetch('x'),
    );
    expect(invalid.message).toContain('invalid_request (amount_kopecks)');
  });
});

describe('SandboxProvider.verifyNotification', () => {
  const t = Math.floor(NOW / 1000);
  const body = JSON.stringify({ id: 'evt-1', event: 'payment.succeeded', object: PAYMENT });
  const incoming = (rawBody: string, signature: string | undefined) => ({
    headers: { 'x-sandbox-signature': signature, 'content-type': 'application/json' },
    rawBody,
    remoteAddress: '127.0.0.1',
  });
  const sandbox = provider(async () => json(500, {}));

  it('accepts a notification signed with the secret within five minutes', async () => {
    expect(await sandbox.verifyNotification(incoming(body, signSandboxNotification(SECRET, body, t)))).toEqual({
      eventId: 'evt-1',
      payment: expect.objectContaining({ id: PAYMENT.id, status: 'succeeded', paymentId: 'pay-1' }),
    });
    expect(await sandbox.verifyNotification(incoming(body, signSandboxNotification(SECRET, body, t - 299)))).not.toBe(
      null,
    );
    const refund = JSON.stringify({
      id: 'evt-2',
      event: 'refund.succeeded',
      object: { ...PAYMENT, refunded_kopecks: 5 },
    });
    const verified = await sandbox.verifyNotification(incoming(refund, signSandboxNotification(SECRET, refund, t)));
    expect(verified?.payment.refundedKopecks).toBe(5);
  });

  it('refuses forged, tampered, replayed and malformed notifications', async () => {
    const signed = signSandboxNotification(SECRET, body, t);
    const unknownEvent = JSON.stringify({ id: 'evt-3', event: 'payout.succeeded', object: PAYMENT });
    const notJson = 'not json';
    const refused = [
      incoming(body.replace('"succeeded"', '"canceled"'), signed),
      incoming(body, signSandboxNotification('another-secret-of-enough-length-000000', body, t)),
      incoming(body, signSandboxNotification(SECRET, body, t - 301)),
      incoming(body, signSandboxNotification(SECRET, body, t + 301)),
      incoming(body, undefined),
      incoming(body, 'garbage'),
      incoming(body, `t=${t},v1=abc`),
      incoming(body, signed.slice(0, -1) + (signed.endsWith('0') ? '1' : '0')),
      incoming(unknownEvent, signSandboxNotification(SECRET, unknownEvent, t)),
      incoming(notJson, signSandboxNotification(SECRET, notJson, t)),
    ];
    for (const notification of refused) expect(await sandbox.verifyNotification(notification)).toBeNull();
  });
});
