// What linking and unlinking a personal account answer.
import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { PersonalAccount } from './personal-account.types.js';

@ObjectType()
export class LinkPersonalAccountPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => PersonalAccount, { nullable: true, description: 'The linked account.' })
  account!: PersonalAccount | null;
}

@ObjectType()
export class UnlinkPersonalAccountPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => ID, { nullable: true, description: 'The account that was unlinked.' })
  accountId!: string | null;
}
