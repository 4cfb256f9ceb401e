// Support requests become threads: the abonent's additions and support's answers, and the status
// «ждём Вашего ответа» (support asked the abonent something).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000000AddSupportThreads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."support_request" drop constraint "support_request_status_check";`);
    this.addSql(`
      alter table "identity"."support_request" add constraint "support_request_status_check"
        check ("status" in ('NEW', 'IN_PROGRESS', 'ANSWERED', 'WAITING_FOR_ABONENT', 'CLOSED'));`);
    this.addSql(`
      create table "identity"."support_message" (
        "id" uuid not null default gen_random_uuid() primary key,
        "request_id" uuid not null references "identity"."support_request" ("id") on delete cascade,
        "author" varchar(20) not null check ("author" in ('ABONENT', 'SUPPORT')),
        "text" text not null,
        "created_at" timestamptz not null default now()
      );`);
    this.addSql(
      `create index "support_message_request_id_idx" on "identity"."support_message" ("request_id", "created_at");`,
    );
  }
}
