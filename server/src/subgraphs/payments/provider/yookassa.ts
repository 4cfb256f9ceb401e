// The YooKassa (ЮKassa) API v3 adapter: https://yookassa.ru/developers/api
// HTTP Basic auth with the shop id and the secret key, JSON both ways, an Idempotence-Key on every POST.
// Notifications are not signed: we trust only what the API itself reports when asked for the payment back.
import { BlockList, isIPv4, isIPv6 } from 'node:net';
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
  type ReceiptItem,
  type VerifiedNotification,
} from './provider.js';

export interface YooKassaOptions {
  /** `https://api.yookassa.ru/v3` in production. */
  readonly apiUrl: string;
  readonly shopId: string;
  readonly secretKey: string;
  readonly transport?: HttpTransport;
  readonly log?: { warn(obj: object, msg: string): void };
  /**
   * Accept notifications only from the addresses YooKassa publishes. Off by default: the fetch-back check alone
   * already defeats a forged notification. `remoteAddress` is the client the public edge resolved through
   * TRUSTED_PROXIES (without them, behind a proxy, it is the proxy's).
   */
  readonly checkSourceIp?: boolean;
}

/** Descriptions (of the payment and of each receipt line) are limited to 128 characters. */
const MAX_TEXT_LENGTH = 128;
/** YooKassa accepts an Idempotence-Key of up to 64 characters. */
const MAX_IDEMPOTENCE_KEY_LENGTH = 64;
/** Payment and refund ids are UUID-like (`2a1b3c4d-000f-5000-9000-1a2b3c4d5e6f`); anything else is not YooKassa's. */
const OBJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `vat_code` of a receipt line (https://yookassa.ru/developers/54fz/parameters-values, «Коды ставок НДС»):
 * 1 без НДС, 2 — 0%, 3 — 10%, 4 — 20%, 11 — 22% (from 1 January 2026; 12 is the calculated rate 22/122).
 */
const VAT_CODES: ReadonlyMap<number | null, number> = new Map<number | null, number>([
  [null, 1],
  [0, 2],
  [10, 3],
  [20, 4],
  [22, 11],
]);

/** The notification senders YooKassa publishes (https://yookassa.ru/developers/using-api/webhooks). */
export const YOOKASSA_NOTIFICATION_NETWORKS: readonly string[] = [
  '185.71.76.0/27',
  '185.71.77.0/27',
  '77.75.153.0/25',
  '77.75.156.11/32',
  '77.75.156.35/32',
  '77.75.154.128/25',
  '2a02:5180::/32',
];

const notificationSenders = new BlockList();
for (const network of YOOKASSA_NOTIFICATION_NETWORKS) {
  const [address = '', prefix = ''] = network.split('/');
  notificationSenders.addSubnet(address, Number(prefix), isIPv6(address) ? 'ipv6' : 'ipv4');
}

/** Whether a peer address belongs to YooKassa's notification senders (IPv4, IPv6 and IPv4-mapped IPv6). */
export function isYooKassaAddress(remoteAddress: string): boolean {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(remoteAddress);
  const address = mapped?.[1] ?? remoteAddress;
  if (isIPv4(address)) return notificationSenders.check(address, 'ipv4');
  if (isIPv6(address)) return notificationSenders.check(address, 'ipv6');
  return false;
}

/** Integer kopecks as YooKassa's amount value: 123456 → "1234.56" (string arithmetic, no floating point). */
export function kopecksToValue(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new RangeError(`not an amount in kopecks: ${kopecks}`);
  const digits = String(kopecks).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** YooKassa's amount value as integer kopecks: "1234.56" → 123456, "10" → 1000; null when it is not an amount. */
export function valueToKopecks(value: string): number | null {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const kopecks = Number(`${match[1]}${(match[2] ?? '').padEnd(2, '0')}`);
  return Number.isSafeInteger(kopecks) ? kopecks : null;
}

/** Cuts a text to `max` characters (code points, so a surrogate pair is never split). */
function truncate(text: string, max = MAX_TEXT_LENGTH): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export class YooKassaProvider implements PaymentProvider {
  readonly name = 'yookassa';
  private readonly apiUrl: string;
  private readonly authorization: string;
  private readonly transport: HttpTransport;
  private readonly secrets: readonly string[];

  constructor(private readonly options: YooKassaOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    const credentials = Buffer.from(`${options.shopId}:${options.secretKey}`, 'utf8').toString('base64');
    this.authorization = `Basic ${credentials}`;
    this.transport = options.transport ?? fetchTransport();
    // Scrubbed from every error message, whatever echoes them (a transport error, a proxy's error page).
    this.secrets = [options.secretKey, credentials].filter((secret) => secret.length >= 4);
  }

  async create(request: CreatePaymentRequest): Promise<ProviderPayment> {
    const body = {
      amount: this.amount(request.amountKopecks),
      capture: true,
      confirmation: { type: 'redirect', return_url: request.returnUrl },
      description: truncate(request.description),
      metadata: { paymentId: request.paymentId },
      receipt: {
        customer: { email: request.receipt.email },
        items: this.receiptItems(request.receipt.items, request.amountKopecks),
      },
    };
    const payment = await this.call('POST', '/payments', body, request.idempotenceKey);
    return this.toPayment(payment, 'POST /payments');
  }

  async fetch(providerPaymentId: string): Promise<ProviderPayment> {
    const path = `/payments/${this.objectId(providerPaymentId)}`;
    const payment = this.toPayment(await this.call('GET', path), `GET ${path}`);
    if (payment.id !== providerPaymentId) {
      throw new ProviderError(`YooKassa answered GET ${path} with another payment (${payment.id})`, false);
    }
    return payment;
  }

  async cancel(providerPaymentId: string, idempotenceKey: string): Promise<ProviderPayment> {
    const path = `/payments/${this.objectId(providerPaymentId)}/cancel`;
    return this.toPayment(await this.call('POST', path, {}, idempotenceKey), `POST ${path}`);
  }

  async refund(
    providerPaymentId: string,
    amountKopecks: number,
    idempotenceKey: string,
  ): Promise<{ refundId: string; status: 'pending' | 'succeeded' | 'canceled' }> {
    if (!Number.isSafeInteger(amountKopecks) || amountKopecks <= 0) {
      throw new ProviderError(`refund amount must be a positive number of kopecks, got ${amountKopecks}`, false);
    }
    const body = { payment_id: this.objectId(providerPaymentId), amount: this.amount(amountKopecks) };
    const refund = await this.call('POST', '/refunds', body, idempotenceKey);
    if (!isObject(refund) || typeof refund.id !== 'string' || !refund.id) {
      throw new ProviderError('YooKassa answered POST /refunds with no refund id', false);
    }
    const status = refund.status;
    if (status !== 'pending' && status !== 'succeeded' && status !== 'canceled') {
      throw new ProviderError(`YooKassa answered POST /refunds with an unknown status ${String(status)}`, false);
    }
    return { refundId: refund.id, status };
  }

  async verifyNotification(notification: IncomingNotification): Promise<VerifiedNotification | null> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(notification.rawBody);
    } catch {
      return null;
    }
    if (!isObject(parsed) || parsed.type !== 'notification' || typeof parsed.event !== 'string') return null;
    const { event, object } = parsed;
    if (!isObject(object) || typeof object.id !== 'string' || !OBJECT_ID.test(object.id)) return null;

    let paymentId: unknown;
    switch (event) {
      case 'payment.succeeded':
      case 'payment.canceled':
      case 'payment.waiting_for_capture':
        paymentId = object.id;
        break;
      case 'refund.succeeded':
        paymentId = object.payment_id;
        break;
      default:
        return null; // an event we do not subscribe to (payout.*, deal.*, ...)
    }
    if (typeof paymentId !== 'string' || !OBJECT_ID.test(paymentId)) return null;

    if (this.options.checkSourceIp && !isYooKassaAddress(notification.remoteAddress)) {
      this.options.log?.warn(
        { remoteAddress: notification.remoteAddress, event },
        'YooKassa notification from an address outside the published ranges; ignored',
      );
      return null;
    }

    // The body is unsigned: anyone can post it. What counts is the payment as the API reports it now.
    let payment: ProviderPayment;
    try {
      payment = await this.fetch(paymentId);
    } catch (error) {
      // 404: no such payment in our shop; 400: not a payment id YooKassa accepts. Either way the body is forged.
      if (error instanceof ProviderError && (error.status === 404 || error.status === 400)) {
        this.options.log?.warn(
          { paymentId, event, status: error.status },
          'YooKassa notification about a payment the API does not know; ignored',
        );
        return null;
      }
      throw error;
    }
    return { eventId: `${event}:${object.id}`, payment };
  }

  /** One API call; the parsed JSON of a 2xx answer, a ProviderError otherwise. */
  private async call(method: 'GET' | 'POST', path: string, body?: object, idempotenceKey?: string): Promise<unknown> {
    const what = `${method} ${path}`;
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' };
    if (method === 'POST') {
      if (!idempotenceKey || idempotenceKey.length > MAX_IDEMPOTENCE_KEY_LENGTH) {
        throw new ProviderError(
          `${what}: the Idempotence-Key must be 1–${MAX_IDEMPOTENCE_KEY_LENGTH} characters`,
          false,
        );
      }
      headers['Idempotence-Key'] = idempotenceKey;
      headers['Content-Type'] = 'application/json';
    }

    const response = await sendToAcquirer(
      this.transport,
      { method, url: `${this.apiUrl}${path}`, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      (reason) => {
        const message = this.redact(`YooKassa is unreachable (${what}): ${reason}`);
        this.options.log?.warn({ request: what }, message);
        return message;
      },
    );

    const { status } = response;
    if (status === 202) {
      // «Запрос принят, но ещё обрабатывается»: repeat it later with the same Idempotence-Key.
      throw new ProviderError(`YooKassa is still processing ${what} (HTTP 202); repeat it later`, true, status);
    }
    const json = parseJsonBody(response.body);
    if (status >= 200 && status < 300) {
      if (json === undefined) throw new ProviderError(`YooKassa answered ${what} with no JSON`, false, status);
      return json;
    }

    const retryable = status === 429 || status >= 500;
    let detail = '';
    if (isObject(json)) {
      const code = optionalString(json.code);
      const description = optionalString(json.description);
      const parameter = optionalString(json.parameter);
      detail = [code, description, parameter && `(parameter ${parameter})`].filter(Boolean).join(' ');
    }
    const message = this.redact(`YooKassa refused ${what}: HTTP ${status}${detail ? ` ${detail}` : ''}`);
    if (retryable) this.options.log?.warn({ request: what, status }, message);
    throw new ProviderError(message, retryable, status);
  }

  private redact(message: string): string {
    let result = message;
    for (const secret of this.secrets) result = result.split(secret).join('***');
    return result;
  }

  private objectId(id: string): string {
    if (!OBJECT_ID.test(id)) throw new ProviderError(`not a YooKassa object id: ${JSON.stringify(id)}`, false);
    return id;
  }

  private amount(kopecks: number): { value: string; currency: 'RUB' } {
    if (!Number.isSafeInteger(kopecks) || kopecks <= 0) {
      throw new ProviderError(`amount must be a positive number of kopecks, got ${kopecks}`, false);
    }
    return { value: kopecksToValue(kopecks), currency: 'RUB' };
  }

  /**
   * The 54-ФЗ receipt lines. `ReceiptItem.amountKopecks` is taken as the line's total, while YooKassa wants
   * the price of one unit, so the total must divide evenly by the (integer) quantity; the lines must add up
   * to the payment, which YooKassa would otherwise refuse with a less helpful error.
   */
  private receiptItems(items: readonly ReceiptItem[], paymentKopecks: number): object[] {
    if (!items.length) throw new ProviderError('the receipt has no lines', false);
    let total = 0;
    const lines = items.map((item, index) => {
      const vatCode = VAT_CODES.get(item.vatRate);
      if (vatCode === undefined) {
        throw new ProviderError(`receipt line ${index + 1}: no YooKassa vat_code for VAT rate ${item.vatRate}`, false);
      }
      if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
        throw new ProviderError(`receipt line ${index + 1}: quantity must be a positive integer`, false);
      }
      if (!Number.isSafeInteger(item.amountKopecks) || item.amountKopecks <= 0) {
        throw new ProviderError(`receipt line ${index + 1}: amount must be a positive number of kopecks`, false);
      }
      if (item.amountKopecks % item.quantity !== 0) {
        throw new ProviderError(`receipt line ${index + 1}: the amount does not divide by the quantity`, false);
      }
      total += item.amountKopecks;
      return {
        description: truncate(item.description),
        quantity: `${item.quantity}.00`,
        amount: this.amount(item.amountKopecks / item.quantity),
        vat_code: vatCode,
        payment_mode: 'full_payment',
        payment_subject: 'service',
      };
    });
    if (total !== paymentKopecks) {
      throw new ProviderError(`the receipt lines add up to ${total} kopecks, the payment is ${paymentKopecks}`, false);
    }
    return lines;
  }

  private money(value: unknown, what: string): number {
    if (!isObject(value) || typeof value.value !== 'string') {
      throw new ProviderError(`YooKassa answered ${what} with no amount`, false);
    }
    if (value.currency !== 'RUB') {
      throw new ProviderError(`YooKassa answered ${what} with an amount in ${String(value.currency)}, not RUB`, false);
    }
    const kopecks = valueToKopecks(value.value);
    if (kopecks === null) {
      throw new ProviderError(`YooKassa answered ${what} with an unreadable amount ${value.value}`, false);
    }
    return kopecks;
  }

  /** A YooKassa payment object in our terms. */
  private toPayment(value: unknown, what: string): ProviderPayment {
    if (!isObject(value) || typeof value.id !== 'string' || !value.id) {
      throw new ProviderError(`YooKassa answered ${what} with no payment`, false);
    }
    let status: ProviderPayment['status'];
    switch (value.status) {
      case 'pending':
      case 'waiting_for_capture': // not expected (we always send capture: true): the money is not taken yet
        status = 'pending';
        break;
      case 'succeeded':
        status = 'succeeded';
        break;
      case 'canceled':
        status = 'canceled';
        break;
      default:
        throw new ProviderError(`YooKassa answered ${what} with an unknown status ${String(value.status)}`, false);
    }
    const confirmation = isObject(value.confirmation) ? value.confirmation : {};
    const cancellation = isObject(value.cancellation_details) ? value.cancellation_details : {};
    const metadata = isObject(value.metadata) ? value.metadata : {};
    return {
      id: value.id,
      status,
      amountKopecks: this.money(value.amount, what),
      confirmationUrl: status === 'pending' ? optionalString(confirmation.confirmation_url) : null,
      refundedKopecks: value.refunded_amount === undefined ? 0 : this.money(value.refunded_amount, what),
      cancellationReason: status === 'canceled' ? optionalString(cancellation.reason) : null,
      paymentId: optionalString(metadata.paymentId),
      paidAt: status === 'succeeded' ? optionalString(value.captured_at) : null,
    };
  }
}
