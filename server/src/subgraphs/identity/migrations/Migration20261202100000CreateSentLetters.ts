// Letters sent, by Message-ID: a retry of the mail job after a crash skips a letter already sent.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100000CreateSentLetters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "identity"."sent_letter" (
        "message_id" varchar(255) not null primary key,
        "kind" varchar(64) not null,
        "sent_at" timestamptz not null default now()
      );`);
    this.addSql(`create index "sent_letter_sent_at_idx" on "identity"."sent_letter" ("sent_at");`);
  }
}
