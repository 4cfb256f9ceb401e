// The readings a kept submission recorded, found by its id: what a repeat under its key is compared with when the
// request hashes differ (see reading/idempotency.ts).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202020000IndexReadingSubmission extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "reading_submission_id_idx" on "metering"."reading" ("submission_id") where "submission_id" is not null;`,
    );
  }
}
