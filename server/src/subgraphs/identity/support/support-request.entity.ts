// A request to technical support («Поддержка»), from anyone; linked to the abonent when logged in.
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SupportRequestStatus {
  NEW = 'NEW',
  IN_PROGRESS = 'IN_PROGRESS',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(SupportRequestStatus, { name: 'SupportRequestStatus' });

@ObjectType({ description: 'A request to technical support.' })
@Entity({ tableName: 'support_request' })
export class SupportRequest {
  [OptionalProps]?: 'status' | 'createdAt' | 'number';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => Int, { description: 'Short number to quote to support («Обращение № 42»).' })
  @Property({ type: 'integer', defaultRaw: `nextval('"identity"."support_request_number_seq"')` })
  number!: number;

  @Property({ type: 'uuid', nullable: true, index: true })
  abonentId?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  message!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Field(() => SupportRequestStatus)
  @Property({ type: 'string', length: 20 })
  status: SupportRequestStatus = SupportRequestStatus.NEW;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
