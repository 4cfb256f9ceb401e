// An abonent: a person with a cabinet; the e-mail is the login.
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person with a cabinet. The e-mail is the login.' })
@Entity({ tableName: 'abonent' })
export class Abonent {
  [OptionalProps]?: 'emailConfirmed' | 'createdAt' | 'updatedAt' | 'readingReminders';

  @Field(() => ID, { description: "Kabinet's id of the abonent (a UUID)." })
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String, { description: 'The login, as the abonent typed it (trimmed).' })
  @Property({ type: 'string', length: 254 })
  email!: string;

  /** Lower-cased e-mail: unique, what logins and registrations look up. */
  @Property({ type: 'string', length: 254, unique: true })
  emailNormalized!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'datetime', nullable: true })
  emailConfirmedAt?: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Until when the confirmation link is valid; the cabinet is deleted after it. Null once confirmed.',
  })
  @Property({ type: 'datetime', nullable: true })
  confirmationDeadline?: Date | null;

  @Property({ type: 'string', length: 32 })
  agreementVersion!: string;

  @Property({ type: 'datetime' })
  agreementAcceptedAt!: Date;

  @Property({ type: 'string', length: 32 })
  personalDataConsentVersion!: string;

  @Property({ type: 'datetime' })
  personalDataConsentAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the cabinet was registered.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Boolean, { description: 'Whether reminders to submit readings before the closing day are e-mailed.' })
  @Property({ type: 'boolean', default: true })
  readingReminders: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Boolean, { description: 'Whether the e-mail was confirmed by the link from the letter.' })
  get emailConfirmed(): boolean {
    return Boolean(this.emailConfirmedAt);
  }
}
