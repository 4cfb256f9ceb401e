// Partner apps (suppliers' billing systems, payment agents) and their API keys, stored hashed.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000CreatePartnerApps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "identity"."partner_app" (
        "id" uuid not null default gen_random_uuid() primary key,
        "name" varchar(200) not null,
        -- The accounts subgraph's Supplier id (a federation reference: no foreign key across subgraphs).
        "supplier_id" uuid not null,
        "scopes" text[] not null,
        "created_at" timestamptz not null default now(),
        "revoked_at" timestamptz null,
        constraint "partner_app_name_not_blank" check (length(btrim("name")) > 0)
      );`);
    this.addSql(`
      create table "identity"."partner_api_key" (
        "id" uuid not null default gen_random_uuid() primary key,
        "partner_app_id" uuid not null references "identity"."partner_app" ("id") on delete cascade,
        -- The first characters of the key, so an operator can tell keys apart; the key itself is never stored.
        "prefix" varchar(16) not null,
        "key_hash" varchar(64) not null,
        "created_at" timestamptz not null default now(),
        "last_used_at" timestamptz null,
        "revoked_at" timestamptz null,
        constraint "partner_api_key_hash_unique" unique ("key_hash")
      );`);
    this.addSql(`create index "partner_api_key_app_idx" on "identity"."partner_api_key" ("partner_app_id");`);
  }
}
