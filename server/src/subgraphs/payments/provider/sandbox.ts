// The adapter for the sandbox acquirer (server/src/sandbox-acquirer): a stand-in for a real acquirer's test mode.
// Its API speaks kopecks and snake_case JSON; notifications are signed with HMAC-SHA256 over `${t}.${body}`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  fetchTransport,
  isObject,
  parseJsonBody,
  ProviderError,
  sendToAcquirer,
  type CreatePaymentRequest,
  type HttpTransport,
  type IncomingNotification,
  type PaymentProvider,
  type ProviderPayment,
  type VerifiedNotification,
} from './provider.js';

/** The only shop of the sandbox: the user name of its HTTP Basic credential. */
export const SANDBOX_SHOP_ID = 'sandbox';
/** The header a notification's signature comes in: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';
/** A notification signed longer ago (or further ahead) than this is refused as a replay. */
export const SANDBOX_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The events the sandbox notifies about; the object of each is the payment as the API returns it. */
export type SandboxEvent = 'payment.succeeded' | 'payment.canceled' | 'refund.succeeded';
const EVENTS: ReadonlySet<string> = new Set<SandboxEvent>([
  'payment.succeeded',
  'payment.canceled',
  'refund.succeeded',
]);

/** The payment as the sandbox API returns it (and as it is the `object` of a notification). */
export interface SandboxPaymentJson {
  id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  amount_kopecks: number;
  description: string;
  metadata: Record<string, string>;
  confirmation_url: string | null;
  refunded_kopecks: number;
  cancellation_reason: string | null;
  captured_at: string | null;
  created_at: string;
  card_last4: string | null;
  test: true;
}

function signatureHex(secret: string, body: string, t: number): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

/** The `x-sandbox-signature` header value for `body` sent at `t` (unix seconds). */
export function signSandboxNotification(secret: string, body: string, t: number): string {
  return `t=${t},v1=${signatureHex(secret, body, t)}`;
}

export interface SandboxProviderOptions {
  /** The sandbox's base URL, e.g. http://localhost:4000/sandbox-acquirer (its API is under /api). */
  readonly apiUrl: string;
  /** The API credential (HTTP Basic `sandbox:<secret>`) and the key notifications are signed with. */
  readonly secret: string;
  readonly transport?: HttpTransport;
  /** Milliseconds since the epoch (for the replay window of notifications). */
  readonly now?: () => number;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly apiUrl: string;
  private readonly secret: string;
  private readonly authorization: string;
  private readonly transport: HttpTransport;
  private readonly now: () => number;

  constructor(options: SandboxProviderOptions) {
    this.apiUrl = `${options.apiUrl.replace(/\/+$/, '')}/api`;
    this.secret = options.secret;
    this.authorization = `Basic ${Buffer.from(`${SANDBOX_SHOP_ID}:${options.secret}`).toString('base64')}`;
    this.transport = options.transport ?? fetchTransport();
    this.now = options.now ?? Date.now;
  }

  async create(request: CreatePaymentRequest): Promise<ProviderPayment> {
    const body = {
      amount_kopecks: request.amountKopecks,
      description: request.description,
      return_url: request.returnUrl,
      metadata: { paymentId: request.paymentId },
      receipt: {
        email: request.receipt.email,
        items: request.receipt.items.map((item) => ({
          description: item.description,
          amount_kopecks: item.amountKopecks,
          quantity: item.quantity,
          vat_rate: item.vatRate,
        })),
      },
    };
    return this.paymentFrom(await this.call('POST', '/payments', body, request.idempotenceKey));
  }

  async fetch(providerPaymentId: string): Promise<ProviderPayment> {
    return this.paymentFrom(await this.call('GET', `/payments/${encodeURIComponent(providerPaymentId)}`));
  }

  async cancel(providerPaymentId: string, idempotenceKey: string): Promise<ProviderPayment> {
    const path = `/payments/${encodeURIComponent(providerPaymentId)}/cancel`;
    return this.paymentFrom(await this.call('POST', path, {}, idempotenceKey));
  }

