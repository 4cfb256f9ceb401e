// Meters of personal accounts, their readings (every submission kept; one current per meter, zone and period),
// submissions by idempotency key, and the reading rules each supplier sets.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125010000CreateMetersAndReadings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "metering"."meter" (
        "id" uuid not null default gen_random_uuid() primary key,
        -- The accounts subgraph's PersonalAccount (a federation reference) and its supplier, for partner isolation.
        "account_id" uuid not null,
        "supplier_id" uuid not null,
        "serial_number" varchar(40) not null,
        "zones" varchar(16) not null default 'SINGLE',
        "integer_digits" smallint not null default 5,
        "fraction_digits" smallint not null default 3,
        "initial_value" numeric(14, 5) not null default 0,
        "installed_on" date null,
        "next_verification_on" date null,
        "status" varchar(16) not null default 'ACTIVE',
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default clock_timestamp(),
        constraint "meter_serial_unique" unique ("supplier_id", "serial_number"),
        constraint "meter_zones" check ("zones" in ('SINGLE', 'DAY_NIGHT')),
        constraint "meter_status" check ("status" in ('ACTIVE', 'REMOVED')),
        constraint "meter_digits" check ("integer_digits" between 1 and 9 and "fraction_digits" between 0 and 5)
      );`);
    this.addSql(`create index "meter_account_idx" on "metering"."meter" ("account_id");`);

    this.addSql(`
      create table "metering"."reading" (
        "id" uuid not null default gen_random_uuid() primary key,
        "meter_id" uuid not null references "metering"."meter" ("id") on delete cascade,
        "supplier_id" uuid not null,
        "zone" varchar(8) not null default 'TOTAL',
        "value" numeric(14, 5) not null,
        -- The first day of the month the reading counts for (after the closing day: the next month).
        "period" date not null,
        "submitted_at" timestamptz not null default clock_timestamp(),
        "source" varchar(16) not null,
        "abonent_id" uuid null,
        "submission_id" uuid null,
        -- The reading that counts for its meter, zone and period; the ones it replaced stay as history.
        "current" boolean not null default true,
        "consumption" numeric(14, 5) null,
        "rollover" boolean not null default false,
        constraint "reading_zone" check ("zone" in ('TOTAL', 'DAY', 'NIGHT')),
        constraint "reading_source" check ("source" in ('ABONENT', 'INSPECTOR', 'BILLING', 'PAYMENT')),
        constraint "reading_value_not_negative" check ("value" >= 0),
        constraint "reading_period_first_day" check (extract(day from "period") = 1)
      );`);
    this.addSql(`create unique index "reading_current_unique" on "metering"."reading" ("meter_id", "zone", "period")
      where "current";`);
    this.addSql(`create index "reading_meter_idx" on "metering"."reading" ("meter_id", "submitted_at" desc);`);
    // The partner export pages through one supplier's readings in (submitted_at, id) order.
    this.addSql(`create index "reading_supplier_idx" on "metering"."reading" ("supplier_id", "submitted_at", "id");`);

    this.addSql(`
      create table "metering"."submission" (
        "id" uuid not null default gen_random_uuid() primary key,
        -- Who submitted: an abonent, or a partner app; the idempotency key is theirs.
        "caller_id" uuid not null,
        "idempotency_key" varchar(100) not null,
        "result" jsonb null,
        "created_at" timestamptz not null default now(),
        constraint "submission_key_unique" unique ("caller_id", "idempotency_key")
      );`);

    this.addSql(`
      create table "metering"."reading_rules" (
        "supplier_id" uuid not null primary key,
        -- m³ per day since the last accepted reading above which a reading is refused; null: no limit.
        "max_daily_consumption" numeric(10, 3) null,
        "allow_zero_consumption" boolean not null default true,
        "refuse_past_verification" boolean not null default true
      );`);
  }
}
