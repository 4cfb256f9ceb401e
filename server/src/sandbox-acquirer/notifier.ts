// Delivers notifications: a pg-boss job per event POSTs the signed event to the merchant until it answers 2xx
// (a failure throws, and pg-boss retries with a doubling delay).
import type { Logger } from '../core/logger.js';
import type { HttpTransport } from '../subgraphs/payments/provider/provider.js';
import { SANDBOX_SIGNATURE_HEADER, signSandboxNotification } from '../subgraphs/payments/provider/sandbox.js';
import { paymentJson } from './api.js';
import type { SandboxStore } from './store.js';

export interface NotifierContext {
  readonly store: SandboxStore;
  readonly secret: string;
  readonly publicUrl: string;
  readonly notificationUrl: string;
  readonly notify: HttpTransport;
  readonly log: Logger;
}

export interface NotifyJob {
  readonly eventId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notificationHandler(context: NotifierContext): (job: NotifyJob) => Promise<void> {
  const { store, log } = context;
  return async ({ eventId }) => {
    if (typeof eventId !== 'string' || !UUID.test(eventId)) {
      log.warn({ eventId }, 'sandbox acquirer: a notification job without a valid event id; dropped');
      return;
    }
    const notification = await store.notification(eventId);
    if (!notification) {
      log.warn({ eventId }, 'sandbox acquirer: no such notification; dropped');
      return;
    }
    if (notification.deliveredAt) return;
    const payment = await store.transaction((db) => store.paymentAsIs(db, notification.paymentId));
    if (!payment) throw new Error(`sandbox acquirer: payment ${notification.paymentId} of event ${eventId} is missing`);

    // The payment as it is now: a later event may already have changed it (a refund after the success).
    const body = JSON.stringify({
      id: eventId,
      event: notification.event,
      object: paymentJson(payment, context.publicUrl),
    });
    const t = Math.floor(Date.now() / 1000);
    let failure: string;
    try {
      const response = await context.notify({
        method: 'POST',
        url: context.notificationUrl,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'kabinet-sandbox-acquirer',
          'x-sandbox-event-id': eventId,
          [SANDBOX_SIGNATURE_HEADER]: signSandboxNotification(context.secret, body, t),
        },
        body,
      });
      if (response.status >= 200 && response.status < 300) {
        await store.recordAttempt(eventId, null);
        log.info(
          { eventId, event: notification.event, paymentId: payment.id },
          'sandbox acquirer: notification delivered',
        );
        return;
      }
      failure = `answered ${response.status}`;
    } catch (error) {
      failure = error instanceof Error ? `${error.name}: ${error.message}` : 'transport error';
    }
    await store.recordAttempt(eventId, failure.slice(0, 500));
    throw new Error(
      `sandbox acquirer: the notification ${eventId} (${notification.event}) was not accepted: ${failure}`,
    );
  };
}
