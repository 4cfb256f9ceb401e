// Supplier settings for linking, readings and payments; the personal-account registry; abonents' links to it.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000CreatePersonalAccounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "accounts"."supplier"
        add column "account_number_min_digits" smallint not null default 1,
        add column "account_number_max_digits" smallint not null default 10,
        add column "link_proof" varchar(32) not null default 'NONE',
        add column "reading_closing_day" smallint not null default 25,
        add column "payee_name" varchar(300) null,
        add column "payee_inn" varchar(12) null,
        add column "payee_kpp" varchar(9) null,
        add column "payee_account" varchar(20) null,
        add column "bank_name" varchar(200) null,
        add column "bank_bic" varchar(9) null,
        add column "bank_correspondent_account" varchar(20) null,
        add column "receipt_sample_url" varchar(300) null,
        add column "support_phone" varchar(50) null,
        add column "support_email" varchar(254) null,
        add column "website" varchar(300) null,
        add constraint "supplier_account_number_digits" check (
          "account_number_min_digits" between 1 and 20 and "account_number_max_digits" between "account_number_min_digits" and 20),
        add constraint "supplier_link_proof" check (
          "link_proof" in ('NONE', 'RECEIPT_PIN', 'LAST_CHARGE_AMOUNT', 'METER_READING')),
        add constraint "supplier_reading_closing_day" check ("reading_closing_day" between 1 and 28),
        add constraint "supplier_bank_details" check (
          ("payee_inn" is null or "payee_inn" ~ '^([0-9]{10}|[0-9]{12})$')
          and ("payee_kpp" is null or "payee_kpp" ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$')
          and ("payee_account" is null or "payee_account" ~ '^[0-9]{20}$')
          and ("bank_bic" is null or "bank_bic" ~ '^[0-9]{9}$')
          and ("bank_correspondent_account" is null or "bank_correspondent_account" ~ '^[0-9]{20}$'));`);

    // The instruction's own receipt is Saint Petersburg's; the others show a generic sample until they send theirs.
    this.addSql(`update "accounts"."supplier" set "receipt_sample_url" = '/receipts/sankt-peterburg.svg'
      where "code" = 'sankt-peterburg';`);

    this.addSql(`
      create table "accounts"."personal_account" (
        "id" uuid not null default gen_random_uuid() primary key,
        "supplier_id" uuid not null references "accounts"."supplier" ("id"),
        "number" varchar(20) not null,
        "address" varchar(500) not null,
        "holder_name" varchar(200) not null,
        "services" text[] not null default '{}',
        -- Positive: the abonent owes (debt); negative: overpaid. Kopecks.
        "balance_kopecks" bigint not null default 0,
        "balance_as_of" date null,
        -- Proof of holding the receipt, as the supplier asks for it: a PIN (only its SHA-256 is kept) or the
        -- meter reading printed on the last receipt. The last charge is in "charge".
        "receipt_pin_hash" varchar(64) null,
        "receipt_reading" numeric(14, 5) null,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default clock_timestamp(),
        constraint "personal_account_number_unique" unique ("supplier_id", "number"),
        constraint "personal_account_number_digits" check ("number" ~ '^[0-9]{1,20}$')
      );`);
    // The partner export pages through one supplier's accounts in (updated_at, id) order.
    this.addSql(`create index "personal_account_supplier_updated_idx"
      on "accounts"."personal_account" ("supplier_id", "updated_at", "id");`);

    this.addSql(`
      create table "accounts"."tariff" (
        "id" uuid not null default gen_random_uuid() primary key,
        "account_id" uuid not null references "accounts"."personal_account" ("id") on delete cascade,
        "service" varchar(100) not null,
        "price_kopecks" integer not null,
        "unit" varchar(16) not null default 'м³',
        "valid_from" date not null,
        "valid_to" date null,
        constraint "tariff_unique" unique ("account_id", "service", "valid_from"),
        constraint "tariff_price_positive" check ("price_kopecks" > 0),
        constraint "tariff_period" check ("valid_to" is null or "valid_to" >= "valid_from")
      );`);

    this.addSql(`
      create table "accounts"."charge" (
        "account_id" uuid not null references "accounts"."personal_account" ("id") on delete cascade,
        "month" date not null,
        "volume" numeric(14, 3) not null,
        "amount_kopecks" bigint not null,
        "updated_at" timestamptz not null default now(),
        constraint "charge_pkey" primary key ("account_id", "month"),
        constraint "charge_month_first_day" check (extract(day from "month") = 1),
        constraint "charge_volume_not_negative" check ("volume" >= 0)
      );`);

    this.addSql(`
      create table "accounts"."account_link" (
        -- The identity subgraph's Abonent id (a federation reference: no foreign key across subgraphs).
        "abonent_id" uuid not null,
        "account_id" uuid not null references "accounts"."personal_account" ("id") on delete cascade,
        "created_at" timestamptz not null default now(),
        constraint "account_link_pkey" primary key ("abonent_id", "account_id")
      );`);
    this.addSql(`create index "account_link_account_idx" on "accounts"."account_link" ("account_id");`);

    // rate-limiter-flexible's counters (failed linking attempts) when REDIS_URL is not set. Not "rate_limit" like
    // identity's: the library names prepared statements after the table, and PGlite has one session for all.
    this.addSql(`
      create table "accounts"."attempt_limit" (
        "key" varchar(255) primary key,
        "points" integer not null default 0,
        "expire" bigint
      );`);
  }
}
