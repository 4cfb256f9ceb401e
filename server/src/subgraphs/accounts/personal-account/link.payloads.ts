// What linking and unlinking a personal account answer.
import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { PersonalAccount } from './personal-account.types.js';

@ObjectType({ description: 'The result of `linkPersonalAccount`.' })
export class LinkPersonalAccountPayload {
  @Field(() => Boolean, { description: 'The account is linked to the cabinet (now, or it was already).' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'Why not: `SUPPLIER_REQUIRED`, `NUMBER_REQUIRED`, `NUMBER_NOT_DIGITS`, `NUMBER_TOO_SHORT`, `NUMBER_TOO_LONG`, ' +
      '`PROOF_REQUIRED`, `PROOF_INVALID`, `ACCOUNT_NOT_FOUND` (no such number, or the proof does not match: one ' +
      'answer for both), `RATE_LIMITED` or `TOO_MANY_ACCOUNTS` (50 per cabinet).',
  })
  errors!: UserError[];

  @Field(() => PersonalAccount, { nullable: true, description: 'The linked account.' })
  account!: PersonalAccount | null;
}

@ObjectType({ description: 'The result of `unlinkPersonalAccount`.' })
export class UnlinkPersonalAccountPayload {
  @Field(() => Boolean, { description: 'The account is no longer linked to the cabinet.' })
  ok!: boolean;

  @Field(() => [UserError], { description: '`NOT_LINKED` when the account was not linked to this cabinet.' })
  errors!: UserError[];

  @Field(() => ID, { nullable: true, description: 'The account that was unlinked.' })
  accountId!: string | null;
}
