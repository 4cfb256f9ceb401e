// The sandbox acquirer's own data (schema `sandbox_acquirer`): payments, refunds, idempotence keys and
// notifications. Every status change is one forward-only UPDATE (pending → succeeded | canceled), and its
// notification row and delivery job are written in the same transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SandboxEvent } from '../subgraphs/payments/provider/sandbox.js';
import type { JobQueue } from '../core/queue.js';

export const NOTIFY_JOB = 'sandbox-acquirer.notify';

export type PaymentStatus = 'pending' | 'succeeded' | 'canceled';

export interface PaymentRow {
  readonly id: string;
  readonly status: PaymentStatus;
  readonly amountKopecks: number;
  readonly description: string;
  readonly returnUrl: string;
  readonly metadata: Record<string, string>;
  readonly refundedKopecks: number;
  readonly cancellationReason: string | null;
  readonly cardLast4: string | null;
  /** The card waiting for its 3-D Secure code (the payment is still pending). */
  readonly threeDsCardLast4: string | null;
  readonly capturedAt: Date | null;
  readonly createdAt: Date;
}

export interface NewPayment {
  readonly amountKopecks: number;
  readonly description: string;
  readonly returnUrl: string;
  readonly metadata: Record<string, string>;
  readonly receipt: unknown;
}

export interface RefundRow {
  readonly id: string;
  readonly paymentId: string;
  readonly amountKopecks: number;
}

export interface NotificationRow {
  readonly eventId: string;
  readonly event: SandboxEvent;
  readonly paymentId: string;
  readonly deliveredAt: Date | null;
}

/** A stored API answer. */
export interface StoredAnswer {
  readonly status: number;
  /** The JSON text exactly as first sent. */
  readonly body: string;
}

/** A change of a pending payment. */
export type Transition =
  | { readonly to: 'succeeded'; readonly cardLast4: string }
  | { readonly to: 'canceled'; readonly reason: string; readonly cardLast4?: string };

export type Db = Pick<pg.PoolClient, 'query'>;

const SCHEMA = `
create schema if not exists sandbox_acquirer;
create table if not exists sandbox_acquirer.payment (
  id text primary key,
  status text not null check (status in ('pending', 'succeeded', 'canceled')),
  amount_kopecks bigint not null check (amount_kopecks > 0),
  description text not null,
  return_url text not null,
  metadata jsonb not null,
  receipt jsonb not null,
  refunded_kopecks bigint not null default 0 check (refunded_kopecks between 0 and amount_kopecks),
  cancellation_reason text,
  card_last4 text,
  three_ds_card_last4 text,
  captured_at timestamptz,
  canceled_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists payment_pending_created_at on sandbox_acquirer.payment (created_at) where status = 'pending';
create table if not exists sandbox_acquirer.refund (
  id text primary key,
  payment_id text not null references sandbox_acquirer.payment (id),
  amount_kopecks bigint not null check (amount_kopecks > 0),
  created_at timestamptz not null default now()
);
create index if not exists refund_payment_id on sandbox_acquirer.refund (payment_id);
create table if not exists sandbox_acquirer.idempotence_key (
  key text primary key,
  request_hash text not null,
  response_status integer not null,
  response_body text not null,
  created_at timestamptz not null default now()
);
create table if not exists sandbox_acquirer.notification (
  event_id uuid primary key,
  event text not null,
  payment_id text not null references sandbox_acquirer.payment (id),
  refund_id text references sandbox_acquirer.refund (id),
  attempts integer not null default 0,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists notification_payment_id on sandbox_acquirer.notification (payment_id);
`;

/** A pending payment older than the TTL (milliseconds, parameter $1) is due to expire. */
const DUE = `status = 'pending' and created_at <= now() - $1::bigint * interval '1 millisecond'`;
/** A payment younger than the TTL (milliseconds, in the parameter named) may still be confirmed. */
const notDue = (ttlParameter: string) => `created_at > now() - ${ttlParameter}::bigint * interval '1 millisecond'`;

interface PaymentRecord {
  id: string;
  status: PaymentStatus;
  amount_kopecks: string;
  description: string;
  return_url: string;
  metadata: Record<string, string>;
  refunded_kopecks: string;
  cancellation_reason: string | null;
  card_last4: string | null;
  three_ds_card_last4: string | null;
  captured_at: Date | null;
  created_at: Date;
}

function toPayment(record: PaymentRecord): PaymentRow {
  return {
    id: record.id,
    status: record.status,
    amountKopecks: Number(record.amount_kopecks),
    description: record.description,
    returnUrl: record.return_url,
    metadata: record.metadata,
    refundedKopecks: Number(record.refunded_kopecks),
    cancellationReason: record.cancellation_reason,
    cardLast4: record.card_last4,
    threeDsCardLast4: record.three_ds_card_last4,
    capturedAt: record.captured_at,
    createdAt: record.created_at,
  };
}

