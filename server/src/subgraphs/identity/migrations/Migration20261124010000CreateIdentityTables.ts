// Abonents, their sessions and e-mailed links, used CAPTCHA solutions, support requests and rate-limit counters.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124010000CreateIdentityTables extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "identity"."abonent" (
        "id" uuid not null default gen_random_uuid() primary key,
        "email" varchar(254) not null,
        "email_normalized" varchar(254) not null,
        "password_hash" text not null,
        "email_confirmed_at" timestamptz null,
        "confirmation_deadline" timestamptz null,
        "agreement_version" varchar(32) not null,
        "agreement_accepted_at" timestamptz not null,
        "personal_data_consent_version" varchar(32) not null,
        "personal_data_consent_at" timestamptz not null,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "abonent_email_normalized_unique" unique ("email_normalized"),
        constraint "abonent_email_normalized_lower" check ("email_normalized" = lower("email_normalized"))
      );`);
    // The purge job looks for unconfirmed cabinets past their deadline.
    this.addSql(`create index "abonent_unconfirmed_deadline_idx" on "identity"."abonent" ("confirmation_deadline")
      where "email_confirmed_at" is null;`);
    this.addSql(`
      create table "identity"."session" (
        "id" uuid not null default gen_random_uuid() primary key,
        "abonent_id" uuid not null references "identity"."abonent" ("id") on delete cascade,
        "token_hash" varchar(64) not null,
        "created_at" timestamptz not null default now(),
        "last_used_at" timestamptz not null default now(),
        "idle_expires_at" timestamptz not null,
        "absolute_expires_at" timestamptz not null,
        constraint "session_token_hash_unique" unique ("token_hash")
      );`);
    this.addSql(`create index "session_abonent_id_idx" on "identity"."session" ("abonent_id");`);
    this.addSql(`
      create table "identity"."email_token" (
        "id" uuid not null default gen_random_uuid() primary key,
        "abonent_id" uuid not null references "identity"."abonent" ("id") on delete cascade,
        "purpose" varchar(32) not null check ("purpose" in ('confirm_email', 'reset_password')),
        "token_hash" varchar(64) not null,
        "expires_at" timestamptz not null,
        "used_at" timestamptz null,
        "revoked_at" timestamptz null,
        "created_at" timestamptz not null default now(),
        constraint "email_token_token_hash_unique" unique ("token_hash")
      );`);
    this.addSql(`create index "email_token_abonent_id_idx" on "identity"."email_token" ("abonent_id", "purpose");`);
    this.addSql(`
      create table "identity"."captcha_solution" (
        "signature_hash" varchar(64) not null primary key,
        "expires_at" timestamptz not null
      );`);
    this.addSql(`
      create table "identity"."support_request" (
        "id" uuid not null default gen_random_uuid() primary key,
        "number" serial not null unique,
        "abonent_id" uuid null references "identity"."abonent" ("id") on delete cascade,
        "topic" varchar(200) not null,
        "message" text not null,
        "contact_email" varchar(254) not null,
        "status" varchar(20) not null default 'NEW' check ("status" in ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')),
        "created_at" timestamptz not null default now()
      );`);
    this.addSql(
      `create index "support_request_abonent_id_idx" on "identity"."support_request" ("abonent_id", "created_at");`,
    );
    // rate-limiter-flexible's own layout (RateLimiterPostgres), created here so no runtime DDL is needed.
    this.addSql(`
      create table "identity"."rate_limit" (
        "key" varchar(255) primary key,
        "points" integer not null default 0,
        "expire" bigint
      );`);
  }
}
