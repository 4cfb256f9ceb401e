// What metering keeps of the accounts subgraph's facts, delivered as events: which accounts exist (and of which
// supplier), who may act for them, their tariffs, and the suppliers' closing days.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000CreateAccountReplica extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "metering"."account" (
        "id" uuid not null primary key,
        "supplier_id" uuid not null,
        "number" varchar(20) not null,
        "tariffs" jsonb not null default '[]',
        "tariffs_at" timestamptz null,
        constraint "account_number_unique" unique ("supplier_id", "number")
      );`);
    this.addSql(`
      create table "metering"."account_access" (
        "abonent_id" uuid not null,
        "account_id" uuid not null,
        "linked" boolean not null,
        -- When the link changed in the accounts subgraph: an older delivery never overwrites a newer one.
        "changed_at" timestamptz not null,
        constraint "account_access_pkey" primary key ("abonent_id", "account_id")
      );`);
    this.addSql(`create index "account_access_account_idx" on "metering"."account_access" ("account_id");`);
    this.addSql(`
      create table "metering"."supplier_settings" (
        "supplier_id" uuid not null primary key,
        "reading_closing_day" smallint not null default 25,
        "changed_at" timestamptz not null
      );`);
  }
}
