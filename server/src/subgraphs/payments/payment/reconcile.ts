// Asking the acquirer instead of waiting for its notification: when the payer comes back to the result page, and
// every minute for payments still open a few minutes after they started (a notification lost, a timeout while
// creating). Whatever the acquirer says goes through the same status machine as a notification.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../../core/sql.js';
import type { PaymentProvider } from '../provider/provider.js';
import { PaymentStatus, type PaymentRow } from './payment.types.js';
import { openAtProvider } from './start.service.js';
import { applyProviderState, type StatusDependencies, type StatusSource } from './status.js';

/** The result page asks at most this often per payment. */
const CHECK_INTERVAL_MS = 2000;
/** A payment nobody confirmed for this long is canceled at the acquirer. */
const ABANDONED_AFTER_MS = 24 * 3600_000;
const BATCH = 100;

export async function refreshFromProvider(
  em: EntityManager,
  provider: PaymentProvider,
  deps: StatusDependencies,
  row: PaymentRow & { checked_at?: Date | null },
  source: StatusSource,
): Promise<void> {
  if (row.provider !== provider.name) return;
  if (source === 'check' && row.checked_at && Date.now() - new Date(row.checked_at).getTime() < CHECK_INTERVAL_MS) {
    return;
  }
  await runSql(em, `update "payments"."payment" set "checked_at" = clock_timestamp() where "id" = ?`, [row.id]);
  if (row.status === PaymentStatus.CREATED || row.provider_payment_id === null) {
    await openAtProvider(em, provider, deps, row, source);
    return;
  }
  try {
    let reported = await provider.fetch(row.provider_payment_id);
    const abandoned = Date.now() - new Date(row.created_at).getTime() > ABANDONED_AFTER_MS;
    if (reported.status === 'pending' && abandoned && source === 'reconciliation') {
      reported = await provider.cancel(row.provider_payment_id, `${row.id}:cancel`);
    }
    await applyProviderState(em, deps, { paymentId: row.id, provider: row.provider, reported, source });
  } catch (error) {
    deps.log.warn({ err: error, paymentId: row.id, source }, 'could not ask the acquirer about a payment');
  }
}

/** One reconciliation pass: payments still open `reconcileAfterMs` after they started. Returns how many it asked about. */
export async function reconcilePayments(
  em: EntityManager,
  provider: PaymentProvider,
  deps: StatusDependencies,
): Promise<number> {
  const after = deps.config.payments.reconcileAfterMs;
  const rows = await runSql<Array<PaymentRow & { checked_at: Date | null }>>(
    em,
    `select * from "payments"."payment"
      where "status" in ('CREATED', 'PENDING') and "provider" = ?
        and "created_at" < clock_timestamp() - (? * interval '1 millisecond')
        and ("checked_at" is null or "checked_at" < clock_timestamp() - (? * interval '1 millisecond'))
      order by "created_at" limit ?`,
    [provider.name, after, Math.min(after, 60_000), BATCH],
  );
  for (const row of rows) await refreshFromProvider(em, provider, deps, row, 'reconciliation');
  return rows.length;
}
