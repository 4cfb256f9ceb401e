// Which abonents were reminded to submit readings for which period: one reminder each.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125020000CreateReminderSent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "metering"."reminder_sent" (
        "abonent_id" uuid not null,
        "period" date not null,
        "sent_at" timestamptz not null default now(),
        constraint "reminder_sent_pkey" primary key ("abonent_id", "period")
      );`);
  }
}
