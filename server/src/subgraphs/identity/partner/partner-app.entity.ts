// A partner app: a supplier's billing system (or another program) acting for exactly one supplier.
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

/** The accounts subgraph's Supplier, referenced by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Supplier')
export class SupplierReference {
  @Field(() => ID, { description: "Kabinet's id of the supplier (a UUID)." })
  id!: string;
}

@ObjectType({ description: 'A partner app acting for one supplier through the partner API.' })
@Entity({ tableName: 'partner_app' })
export class PartnerApp {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @Field(() => ID, { description: "Kabinet's id of the app (a UUID)." })
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String, { description: 'The name the operator gave the app when creating it.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'uuid' })
  supplierId!: string;

  @Field(() => [String], { description: 'What the app may do, e.g. `accounts:write`.' })
  @Property({ type: 'text[]' })
  scopes!: string[];

  @Field(() => GraphQLISODateTime, { description: 'When the app was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => SupplierReference, { description: 'The supplier whose data the app reads and writes.' })
  supplier(): SupplierReference {
    return Object.assign(new SupplierReference(), { id: this.supplierId });
  }
}

@Entity({ tableName: 'partner_api_key' })
export class PartnerApiKey {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  partnerAppId!: string;

  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64 })
  keyHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
