// Whether an abonent wants reminders to submit readings before the closing day (on unless they opt out).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261125020000AddReadingReminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."abonent" add column "reading_reminders" boolean not null default true;`);
  }
}
