// Creates the PostgreSQL schema the identity subgraph owns; its tables arrive with the features that need them.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000CreateIdentitySchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "identity";`);
  }
}
