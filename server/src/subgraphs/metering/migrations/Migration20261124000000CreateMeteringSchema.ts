// Creates the PostgreSQL schema the metering subgraph owns; its tables arrive with the features that need them.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000CreateMeteringSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "metering";`);
  }
}
