// What Kabinet needs from an acquirer (эквайер): the contract every payment provider adapter implements.
// Amounts are integer kopecks everywhere on our side; an adapter converts to the acquirer's own format.
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../core/http-transport.js';

/** The acquirer's view of a payment, mapped onto our terms. */
export interface ProviderPayment {
  /** The acquirer's id of the payment (unique per provider). */
  readonly id: string;
  /** `pending`: waiting for the payer; `succeeded`: money taken; `canceled`: declined, expired or cancelled. */
  readonly status: 'pending' | 'succeeded' | 'canceled';
  readonly amountKopecks: number;
  /** Where the payer confirms the payment (the hosted payment page), while it is pending. */
  readonly confirmationUrl: string | null;
  /** Kopecks refunded so far (0 when none). */
  readonly refundedKopecks: number;
  /** Why a canceled payment did not go through, in the acquirer's words (a code such as `card_declined`). */
  readonly cancellationReason: string | null;
  /** Our payment id, echoed back from `CreatePaymentRequest.paymentId` (metadata). */
  readonly paymentId: string | null;
  /** When the acquirer captured the money (ISO 8601), for succeeded payments. */
  readonly paidAt: string | null;
}

/** One line of the 54-ФЗ receipt the acquirer's online cash register issues. */
export interface ReceiptItem {
  readonly description: string;
  /** The line's total (price × quantity); Kabinet sends one line of quantity 1 per payment. */
  readonly amountKopecks: number;
  readonly quantity: number;
  /** VAT rate in percent (22, 20, 10, 0) or null for «без НДС». */
  readonly vatRate: number | null;
}

export interface CreatePaymentRequest {
  /** Our payment id; the acquirer keeps it in the payment's metadata and echoes it in notifications. */
  readonly paymentId: string;
  /** Makes a repeated create (after a timeout) return the same payment instead of a second one. */
  readonly idempotenceKey: string;
  readonly amountKopecks: number;
  /** Shown to the payer on the payment page (up to 128 characters). */
  readonly description: string;
  /** Where the payment page sends the payer back, whatever the outcome. */
  readonly returnUrl: string;
  /** For the 54-ФЗ receipt. */
  readonly receipt: { readonly email: string; readonly items: readonly ReceiptItem[] };
}

/** An incoming notification after verification: what happened, according to the acquirer itself. */
export interface VerifiedNotification {
  /** Unique per delivered event; a repeated delivery carries the same id (deduplication key). */
  readonly eventId: string;
  readonly payment: ProviderPayment;
}

export interface IncomingNotification {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body exactly as received (signatures are computed over the raw bytes). */
  readonly rawBody: string;
  readonly remoteAddress: string;
}

export interface PaymentProvider {
  /** `sandbox` or `yookassa`: stored with each payment, and the last segment of its webhook path. */
  readonly name: string;
  create(request: CreatePaymentRequest): Promise<ProviderPayment>;
  fetch(providerPaymentId: string): Promise<ProviderPayment>;
  /**
   * Cancels a payment the payer has not completed. Not every acquirer can: YooKassa cancels only payments waiting
   * for capture (Kabinet captures at once), and refuses others with a non-retryable ProviderError; its unconfirmed
   * payments expire by themselves (`expired_on_confirmation`).
   */
  cancel(providerPaymentId: string, idempotenceKey: string): Promise<ProviderPayment>;
  refund(
    providerPaymentId: string,
    amountKopecks: number,
    idempotenceKey: string,
  ): Promise<{ refundId: string; status: 'pending' | 'succeeded' | 'canceled' }>;
  /**
   * Checks that a notification really comes from the acquirer (a signature, or fetching the payment back) and
   * returns what it reports; null when it is forged, malformed or about something we do not handle. Throws a
   * ProviderError when it cannot tell now (the acquirer did not answer the fetch): the route answers 503 to a
   * retryable one, so the acquirer delivers again, and 400 to one that will not get better.
   */
  verifyNotification(notification: IncomingNotification): Promise<VerifiedNotification | null>;
}

/** The acquirer could not be reached or failed; `retryable` when the same call may succeed later. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Whether a parsed JSON value is an object (not null, not an array): the shape every acquirer body must have. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sends one request to an acquirer. A transport failure (a timeout, a network error) becomes a retryable
 * ProviderError with the message `unreachable` makes of the reason: the request may or may not have got there, and
 * the same idempotence key makes the repeat safe.
 */
export async function sendToAcquirer(
  transport: HttpTransport,
  request: HttpRequest,
  unreachable: (reason: string) => string,
): Promise<HttpResponse> {
  try {
    return await transport(request);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ProviderError(unreachable(reason), true);
  }
}

/** An answer's body as JSON; undefined when it is empty or not JSON (a proxy's error page). */
export function parseJsonBody(body: string): unknown {
  try {
    return body === '' ? undefined : JSON.parse(body);
  } catch {
    return undefined;
  }
}

export {
  fetchTransport,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '../../../core/http-transport.js';
