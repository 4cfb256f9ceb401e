// Creates the supplier catalog table.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000CreateSupplier extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "accounts";`);
    this.addSql(`
      create table "accounts"."supplier" (
        "id" uuid not null default gen_random_uuid(),
        "code" varchar(64) not null,
        "name" varchar(200) not null,
        "legal_name" varchar(300) null,
        "region" varchar(200) not null,
        "inn" varchar(12) null,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "supplier_pkey" primary key ("id"),
        constraint "supplier_code_unique" unique ("code"),
        constraint "supplier_code_slug" check ("code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        constraint "supplier_inn_digits" check ("inn" is null or "inn" ~ '^([0-9]{10}|[0-9]{12})$')
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "accounts"."supplier";`);
  }
}