export class SandboxStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly queue: JobQueue,
    /** A pending payment not confirmed in this time is canceled. */
    private readonly paymentTtlMs: number,
  ) {}

  /** Creates the schema and its tables when missing (under a lock, so two processes may start at once). */
  async migrate(): Promise<void> {
    await this.transaction(async (db) => {
      await db.query(`select pg_advisory_xact_lock(hashtext('sandbox_acquirer.schema'))`);
      await db.query(SCHEMA);
    });
  }

  async transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      // A notification written in this transaction is worked now (a wake with none finds nothing).
      this.queue.wake(NOTIFY_JOB);
      return result;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Runs a POST once per idempotence key: the answer is stored with the key in the same transaction, and a
   * repeated request gets it back. The same key with another request is a conflict. A request racing the first
   * one waits for it on the key's unique index.
   */
  async idempotent(
    key: string,
    requestHash: string,
    run: (db: Db) => Promise<StoredAnswer>,
  ): Promise<{ answer: StoredAnswer; replayed: boolean } | 'conflict'> {
    return this.transaction(async (db) => {
      const taken = await db.query(
        `insert into sandbox_acquirer.idempotence_key (key, request_hash, response_status, response_body)
         values ($1, $2, 0, '') on conflict (key) do nothing returning key`,
        [key, requestHash],
      );
      if (taken.rowCount === 0) {
        const { rows } = await db.query<{ request_hash: string; response_status: number; response_body: string }>(
          'select request_hash, response_status, response_body from sandbox_acquirer.idempotence_key where key = $1',
          [key],
        );
        const stored = rows[0];
        if (!stored || stored.request_hash !== requestHash) return 'conflict';
        return { answer: { status: stored.response_status, body: stored.response_body }, replayed: true };
      }
      const answer = await run(db);
      await db.query(
        'update sandbox_acquirer.idempotence_key set response_status = $2, response_body = $3 where key = $1',
        [key, answer.status, answer.body],
      );
      return { answer, replayed: false };
    });
  }

  async createPayment(db: Db, payment: NewPayment): Promise<PaymentRow> {
    const { rows } = await db.query<PaymentRecord>(
      `insert into sandbox_acquirer.payment (id, status, amount_kopecks, description, return_url, metadata, receipt)
       values ($1, 'pending', $2, $3, $4, $5, $6) returning *`,
      [
        `sbx_${randomBytes(12).toString('hex')}`,
        payment.amountKopecks,
        payment.description,
        payment.returnUrl,
        JSON.stringify(payment.metadata),
        JSON.stringify(payment.receipt),
      ],
    );
    return toPayment(rows[0]!);
  }

  /** The payment, after expiring it if its time is up. */
  async payment(db: Db, id: string): Promise<PaymentRow | null> {
    await this.expireDue(db, id);
    return this.paymentAsIs(db, id);
  }

  /** The payment as stored (no expiry), locked for update when asked. */
  async paymentAsIs(db: Db, id: string, forUpdate = false): Promise<PaymentRow | null> {
    const { rows } = await db.query<PaymentRecord>(
      `select * from sandbox_acquirer.payment where id = $1${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /**
   * Moves a pending payment on, with its notification; null when it is no longer pending (another request won)
   * or, when `unexpiredOnly`, its time is up.
   */
  async transition(db: Db, id: string, change: Transition, unexpiredOnly: boolean): Promise<PaymentRow | null> {
    const guard = ` and (not $3::boolean or ${notDue('$2')})`;
    const { rows } =
      change.to === 'succeeded'
        ? await db.query<PaymentRecord>(
            `update sandbox_acquirer.payment
             set status = 'succeeded', captured_at = now(), card_last4 = $4, three_ds_card_last4 = null
             where id = $1 and status = 'pending'${guard} returning *`,
            [id, this.paymentTtlMs, unexpiredOnly, change.cardLast4],
          )
        : await db.query<PaymentRecord>(
            `update sandbox_acquirer.payment
             set status = 'canceled', cancellation_reason = $4, canceled_at = now(),
                 card_last4 = coalesce($5, card_last4), three_ds_card_last4 = null
             where id = $1 and status = 'pending'${guard} returning *`,
            [id, this.paymentTtlMs, unexpiredOnly, change.reason, change.cardLast4 ?? null],
          );
    if (!rows[0]) return null;
    const payment = toPayment(rows[0]);
    await this.notify(db, change.to === 'succeeded' ? 'payment.succeeded' : 'payment.canceled', payment.id);
    return payment;
  }

  /** Remembers the card of a pending payment that now waits for its 3-D Secure code. */
  async awaitThreeDs(db: Db, id: string, cardLast4: string): Promise<PaymentRow | null> {
    const { rows } = await db.query<PaymentRecord>(
      `update sandbox_acquirer.payment set three_ds_card_last4 = $3
       where id = $1 and status = 'pending' and ${notDue('$2')} returning *`,
      [id, this.paymentTtlMs, cardLast4],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /**
   * Cancels pending payments whose time is up (`expired_on_confirmation`), with their notifications: one
   * payment, or (id null) a batch of them. Returns how many expired.
   */
  async expireDue(db: Db, id: string | null): Promise<number> {
    const { rows } = await db.query<{ id: string }>(
      `update sandbox_acquirer.payment
       set status = 'canceled', cancellation_reason = 'expired_on_confirmation', canceled_at = now(),
           three_ds_card_last4 = null
       where ${DUE} and ${
         id === null
           ? `id in (select id from sandbox_acquirer.payment where ${DUE} order by created_at limit 100
                     for update skip locked)`
           : 'id = $2'
       }
       returning id`,
      id === null ? [this.paymentTtlMs] : [this.paymentTtlMs, id],
    );
    for (const row of rows) await this.notify(db, 'payment.canceled', row.id);
    return rows.length;
  }

  /** The sweep: expires what is due (in batches) and forgets idempotence keys older than a day. */
  async sweep(): Promise<number> {
    let expired = 0;
    for (;;) {
      const batch = await this.transaction((db) => this.expireDue(db, null));
      expired += batch;
      if (batch < 100) break;
    }
    await this.pool.query(`delete from sandbox_acquirer.idempotence_key where created_at < now() - interval '1 day'`);
    return expired;
  }

  /**
   * Refunds part of a succeeded payment: atomically, so concurrent refunds never exceed the amount.
   * Why it was refused otherwise.
   */
  async refund(
    db: Db,
    paymentId: string,
    amountKopecks: number,
  ): Promise<{ refund: RefundRow } | 'not_found' | 'not_succeeded' | 'too_much'> {
    const { rows } = await db.query<PaymentRecord>(
      `update sandbox_acquirer.payment set refunded_kopecks = refunded_kopecks + $2
       where id = $1 and status = 'succeeded' and refunded_kopecks + $2 <= amount_kopecks returning *`,
      [paymentId, amountKopecks],
    );
    if (!rows[0]) {
      const payment = await this.paymentAsIs(db, paymentId);
      if (!payment) return 'not_found';
      return payment.status === 'succeeded' ? 'too_much' : 'not_succeeded';
    }
    const refund = { id: `sbr_${randomBytes(12).toString('hex')}`, paymentId, amountKopecks };
    await db.query('insert into sandbox_acquirer.refund (id, payment_id, amount_kopecks) values ($1, $2, $3)', [
      refund.id,
      paymentId,
      amountKopecks,
    ]);
    await this.notify(db, 'refund.succeeded', paymentId, refund.id);
    return { refund };
  }

  async notification(eventId: string): Promise<NotificationRow | null> {
    const { rows } = await this.pool.query<{
      event_id: string;
      event: SandboxEvent;
      payment_id: string;
      delivered_at: Date | null;
    }>('select event_id, event, payment_id, delivered_at from sandbox_acquirer.notification where event_id = $1', [
      eventId,
    ]);
    const row = rows[0];
    return row
      ? { eventId: row.event_id, event: row.event, paymentId: row.payment_id, deliveredAt: row.delivered_at }
      : null;
  }

  /** Counts a delivery attempt; a successful one marks the notification delivered. */
  async recordAttempt(eventId: string, error: string | null): Promise<void> {
    await this.pool.query(
      `update sandbox_acquirer.notification
       set attempts = attempts + 1, last_error = $2,
           delivered_at = coalesce(delivered_at, case when $2::text is null then now() end)
       where event_id = $1`,
      [eventId, error],
    );
  }

  /** A notification row and its delivery job, in the caller's transaction. */
  private async notify(db: Db, event: SandboxEvent, paymentId: string, refundId: string | null = null) {
    const eventId = randomUUID();
    await db.query(
      'insert into sandbox_acquirer.notification (event_id, event, payment_id, refund_id) values ($1, $2, $3, $4)',
      [eventId, event, paymentId, refundId],
    );
    await this.queue.enqueueOn(db, NOTIFY_JOB, { eventId });
  }
}
