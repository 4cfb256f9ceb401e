// A small, faithful fake of the YooKassa API v3 on a real local socket: the adapter's unit tests
// (server/src/subgraphs/payments/provider/yookassa.test.ts) and Kabinet's end-to-end flow with PAYMENT_PROVIDER=yookassa.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = Record<string, any>;

/**
 * An answer a test forces. Without `method`/`path` it answers the next request whatever it is; with them, only the
 * next request to that method and path (so that a background GET does not take an answer meant for a create).
 */
export interface ForcedAnswer {
  readonly status: number;
  readonly body: Json;
  readonly method?: string;
  /** The path after `/v3`, such as `/payments`. */
  readonly path?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Json | null;
}

/**
 * What the YooKassa API v3 does, as far as the adapter relies on it: Basic auth with shopId:secretKey, an
 * Idempotence-Key required on every POST (a repeat with the same key returns the stored answer, the same key
 * with another request is refused), payments kept in memory, YooKassa-shaped JSON and error objects.
 * `forced` answers queued by a test take precedence over everything but auth (outages, throttling, 202).
 */
export class FakeYooKassa {
  readonly payments = new Map<string, Json>();
  readonly requests: RecordedRequest[] = [];
  /** Answers given instead of the real one, first come first served, each once, to the requests they match. */
  readonly forced: ForcedAnswer[] = [];
  private readonly idempotence = new Map<string, { request: string; status: number; body: Json }>();
  private readonly basic: string;
  private server!: Server;
  url = '';

