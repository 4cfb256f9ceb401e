// Results of password operations.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType()
export class PasswordPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];
}

@ObjectType({ description: 'Whether a password-reset link can still set a password, told before any is typed.' })
export class PasswordResetLink {
  @Field(() => Boolean, { description: 'True while the link can set a new password.' })
  usable!: boolean;

  @Field(() => UserError, {
    nullable: true,
    description: 'Why not (`TOKEN_USED`, `TOKEN_EXPIRED` or `TOKEN_INVALID`) and what to do; null when usable.',
  })
  problem!: UserError | null;
}
