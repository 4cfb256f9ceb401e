// The payment status machine. What the acquirer reports (in a notification, on reconciliation, when the payer
// comes back) moves a payment only forward: CREATED → PENDING → SUCCEEDED | CANCELED, SUCCEEDED → REFUNDED.
// The change, its history row, the notification id that caused it and the jobs it triggers (the receipt letter)
// are written in one transaction: a repeated or late report changes nothing twice.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../../core/config.js';
import type { Logger } from '../../../core/logger.js';
import { PAYMENT_REFUNDED, PAYMENT_SUCCEEDED, type PaymentSettled } from '../../../core/events.js';
import { sendLetter } from '../../../core/mail.js';
import type { Metrics } from '../../../core/metrics.js';
import type { JobQueue } from '../../../core/queue.js';
import { runSql } from '../../../core/sql.js';
import type { ProviderPayment } from '../provider/provider.js';
import { PaymentStatus, type PaymentRow } from './payment.types.js';
import { receiptLetter } from './receipt-letter.js';

export type StatusSource = 'start' | 'notification' | 'reconciliation' | 'check';

export interface StatusDependencies {
  readonly config: Config;
  readonly queue: JobQueue;
  readonly log: Logger;
  /** Counts each committed change by the status it reached (/metrics). */
  readonly metrics?: Metrics;
}

export type ApplyOutcome =
  | { kind: 'changed'; from: PaymentStatus; to: PaymentStatus }
  | { kind: 'unchanged' }
  | { kind: 'duplicate' }
  | { kind: 'unknown-payment' }
  | { kind: 'mismatch'; reason: string }
  /** An authentic report that cannot be true of the payment: nothing applied, an alert raised (see `raiseAlert`). */
  | { kind: 'refused'; event: string };

/** The alert (log line `event` and `payments.alert` row) when the refunds reported exceed the payment. */
export const REFUND_EXCEEDS_PAYMENT = 'payment.refund_exceeds_payment';

/** Where a payment goes given what the acquirer says now, or null when that says nothing new. */
export function nextStatus(
  current: { status: PaymentStatus; refunded: number; amount: number },
  reported: ProviderPayment,
): { status: PaymentStatus; refunded: number } | null {
  const fullyRefunded = reported.refundedKopecks >= current.amount;
  switch (current.status) {
    case PaymentStatus.CREATED:
    case PaymentStatus.PENDING:
      if (reported.status === 'pending') {
        return current.status === PaymentStatus.CREATED ? { status: PaymentStatus.PENDING, refunded: 0 } : null;
      }
      if (reported.status === 'succeeded') {
        return {
          status: fullyRefunded ? PaymentStatus.REFUNDED : PaymentStatus.SUCCEEDED,
          refunded: reported.refundedKopecks,
        };
      }
      return { status: PaymentStatus.CANCELED, refunded: 0 };
    case PaymentStatus.SUCCEEDED:
      // A late `pending` (reordered delivery) says nothing new; a refund only grows.
      if (reported.status !== 'succeeded' || reported.refundedKopecks <= current.refunded) return null;
      return {
        status: fullyRefunded ? PaymentStatus.REFUNDED : PaymentStatus.SUCCEEDED,
        refunded: reported.refundedKopecks,
      };
    case PaymentStatus.CANCELED:
    case PaymentStatus.REFUNDED:
      return null;
  }
}

/**
 * Applies an acquirer's report to our payment. `eventId` (from a notification) is recorded with the change, so
 * the same delivery seen again is a duplicate. Only with a change: a notification that changed nothing (the acquirer,
 * asked back, did not confirm what its body claimed yet) must not make the genuine one with the same id a duplicate.
 * Reports for payments we do not have, or whose amount differs from ours, change nothing and are logged.
 */
