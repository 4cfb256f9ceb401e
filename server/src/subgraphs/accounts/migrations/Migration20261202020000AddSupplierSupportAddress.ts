// Where an abonent can come to the supplier's service desk in person (shown with its phone and e-mail).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202020000AddSupplierSupportAddress extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "accounts"."supplier" add column "support_address" varchar(300) null;`);
  }
}