  constructor(
    readonly shopId: string,
    readonly secretKey: string,
  ) {
    this.basic = Buffer.from(`${shopId}:${secretKey}`).toString('base64');
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** What the payer (or YooKassa itself) did to a payment meanwhile. */
  update(id: string, patch: Json): void {
    const payment = this.payments.get(id);
    if (!payment) throw new Error(`no payment ${id}`);
    Object.assign(payment, patch);
  }

  succeed(id: string): string {
    const capturedAt = '2026-03-01T10:15:42.512Z';
    this.update(id, { status: 'succeeded', paid: true, captured_at: capturedAt, refundable: true });
    return capturedAt;
  }

  private error(status: number, code: string, description: string, parameter?: string): { status: number; body: Json } {
    return { status, body: { type: 'error', id: randomUUID(), code, description, ...(parameter && { parameter }) } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').replace(/^\/v3/, '');
    let body: Json | null = null;
    let malformed = false;
    if (raw) {
      try {
        body = JSON.parse(raw) as Json;
      } catch {
        malformed = true;
      }
    }
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    const answer = this.answer(req, path, body, malformed);
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }

  private answer(req: IncomingMessage, path: string, body: Json | null, malformed: boolean) {
    if (req.headers.authorization !== `Basic ${this.basic}`) {
      return this.error(401, 'invalid_credentials', "Login and password don't match. Check your credentials");
    }
    const index = this.forced.findIndex(
      (f) => (f.method === undefined || f.method === req.method) && (f.path === undefined || f.path === path),
    );
    if (index >= 0) {
      const [forced] = this.forced.splice(index, 1);
      return { status: forced!.status, body: forced!.body };
    }
    if (req.method === 'GET') return this.get(path);
    if (req.method !== 'POST') return this.error(405, 'invalid_request', 'Method not allowed');

    const key = req.headers['idempotence-key'];
    if (typeof key !== 'string' || !key) {
      return this.error(400, 'invalid_request', 'Idempotence key header is missing', 'Idempotence-Key');
    }
    if (key.length > 64) return this.error(400, 'invalid_request', 'Idempotence key is too long', 'Idempotence-Key');
    if (malformed || !body) return this.error(400, 'invalid_request', 'Request body is not a valid JSON');
    const fingerprint = `${path} ${JSON.stringify(body)}`;
    const stored = this.idempotence.get(key);
    if (stored) {
      if (stored.request !== fingerprint) {
        return this.error(400, 'invalid_request', 'Idempotence key duplicated for another request', 'Idempotence-Key');
      }
      return stored;
    }
    const result = this.post(path, body);
    this.idempotence.set(key, { request: fingerprint, ...result });
    return result;
  }

  private get(path: string) {
    const match = /^\/payments\/([^/]+)$/.exec(path);
    const payment = match && this.payments.get(decodeURIComponent(match[1]!));
    if (!payment) return this.error(404, 'not_found', "Payment doesn't exist or access denied", 'payment_id');
    return { status: 200, body: payment };
  }

  private post(path: string, body: Json) {
    if (path === '/payments') return this.createPayment(body);
    if (path === '/refunds') return this.createRefund(body);
    const cancel = /^\/payments\/([^/]+)\/cancel$/.exec(path);
    if (cancel) {
      const payment = this.payments.get(decodeURIComponent(cancel[1]!));
      if (!payment) return this.error(404, 'not_found', "Payment doesn't exist or access denied", 'payment_id');
      // Only an authorised, not yet captured payment can be cancelled through the API.
      if (payment.status !== 'waiting_for_capture') {
        return this.error(400, 'invalid_request', `Payment in status ${payment.status} can't be canceled`);
      }
      Object.assign(payment, {
        status: 'canceled',
        paid: false,
        cancellation_details: { party: 'merchant', reason: 'canceled_by_merchant' },
      });
      return { status: 200, body: payment };
    }
    return this.error(404, 'not_found', 'Unknown endpoint');
  }

  private createPayment(body: Json) {
    const value = body.amount?.value;
    if (typeof value !== 'string' || !/^\d+\.\d{2}$/.test(value) || body.amount.currency !== 'RUB') {
      return this.error(400, 'invalid_request', 'Invalid amount', 'amount');
    }
    if (body.confirmation?.type !== 'redirect' || typeof body.confirmation.return_url !== 'string') {
      return this.error(400, 'invalid_request', 'Invalid confirmation', 'confirmation');
    }
    if (!/^https?:\/\/\S+$/.test(body.confirmation.return_url)) {
      return this.error(400, 'invalid_request', 'Invalid return_url', 'confirmation.return_url');
    }
    if (typeof body.description === 'string' && body.description.length > 128) {
      return this.error(400, 'invalid_request', 'Description is too long', 'description');
    }
    const items = body.receipt?.items;
    if (!body.receipt?.customer?.email || !Array.isArray(items) || !items.length) {
      return this.error(400, 'invalid_request', 'Receipt is missing or incomplete', 'receipt');
    }
    const cents = (amount: string) => Math.round(Number(amount) * 100); // the fake may be sloppy; the adapter may not
    let total = 0;
    for (const item of items as Json[]) {
      const vat = item.vat_code;
      if (!Number.isInteger(vat) || vat < 1 || vat > 12) {
        return this.error(400, 'invalid_request', 'Invalid vat_code', 'receipt.items.vat_code');
      }
      if (typeof item.description !== 'string' || !item.description || item.description.length > 128) {
        return this.error(400, 'invalid_request', 'Invalid item description', 'receipt.items.description');
      }
      total += cents(item.amount?.value) * Number(item.quantity);
    }
    if (total !== cents(value)) {
      return this.error(400, 'invalid_request', 'Receipt items do not add up to the payment amount', 'receipt');
    }
    const id = randomUUID();
    const payment: Json = {
      id,
      status: 'pending',
      paid: false,
      amount: body.amount,
      confirmation: {
        type: 'redirect',
        return_url: body.confirmation.return_url,
        confirmation_url: `https://yoomoney.ru/checkout/payments/v2/contract?orderId=${id}`,
      },
      created_at: new Date().toISOString(),
      description: body.description,
      metadata: body.metadata ?? {},
      recipient: { account_id: this.shopId, gateway_id: '2120000' },
      refundable: false,
      test: true,
    };
    this.payments.set(id, payment);
    return { status: 200, body: payment };
  }

  private createRefund(body: Json) {
    const payment = typeof body.payment_id === 'string' ? this.payments.get(body.payment_id) : undefined;
    if (!payment) return this.error(404, 'not_found', "Payment doesn't exist or access denied", 'payment_id');
    if (payment.status !== 'succeeded') {
      return this.error(400, 'invalid_request', 'Payment is not succeeded, it cannot be refunded', 'payment_id');
    }
    const refunded = payment.refunded_amount ? Number(payment.refunded_amount.value) : 0;
    const asked = Number(body.amount?.value);
    if (body.amount?.currency !== 'RUB' || !(asked > 0) || refunded + asked > Number(payment.amount.value) + 1e-9) {
      return this.error(400, 'invalid_request', 'Refund amount exceeds the payment amount', 'amount');
    }
    payment.refunded_amount = { value: (refunded + asked).toFixed(2), currency: 'RUB' };
    const refund = {
      id: randomUUID(),
      payment_id: payment.id,
      status: 'succeeded',
      created_at: new Date().toISOString(),
      amount: body.amount,
    };
    return { status: 200, body: refund };
  }
}