export async function applyProviderState(
  em: EntityManager,
  deps: StatusDependencies,
  input: { paymentId: string; provider: string; reported: ProviderPayment; source: StatusSource; eventId?: string },
): Promise<ApplyOutcome> {
  const { reported, source } = input;
  const outcome: ApplyOutcome = await em.transactional(async (tx) => {
    if (input.eventId !== undefined) {
      const [seen] = await runSql<unknown[]>(
        tx,
        `select 1 from "payments"."notification" where "provider" = ? and "event_id" = ?`,
        [input.provider, input.eventId],
      );
      if (seen) return { kind: 'duplicate' } as const;
    }
    const [row] = await runSql<PaymentRow[]>(
      tx,
      `select * from "payments"."payment" where "id" = ? and "provider" = ? for update`,
      [input.paymentId, input.provider],
    );
    if (!row) return { kind: 'unknown-payment' } as const;
    if (row.provider_payment_id !== null && row.provider_payment_id !== reported.id) {
      deps.log.error({ paymentId: row.id, reported: reported.id }, 'acquirer reported another payment id');
      return { kind: 'mismatch', reason: 'payment id' } as const;
    }
    const amount = Number(row.amount_kopecks);
    if (reported.amountKopecks !== amount) {
      deps.log.error(
        { paymentId: row.id, ours: amount, reported: reported.amountKopecks },
        'acquirer reported another amount',
      );
      return { kind: 'mismatch', reason: 'amount' } as const;
    }
    if (reported.refundedKopecks > amount) {
      // More refunded than was paid: an acquirer's error or a forged report. Applying it would mark the payment
      // REFUNDED with a refund larger than itself; it waits for an operator instead.
      await raiseAlert(tx, deps, {
        event: REFUND_EXCEEDS_PAYMENT,
        paymentId: row.id,
        provider: input.provider,
        amount,
        reportedRefunded: reported.refundedKopecks,
        source,
        eventId: input.eventId ?? null,
      });
      return { kind: 'refused', event: REFUND_EXCEEDS_PAYMENT } as const;
    }
    const current = { status: row.status, refunded: Number(row.refunded_kopecks), amount };
    const next = nextStatus(current, reported);
    if (!next) {
      if (row.status === PaymentStatus.CANCELED && reported.status === 'succeeded') {
        // Cannot happen with an honest acquirer (canceled is final there too): money may have been taken.
        deps.log.error({ paymentId: row.id }, 'acquirer reports success for a payment we hold canceled');
      }
      await runSql(
        tx,
        `update "payments"."payment" set "checked_at" = clock_timestamp(),
                "provider_payment_id" = coalesce("provider_payment_id", ?),
                "confirmation_url" = case when "status" in ('CREATED', 'PENDING') then coalesce(?, "confirmation_url") else null end
          where "id" = ?`,
        [reported.id, reported.confirmationUrl, row.id],
      );
      return { kind: 'unchanged' } as const;
    }
    if (input.eventId !== undefined) {
      // Recorded with the change. The same event delivered twice at once: the second waits for the row lock above,
      // then finds nothing to change; the conflict clause is only a safety net.
      const [fresh] = await runSql<unknown[]>(
        tx,
        `insert into "payments"."notification" ("provider", "event_id", "payment_id")
         values (?, ?, ?) on conflict do nothing returning 1`,
        [input.provider, input.eventId, row.id],
      );
      if (!fresh) return { kind: 'duplicate' } as const;
    }
    const open = next.status === PaymentStatus.PENDING;
    const [updated] = await runSql<Array<{ succeeded_at: string | null }>>(
      tx,
      `update "payments"."payment"
          set "status" = ?, "refunded_kopecks" = ?, "provider_payment_id" = coalesce("provider_payment_id", ?),
              "confirmation_url" = ?, "cancellation_reason" = ?,
              "succeeded_at" = case when ? then coalesce("succeeded_at", clock_timestamp()) else "succeeded_at" end,
              "status_changed_at" = clock_timestamp(), "checked_at" = clock_timestamp()
        where "id" = ?
        returning to_char("succeeded_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "succeeded_at"`,
      [
        next.status,
        next.refunded,
        reported.id,
        open ? reported.confirmationUrl : null,
        next.status === PaymentStatus.CANCELED ? (reported.cancellationReason ?? 'canceled') : null,
        next.status === PaymentStatus.SUCCEEDED || next.status === PaymentStatus.REFUNDED,
        row.id,
      ],
    );
    await runSql(
      tx,
      `insert into "payments"."status_change" ("payment_id", "from_status", "to_status", "refunded_kopecks", "source", "event_id")
       values (?, ?, ?, ?, ?, ?)`,
      [row.id, row.status, next.status, next.refunded, source, input.eventId ?? null],
    );
    await publishSettled(tx, deps, row, next, updated?.succeeded_at ?? null);
    const paidNow =
      (row.status === PaymentStatus.CREATED || row.status === PaymentStatus.PENDING) &&
      (next.status === PaymentStatus.SUCCEEDED || next.status === PaymentStatus.REFUNDED);
    if (paidNow) {
      const [supplier] = await runSql<Array<{ name: string; payee_name: string | null; payee_inn: string | null }>>(
        tx,
        `select "name", "payee_name", "payee_inn" from "payments"."supplier" where "id" = ?`,
        [row.supplier_id],
      );
      await sendLetter(
        deps.queue,
        tx,
        receiptLetter(deps.config, {
          payment: row,
          paidAt: reported.paidAt ? new Date(reported.paidAt) : new Date(),
          seller: {
            name: supplier?.payee_name ?? supplier?.name ?? 'Поставщик газа',
            inn: supplier?.payee_inn ?? null,
          },
        }),
        deps.config.publicUrl,
      );
    }
    deps.log.info({ paymentId: row.id, from: row.status, to: next.status, source }, 'payment status changed');
    return { kind: 'changed', from: row.status, to: next.status } as const;
  });
  // After the commit: a change rolled back was never made.
  if (outcome.kind === 'changed') deps.metrics?.paymentStatusChanges.inc({ status: outcome.to });
  return outcome;
}

