// What a supplier's own partner app may change of its settings (scope `supplier:write`).
import { Field, InputType, Int } from 'type-graphql';
import { LinkProof } from './supplier.entity.js';

@InputType()
export class AccountNumberFormatInput {
  @Field(() => Int)
  minDigits!: number;

  @Field(() => Int)
  maxDigits!: number;
}

@InputType({ description: 'The payee, as on the receipt; checked with the control digits of ИНН and the accounts.' })
export class BankDetailsInput {
  @Field(() => String)
  payeeName!: string;

  @Field(() => String)
  inn!: string;

  @Field(() => String, { nullable: true })
  kpp?: string | null;

  @Field(() => String)
  account!: string;

  @Field(() => String)
  bankName!: string;

  @Field(() => String)
  bic!: string;

  @Field(() => String)
  correspondentAccount!: string;
}

@InputType()
export class SupportContactsInput {
  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "The service desk's postal address (up to 300 characters)." })
  address?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class SupplierSettingsInput {
  @Field(() => LinkProof, { nullable: true })
  linkProof?: LinkProof | null;

  @Field(() => AccountNumberFormatInput, { nullable: true })
  accountNumberFormat?: AccountNumberFormatInput | null;

  @Field(() => Int, { nullable: true, description: '1 to 28.' })
  readingClosingDay?: number | null;

  @Field(() => BankDetailsInput, { nullable: true })
  bankDetails?: BankDetailsInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A sample receipt shipped with the web client, a path under `/receipts/` (e.g. `/receipts/moskva.svg`).',
  })
  receiptSampleUrl?: string | null;

  @Field(() => SupportContactsInput, { nullable: true })
  support?: SupportContactsInput | null;
}
