// What an operator must look at: acquirer reports Kabinet refused because they cannot be true of a payment.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000000CreatePaymentAlerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "payments"."alert" (
        "id" bigint generated always as identity primary key,
        -- a stable name, the same as the error log line's "event" (e.g. payment.refund_exceeds_payment)
        "event" text not null,
        "payment_id" uuid not null references "payments"."payment" ("id") on delete cascade,
        "provider" text not null,
        -- what was reported, to reconcile with the acquirer: the payment's amount and the refunds it claimed
        "amount_kopecks" bigint not null,
        "reported_refunded_kopecks" bigint not null,
        -- notification | reconciliation | check | start; the last notification's event id when one carried it
        "source" text not null,
        "event_id" text null,
        "times_seen" integer not null default 1,
        "first_seen_at" timestamptz not null default clock_timestamp(),
        "last_seen_at" timestamptz not null default clock_timestamp(),
        -- set by the operator once it is dealt with
        "resolved_at" timestamptz null,
        constraint "alert_once" unique ("event", "payment_id", "reported_refunded_kopecks")
      );`);
    this.addSql(`create index "alert_open_index" on "payments"."alert" ("last_seen_at") where "resolved_at" is null;`);
  }
}
