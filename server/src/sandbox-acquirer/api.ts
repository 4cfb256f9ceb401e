// The merchant API of the sandbox acquirer: JSON under `<prefix>/api`, HTTP Basic `sandbox:<secret>`, and an
// Idempotence-Key on every POST (the same key and request get the stored answer back).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isObject } from '../subgraphs/payments/provider/provider.js';
import { SANDBOX_SHOP_ID, type SandboxPaymentJson } from '../subgraphs/payments/provider/sandbox.js';
import type { Db, NewPayment, PaymentRow, SandboxStore, StoredAnswer } from './store.js';

export interface ApiContext {
  readonly store: SandboxStore;
  readonly secret: string;
  /** The absolute base URL of the pages (for confirmation_url). */
  readonly publicUrl: string;
}

/** Payment ids as the sandbox makes them (anything else is not found without asking the database). */
export const PAYMENT_ID = /^sbx_[0-9a-f]{24}$/;

const MAX_AMOUNT_KOPECKS = 100_000_000_000;
const VAT_RATES: ReadonlySet<number> = new Set([0, 5, 7, 10, 20, 22]);

/** The payment as the API returns it (and as notifications carry it). */
export function paymentJson(payment: PaymentRow, publicUrl: string): SandboxPaymentJson {
  return {
    id: payment.id,
    status: payment.status,
    amount_kopecks: payment.amountKopecks,
    description: payment.description,
    metadata: payment.metadata,
    confirmation_url: payment.status === 'pending' ? `${publicUrl}/pay/${encodeURIComponent(payment.id)}` : null,
    refunded_kopecks: payment.refundedKopecks,
    cancellation_reason: payment.cancellationReason,
    captured_at: payment.capturedAt?.toISOString() ?? null,
    created_at: payment.createdAt.toISOString(),
    card_last4: payment.cardLast4,
    test: true,
  };
}

interface ApiError {
  error: { code: string; parameter?: string; description: string };
}

function apiError(code: string, description: string, parameter?: string): ApiError {
  return { error: parameter === undefined ? { code, description } : { code, parameter, description } };
}

const answer = (status: number, body: object): StoredAnswer => ({ status, body: JSON.stringify(body) });
const invalid = (parameter: string, description: string) =>
  answer(400, apiError('invalid_request', description, parameter));
const notFound = () => answer(404, apiError('not_found', 'No such payment'));

/** JSON with object keys sorted, so that the same request hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The body of POST /payments, checked; an error answer when it is invalid. */
function parseCreatePayment(body: unknown): NewPayment | StoredAnswer {
  if (!isObject(body)) return invalid('body', 'The body must be a JSON object');
  const { amount_kopecks, description, return_url, metadata, receipt } = body;
  if (!Number.isSafeInteger(amount_kopecks) || (amount_kopecks as number) <= 0) {
    return invalid('amount_kopecks', 'Must be a positive integer (kopecks)');
  }
  const amountKopecks = amount_kopecks as number;
  if (amountKopecks > MAX_AMOUNT_KOPECKS) return invalid('amount_kopecks', 'Too large');
  if (typeof description !== 'string' || description.length > 128) {
    return invalid('description', 'Must be a string of at most 128 characters');
  }
  if (typeof return_url !== 'string' || return_url.length > 2048 || !isHttpUrl(return_url)) {
    return invalid('return_url', 'Must be an absolute http(s) URL');
  }
  if (!isObject(metadata)) return invalid('metadata', 'Must be an object');
  const entries = Object.entries(metadata);
  if (entries.length > 16) return invalid('metadata', 'At most 16 keys');
  for (const [key, value] of entries) {
    if (key.length > 32 || typeof value !== 'string' || value.length > 512) {
      return invalid(`metadata.${key.slice(0, 32)}`, 'Keys of at most 32 characters, string values of at most 512');
    }
  }
  if (typeof metadata.paymentId !== 'string' || !metadata.paymentId) {
    return invalid('metadata.paymentId', 'Must be a non-empty string');
  }

  if (!isObject(receipt)) return invalid('receipt', 'Must be an object');
  const { email, items } = receipt;
  if (typeof email !== 'string' || email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return invalid('receipt.email', 'Must be an e-mail address');
  }
  if (!Array.isArray(items) || items.length < 1 || items.length > 100) {
    return invalid('receipt.items', 'Must be an array of 1 to 100 items');
  }
  const lines = [];
  let total = 0;
  for (const [index, item] of items.entries()) {
    const at = `receipt.items[${index}]`;
    if (!isObject(item)) return invalid(at, 'Must be an object');
    const { description: text, amount_kopecks: price, quantity, vat_rate } = item;
    if (typeof text !== 'string' || !text || text.length > 128) {
      return invalid(`${at}.description`, 'Must be a non-empty string of at most 128 characters');
    }
    if (!Number.isSafeInteger(price) || (price as number) <= 0) {
      return invalid(`${at}.amount_kopecks`, 'Must be a positive integer (kopecks)');
    }
    if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0 || quantity > 1_000_000) {
      return invalid(`${at}.quantity`, 'Must be a positive number');
    }
    if (vat_rate !== null && (typeof vat_rate !== 'number' || !VAT_RATES.has(vat_rate))) {
      return invalid(`${at}.vat_rate`, 'Must be null (no VAT) or one of 0, 5, 7, 10, 20, 22');
    }
    total += Math.round((price as number) * quantity);
    lines.push({ description: text, amount_kopecks: price, quantity, vat_rate });
  }
  if (total !== amountKopecks) {
    return invalid('receipt.items', 'The items (amount_kopecks × quantity) must add up to amount_kopecks');
  }
  return {
    amountKopecks,
    description,
    returnUrl: return_url,
    metadata: Object.fromEntries(entries) as Record<string, string>,
    receipt: { email, items: lines },
  };
}

