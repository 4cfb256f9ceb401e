// What a kept submission asked for: the same key with other readings is refused instead of answered as done.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000000AddSubmissionRequestHash extends Migration {
  override async up(): Promise<void> {
    // Null for submissions kept before: they answer any repeat as before.
    this.addSql(`alter table "metering"."submission" add column "request_hash" char(64) null;`);
  }
}