/**
 * An operator alert: an error-level log line with a stable `event`, and a row in `payments.alert` (one per payment
 * and reported sum; a repeat counts up `times_seen`), written in the caller's transaction.
 */
async function raiseAlert(
  tx: EntityManager,
  deps: StatusDependencies,
  alert: {
    event: string;
    paymentId: string;
    provider: string;
    amount: number;
    reportedRefunded: number;
    source: StatusSource;
    eventId: string | null;
  },
): Promise<void> {
  await runSql(
    tx,
    `insert into "payments"."alert" ("event", "payment_id", "provider", "amount_kopecks", "reported_refunded_kopecks",
       "source", "event_id")
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict ("event", "payment_id", "reported_refunded_kopecks") do update
       set "times_seen" = "alert"."times_seen" + 1, "last_seen_at" = clock_timestamp(), "source" = excluded."source",
           "event_id" = coalesce(excluded."event_id", "alert"."event_id")`,
    [alert.event, alert.paymentId, alert.provider, alert.amount, alert.reportedRefunded, alert.source, alert.eventId],
  );
  deps.log.error(
    {
      event: alert.event,
      paymentId: alert.paymentId,
      provider: alert.provider,
      amountKopecks: alert.amount,
      reportedRefundedKopecks: alert.reportedRefunded,
      source: alert.source,
    },
    'the acquirer reported refunds larger than the payment; refused, see payments.alert',
  );
}

/**
 * Tells the accounts subgraph, in the transaction that records the change, that money was taken or given back:
 * the QR code and the notice it prints must ask for what is due net of online payments its billing has not posted.
 */
async function publishSettled(
  tx: EntityManager,
  deps: StatusDependencies,
  row: PaymentRow,
  next: { status: PaymentStatus; refunded: number },
  succeededAt: string | null,
): Promise<void> {
  if (succeededAt === null) return;
  const event = next.refunded > 0 ? PAYMENT_REFUNDED : PAYMENT_SUCCEEDED;
  await deps.queue.publish(tx, event, {
    paymentId: row.id,
    accountId: row.account_id,
    amountKopecks: Number(row.amount_kopecks),
    refundedKopecks: next.refunded,
    succeededAt,
    at: new Date().toISOString(),
  } satisfies PaymentSettled);
}
