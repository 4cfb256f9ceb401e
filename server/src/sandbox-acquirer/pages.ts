// The hosted payment page: the payer types a test card (and a 3-D Secure code), the payment moves on once, and
// the outcome page leads back to the merchant. Form posts are application/x-www-form-urlencoded, parsed here only.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PAYMENT_ID } from './api.js';
import { cardBehaviour, checkCardForm, THREE_DS_CODE } from './cards.js';
import { notFoundPage, outcomePage, paymentPage, threeDsPage } from './html.js';
import type { PaymentRow, SandboxStore, Transition } from './store.js';

export interface PagesContext {
  readonly store: SandboxStore;
  /** The clock of card expiry dates (tests move it). */
  readonly now?: () => Date;
}

type Params = { Params: { id: string } };

function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.slice(0, 64) : '';
}

export async function registerPages(scope: FastifyInstance, context: PagesContext): Promise<void> {
  const { store } = context;
  const now = context.now ?? (() => new Date());

  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const html = (reply: FastifyReply, status: number, page: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(page);

  /** The payment (expired first if its time is up), or null for an id that is not one of ours. */
  const load = (id: string): Promise<PaymentRow | null> =>
    PAYMENT_ID.test(id) ? store.transaction((db) => store.payment(db, id)) : Promise.resolve(null);

  /** Moves the payment on and shows the outcome; when another request moved it first, shows what that did. */
  async function finish(reply: FastifyReply, id: string, change: Transition) {
    const moved = await store.transaction((db) => store.transition(db, id, change, true));
    const payment = moved ?? (await load(id));
    return payment ? html(reply, 200, outcomePage(payment)) : html(reply, 404, notFoundPage());
  }

  scope.get<Params>('/pay/:id', async (request, reply) => {
    const payment = await load(request.params.id);
    if (!payment) return html(reply, 404, notFoundPage());
    if (payment.status !== 'pending') return html(reply, 200, outcomePage(payment));
    return html(reply, 200, paymentPage(payment, now()));
  });

  scope.post<Params>('/pay/:id', async (request, reply) => {
    const { id } = request.params;
    const payment = await load(id);
    if (!payment) return html(reply, 404, notFoundPage());
    // Never charged twice: a payment that has moved on shows how it ended.
    if (payment.status !== 'pending') return html(reply, 200, outcomePage(payment));
    const form = {
      card: formField(request.body, 'card'),
      expiry: formField(request.body, 'expiry'),
      cvc: formField(request.body, 'cvc'),
    };
    const checked = checkCardForm(form, now());
    if (!checked.ok) {
      return html(
        reply,
        400,
        paymentPage(payment, now(), { card: form.card, expiry: form.expiry, errors: checked.errors }),
      );
    }
    const cardLast4 = checked.digits.slice(-4);
    switch (cardBehaviour(checked.digits)) {
      case 'succeed':
        return finish(reply, id, { to: 'succeeded', cardLast4 });
      case 'decline':
        return finish(reply, id, { to: 'canceled', reason: 'card_declined', cardLast4 });
      case 'unsupported':
        return finish(reply, id, { to: 'canceled', reason: 'card_not_supported', cardLast4 });
      case '3ds': {
        const waiting = await store.transaction((db) => store.awaitThreeDs(db, id, cardLast4));
        if (!waiting) {
          const after = await load(id);
          return after ? html(reply, 200, outcomePage(after)) : html(reply, 404, notFoundPage());
        }
        // Relative to /pay/<id>: /pay/<id>/3ds, on our own origin (allowed by form-action 'self').
        return reply.header('cache-control', 'no-store').redirect(`${encodeURIComponent(id)}/3ds`, 303);
      }
    }
  });

  scope.get<Params>('/pay/:id/3ds', async (request, reply) => {
    const { id } = request.params;
    const payment = await load(id);
    if (!payment) return html(reply, 404, notFoundPage());
    if (payment.status !== 'pending') return html(reply, 200, outcomePage(payment));
    // No card waits for a code: back to the card form (relative to /pay/<id>/3ds).
    if (!payment.threeDsCardLast4) return reply.redirect(`../${encodeURIComponent(id)}`, 303);
    return html(reply, 200, threeDsPage(payment));
  });

  scope.post<Params>('/pay/:id/3ds', async (request, reply) => {
    const { id } = request.params;
    const payment = await load(id);
    if (!payment) return html(reply, 404, notFoundPage());
    if (payment.status !== 'pending') return html(reply, 200, outcomePage(payment));
    const cardLast4 = payment.threeDsCardLast4;
    if (!cardLast4) return reply.redirect(`../${encodeURIComponent(id)}`, 303);
    const code = formField(request.body, 'code').trim();
    if (!code) return html(reply, 400, threeDsPage(payment, 'Введите код из SMS'));
    return code === THREE_DS_CODE
      ? finish(reply, id, { to: 'succeeded', cardLast4 })
      : finish(reply, id, { to: 'canceled', reason: '3d_secure_failed', cardLast4 });
  });

  scope.post<Params>('/pay/:id/cancel', async (request, reply) => {
    const { id } = request.params;
    const payment = await load(id);
    if (!payment) return html(reply, 404, notFoundPage());
    if (payment.status !== 'pending') return html(reply, 200, outcomePage(payment));
    return finish(reply, id, { to: 'canceled', reason: 'canceled_by_payer' });
  });
}
