// The input of linking a personal account to a cabinet.
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'An account to link, as the receipt shows it.' })
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
