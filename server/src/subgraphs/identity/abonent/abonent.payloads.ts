// Results of registration, confirmation and deletion: success data or field errors.
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType()
export class RegisterPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => String, { nullable: true, description: 'Where the confirmation letter went.' })
  email!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until when the link is valid.' })
  confirmationDeadline!: Date | null;
}

@ObjectType()
export class ConfirmEmailPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => String, { nullable: true, description: 'The confirmed address.' })
  email!: string | null;
}

@ObjectType()
export class ResendConfirmationPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The deadline, unchanged by a resend.' })
  confirmationDeadline!: Date | null;
}

@ObjectType()
export class DeleteCabinetPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];
}
