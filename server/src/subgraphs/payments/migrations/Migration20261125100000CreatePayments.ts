// Payments, their status history and the acquirer notifications seen, plus payments' copy of the accounts facts
// it acts on (who may pay for which account, the balance, the payee named on receipts).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125100000CreatePayments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "payments"."account" (
        "id" uuid primary key,
        "supplier_id" uuid not null,
        "number" text not null,
        -- Kopecks, positive a debt; null until the supplier's billing has sent one.
        "balance_kopecks" bigint null,
        "balance_as_of" date null,
        -- When accounts recorded the balance: payments that succeeded later are not in it yet.
        "balance_at" timestamptz null
      );`);
    this.addSql(`
      create table "payments"."account_access" (
        "abonent_id" uuid not null,
        "account_id" uuid not null,
        "linked" boolean not null,
        "changed_at" timestamptz not null,
        primary key ("abonent_id", "account_id")
      );`);
    this.addSql(`
      create table "payments"."supplier" (
        "id" uuid primary key,
        "name" text not null,
        "payee_name" text null,
        "payee_inn" text null,
        "changed_at" timestamptz not null
      );`);
    this.addSql(`
      create table "payments"."payment" (
        "id" uuid primary key,
        "abonent_id" uuid not null,
        "account_id" uuid not null,
        "supplier_id" uuid not null,
        "account_number" text not null,
        "purpose" text not null check ("purpose" in ('DEBT', 'CUSTOM')),
        "amount_kopecks" bigint not null check ("amount_kopecks" > 0),
        "status" text not null check ("status" in ('CREATED', 'PENDING', 'SUCCEEDED', 'CANCELED', 'REFUNDED')),
        "provider" text not null,
        "provider_payment_id" text null,
        "confirmation_url" text null,
        "return_url" text not null,
        "receipt_email" text not null,
        "idempotency_key" text not null,
        "request_hash" text not null,
        "readings_submitted" integer not null default 0,
        "cancellation_reason" text null,
        "refunded_kopecks" bigint not null default 0 check ("refunded_kopecks" >= 0),
        "created_at" timestamptz not null default clock_timestamp(),
        "status_changed_at" timestamptz not null default clock_timestamp(),
        "succeeded_at" timestamptz null,
        -- Last time reconciliation asked the acquirer about it.
        "checked_at" timestamptz null,
        constraint "payment_idempotency_key_unique" unique ("abonent_id", "idempotency_key"),
        constraint "payment_provider_payment_id_unique" unique ("provider", "provider_payment_id")
      );`);
    this.addSql(
      `create index "payment_account_created_index" on "payments"."payment" ("account_id", "created_at" desc);`,
    );
    // The partner export pages in (status_changed_at, id) order per supplier.
    this.addSql(
      `create index "payment_supplier_changed_index" on "payments"."payment" ("supplier_id", "status_changed_at", "id");`,
    );
    // Reconciliation looks only at payments not final yet.
    this.addSql(
      `create index "payment_open_index" on "payments"."payment" ("created_at") where "status" in ('CREATED', 'PENDING');`,
    );
    this.addSql(`
      create table "payments"."status_change" (
        "id" bigserial primary key,
        "payment_id" uuid not null references "payments"."payment" ("id") on delete cascade,
        "from_status" text null,
        "to_status" text not null,
        "refunded_kopecks" bigint not null default 0,
        -- start | notification | reconciliation | check
        "source" text not null,
        "event_id" text null,
        "at" timestamptz not null default clock_timestamp()
      );`);
    this.addSql(`create index "status_change_payment_index" on "payments"."status_change" ("payment_id", "id");`);
    this.addSql(`
      create table "payments"."notification" (
        "provider" text not null,
        "event_id" text not null,
        "payment_id" uuid null,
        "received_at" timestamptz not null default clock_timestamp(),
        primary key ("provider", "event_id")
      );`);
  }
}
