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
