// A gas supplier (поставщик услуг) an abonent chooses when linking a personal account.
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/postgresql';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A gas supplier whose abonents use Kabinet.' })
@Entity({ tableName: 'supplier' })
export class Supplier {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String, { description: 'Stable slug, e.g. `sankt-peterburg`; never changes once published.' })
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @Field(() => String, { description: 'Name shown to abonents, e.g. «Межрегионгаз Санкт-Петербург».' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Full legal name as printed on receipts, when known.' })
  @Property({ type: 'string', length: 300, nullable: true })
  legalName?: string | null;

  @Field(() => String, { description: 'Region of the Russian Federation the supplier serves.' })
  @Property({ type: 'string', length: 200 })
  region!: string;

  @Field(() => String, { nullable: true, description: 'ИНН of the legal entity (10 digits), when known.' })
  @Property({ type: 'string', length: 12, nullable: true })
  inn?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt!: Date;
}
