// Online payments the accounts subgraph learns of from payments' events, and when each balance was recorded: what
// the QR code and the notice ask for is the balance less the payments made after it (the billing has not posted
// them yet).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100000CreateOnlinePayments extends Migration {
  override async up(): Promise<void> {
    // The time of the last `personal-account.balances-set` naming the account (the same `at` payments keeps).
    this.addSql(`alter table "accounts"."personal_account" add column "balance_recorded_at" timestamptz null;`);
    this.addSql(`update "accounts"."personal_account" set "balance_recorded_at" = "updated_at";`);
    this.addSql(`
      create table "accounts"."online_payment" (
        "payment_id" uuid not null primary key,
        "account_id" uuid not null references "accounts"."personal_account" ("id") on delete cascade,
        "amount_kopecks" bigint not null,
        "refunded_kopecks" bigint not null default 0,
        "succeeded_at" timestamptz not null,
        "changed_at" timestamptz not null,
        constraint "online_payment_refund_within" check ("refunded_kopecks" between 0 and "amount_kopecks")
      );`);
    this.addSql(
      `create index "online_payment_account_idx" on "accounts"."online_payment" ("account_id", "succeeded_at");`,
    );
  }
}
