// The plausibility rules a supplier may change: null keeps Kabinet's default (see reading/plausibility.ts).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010000AddPlausibilityRules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "metering"."reading_rules"
      add column "plausibility_factor" smallint null,
      add column "monthly_maximum" numeric(10, 3) null,
      add constraint "reading_rules_plausibility_factor" check ("plausibility_factor" between 2 and 1000),
      add constraint "reading_rules_monthly_maximum" check ("monthly_maximum" > 0);`);
  }
}
