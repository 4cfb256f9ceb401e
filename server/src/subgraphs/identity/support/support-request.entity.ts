// A request to technical support («Поддержка»), from anyone; linked to the abonent when logged in.
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SupportRequestStatus {
  NEW = 'NEW',
  IN_PROGRESS = 'IN_PROGRESS',
  ANSWERED = 'ANSWERED',
  WAITING_FOR_ABONENT = 'WAITING_FOR_ABONENT',
  CLOSED = 'CLOSED',
}
registerEnumType(SupportRequestStatus, {
  name: 'SupportRequestStatus',
  description: 'Where a request stands.',
  valuesConfig: {
    NEW: { description: 'Sent, not answered yet.' },
    IN_PROGRESS: { description: 'The abonent added to it after an answer; support has not answered again yet.' },
    ANSWERED: { description: 'Support answered.' },
    WAITING_FOR_ABONENT: { description: 'Support answered with a question and waits for the abonent.' },
    CLOSED: { description: 'Closed by support; nothing more can be added.' },
  },
});

export enum SupportMessageAuthor {
  ABONENT = 'ABONENT',
  SUPPORT = 'SUPPORT',
}
registerEnumType(SupportMessageAuthor, {
  name: 'SupportMessageAuthor',
  description: 'Who wrote a message.',
  valuesConfig: {
    ABONENT: { description: 'The abonent, adding to their own request.' },
    SUPPORT: { description: 'Technical support, answering.' },
  },
});

@ObjectType({ description: 'A request to technical support.' })
@Entity({ tableName: 'support_request' })
export class SupportRequest {
  [OptionalProps]?: 'status' | 'createdAt' | 'number';

  @Field(() => ID, { description: "Kabinet's id of the request (a UUID); people quote its `number`." })
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => Int, { description: 'Short number to quote to support («Обращение № 42»).' })
  @Property({ type: 'integer', defaultRaw: `nextval('"identity"."support_request_number_seq"')` })
  number!: number;

  @Property({ type: 'uuid', nullable: true, index: true })
  abonentId?: string | null;

  @Field(() => String, { description: 'The subject chosen when it was sent.' })
  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Field(() => String, { description: 'The text first sent; what followed is in `messages`.' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => String, { description: 'Where support answers, as given with the request.' })
  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Field(() => SupportRequestStatus, { description: 'Where the request stands.' })
  @Property({ type: 'string', length: 20 })
  status: SupportRequestStatus = SupportRequestStatus.NEW;

  @Field(() => GraphQLISODateTime, { description: 'When it was sent.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'A message in a support request after the first: an addition by the abonent or an answer.' })
@Entity({ tableName: 'support_message' })
export class SupportMessage {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: "Kabinet's id of the message (a UUID)." })
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  requestId!: string;

  @Field(() => SupportMessageAuthor, { description: 'The abonent or support.' })
  @Property({ type: 'string', length: 20 })
  author!: SupportMessageAuthor;

  @Field(() => String, { description: 'The text, up to 5000 characters.' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was written.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
