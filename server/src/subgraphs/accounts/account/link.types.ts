// Inputs and payloads of linking a personal account to a cabinet.
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { PersonalAccount } from './personal-account.types.js';

@InputType()
export class LinkPersonalAccountInput {
  @Field(() => String, { description: 'The supplier’s code, e.g. `sankt-peterburg`.' })
  supplierCode!: string;

  @Field(() => String, { description: 'The account number from the receipt; spaces and dashes are ignored.' })
  number!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the supplier asks for besides the number (see `Supplier.linkProof`), as on the receipt.',
  })
  proof?: string | null;
}

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