/** The `user:password` of an HTTP Basic header, or null. */
function basicCredentials(header: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  return match ? Buffer.from(match[1]!, 'base64').toString('utf8') : null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export async function registerApi(scope: FastifyInstance, context: ApiContext): Promise<void> {
  const { store, publicUrl } = context;
  const expected = sha256(`${SANDBOX_SHOP_ID}:${context.secret}`);
  const json = (payment: PaymentRow, status = 200) => answer(status, paymentJson(payment, publicUrl));

  scope.addHook('onRequest', async (request, reply) => {
    const given = basicCredentials(request.headers.authorization);
    // Digests have the same length whatever was given, so the comparison takes the same time.
    if (given === null || !timingSafeEqual(sha256(given), expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Basic realm="sandbox-acquirer", charset="UTF-8"')
        .send(apiError('unauthorized', `HTTP Basic credentials ${SANDBOX_SHOP_ID}:<secret> are required`));
    }
  });

  scope.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) return reply.code(status).send(apiError('invalid_request', error.message));
    request.log.error({ err: error }, 'sandbox acquirer API request failed');
    return reply.code(500).send(apiError('internal_error', 'Internal error; retry later'));
  });

  const send = (reply: FastifyReply, stored: StoredAnswer) =>
    reply
      .code(stored.status)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(stored.body);

  /** Runs a POST at most once per Idempotence-Key. */
  async function once(request: FastifyRequest, reply: FastifyReply, run: (db: Db) => Promise<StoredAnswer>) {
    const key = request.headers['idempotence-key'];
    if (typeof key !== 'string' || key.length < 1 || key.length > 64) {
      return send(reply, invalid('Idempotence-Key', 'The Idempotence-Key header (1 to 64 characters) is required'));
    }
    const hash = sha256(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body ?? {})}`);
    const result = await store.idempotent(key, hash.toString('hex'), run);
    if (result === 'conflict') {
      const conflict = apiError(
        'idempotence_key_conflict',
        'This Idempotence-Key was used with another request',
        'Idempotence-Key',
      );
      return send(reply, answer(409, conflict));
    }
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return send(reply, result.answer);
  }

  scope.post('/payments', (request, reply) =>
    once(request, reply, async (db) => {
      const parsed = parseCreatePayment(request.body);
      if ('status' in parsed) return parsed;
      return json(await store.createPayment(db, parsed), 201);
    }),
  );

  scope.get<{ Params: { id: string } }>('/payments/:id', async (request, reply) => {
    const { id } = request.params;
    const payment = PAYMENT_ID.test(id) ? await store.transaction((db) => store.payment(db, id)) : null;
    return send(reply, payment ? json(payment) : notFound());
  });

  scope.post<{ Params: { id: string } }>('/payments/:id/cancel', (request, reply) =>
    once(request, reply, async (db) => {
      const { id } = request.params;
      const payment = PAYMENT_ID.test(id) ? await store.payment(db, id) : null;
      if (!payment) return notFound();
      const canceled =
        payment.status === 'pending'
          ? await store.transition(db, id, { to: 'canceled', reason: 'canceled_by_merchant' }, false)
          : null;
      if (!canceled) {
        return answer(
          400,
          apiError('invalid_state', `Only a pending payment can be canceled; it is ${payment.status}`),
        );
      }
      return json(canceled);
    }),
  );

  scope.post('/refunds', (request, reply) =>
    once(request, reply, async (db) => {
      const body = request.body;
      if (!isObject(body)) return invalid('body', 'The body must be a JSON object');
      const { payment_id: paymentId, amount_kopecks: amountKopecks } = body;
      if (typeof paymentId !== 'string' || !paymentId) return invalid('payment_id', 'Must be a payment id');
      if (!Number.isSafeInteger(amountKopecks) || (amountKopecks as number) <= 0) {
        return invalid('amount_kopecks', 'Must be a positive integer (kopecks)');
      }
      if (!PAYMENT_ID.test(paymentId)) return notFound();
      const result = await store.refund(db, paymentId, amountKopecks as number);
      if (result === 'not_found') return notFound();
      if (result === 'not_succeeded') {
        return answer(400, apiError('invalid_state', 'Only a succeeded payment can be refunded'));
      }
      if (result === 'too_much') return invalid('amount_kopecks', 'Exceeds what remains of the payment to refund');
      const { refund } = result;
      return answer(201, {
        id: refund.id,
        payment_id: refund.paymentId,
        status: 'succeeded',
        amount_kopecks: refund.amountKopecks,
      });
    }),
  );
}