  async refund(
    providerPaymentId: string,
    amountKopecks: number,
    idempotenceKey: string,
  ): Promise<{ refundId: string; status: 'pending' | 'succeeded' | 'canceled' }> {
    const body = { payment_id: providerPaymentId, amount_kopecks: amountKopecks };
    const answer = await this.call('POST', '/refunds', body, idempotenceKey);
    if (
      !isObject(answer) ||
      typeof answer.id !== 'string' ||
      (answer.status !== 'pending' && answer.status !== 'succeeded' && answer.status !== 'canceled')
    ) {
      throw new ProviderError('The sandbox acquirer answered a refund with an unexpected body', true);
    }
    return { refundId: answer.id, status: answer.status };
  }

  async verifyNotification(notification: IncomingNotification): Promise<VerifiedNotification | null> {
    const header = notification.headers[SANDBOX_SIGNATURE_HEADER];
    if (typeof header !== 'string') return null;
    const fields = new Map<string, string>();
    for (const part of header.split(',')) {
      const at = part.indexOf('=');
      if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    const t = fields.get('t') ?? '';
    const given = fields.get('v1') ?? '';
    if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/i.test(given)) return null;
    const expected = Buffer.from(signatureHex(this.secret, notification.rawBody, Number(t)), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return null;
    if (Math.abs(this.now() / 1000 - Number(t)) > SANDBOX_SIGNATURE_TOLERANCE_SECONDS) return null;

    let body: unknown;
    try {
      body = JSON.parse(notification.rawBody);
    } catch {
      return null;
    }
    if (!isObject(body) || typeof body.id !== 'string' || !body.id || typeof body.event !== 'string') return null;
    if (!EVENTS.has(body.event)) return null;
    const payment = toProviderPayment(body.object);
    return payment ? { eventId: body.id, payment } : null;
  }

  private paymentFrom(answer: unknown): ProviderPayment {
    const payment = toProviderPayment(answer);
    if (!payment) throw new ProviderError('The sandbox acquirer answered with an unexpected payment body', true);
    return payment;
  }

  /** One API call; the parsed JSON of a 2xx answer, a ProviderError otherwise (never carrying the credential). */
  private async call(method: 'GET' | 'POST', path: string, body?: object, idempotenceKey?: string): Promise<unknown> {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotenceKey !== undefined) headers['idempotence-key'] = idempotenceKey;
    const what = `${method} ${path}`;
    const response = await sendToAcquirer(
      this.transport,
      { method, url: `${this.apiUrl}${path}`, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      (reason) => `The sandbox acquirer could not be reached (${what}): ${reason}`,
    );
    // A non-JSON answer (a proxy's error page) is reported by its status below.
    const parsed = parseJsonBody(response.body);
    if (response.status >= 200 && response.status < 300) {
      if (parsed === undefined) throw new ProviderError(`The sandbox acquirer answered ${what} with no JSON`, true);
      return parsed;
    }
    const error = isObject(parsed) && isObject(parsed.error) ? parsed.error : {};
    const detail = [
      error.code,
      typeof error.parameter === 'string' && error.parameter ? `(${error.parameter})` : '',
      error.description,
    ]
      .filter((part) => typeof part === 'string' && part)
      .join(' ')
      .slice(0, 300);
    const retryable = response.status >= 500 || response.status === 429;
    throw new ProviderError(
      `The sandbox acquirer answered ${what} with ${response.status}${detail ? `: ${detail}` : ''}`,
      retryable,
      response.status,
    );
  }
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** The sandbox's payment JSON on our terms; null when it is not one. */
function toProviderPayment(value: unknown): ProviderPayment | null {
  if (!isObject(value)) return null;
  const { id, status, amount_kopecks, confirmation_url, refunded_kopecks, cancellation_reason, captured_at } = value;
  if (typeof id !== 'string' || !id) return null;
  if (status !== 'pending' && status !== 'succeeded' && status !== 'canceled') return null;
  if (!isCount(amount_kopecks) || !isCount(refunded_kopecks)) return null;
  if (!isStringOrNull(confirmation_url) || !isStringOrNull(cancellation_reason) || !isStringOrNull(captured_at)) {
    return null;
  }
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return {
    id,
    status,
    amountKopecks: amount_kopecks,
    confirmationUrl: confirmation_url,
    refundedKopecks: refunded_kopecks,
    cancellationReason: cancellation_reason,
    paymentId: typeof metadata.paymentId === 'string' ? metadata.paymentId : null,
    paidAt: captured_at,
  };
}
