// What a supplier's own partner app may change of its settings (scope `supplier:write`).
import { Field, InputType, Int } from 'type-graphql';
import { LinkProof } from './supplier.entity.js';

@InputType({
  description:
    'How many digits account numbers have: 1 to 20, the minimum not above the maximum (else `FORMAT_INVALID`).',
})
export class AccountNumberFormatInput {
  @Field(() => Int, { description: 'The fewest digits, at least 1.' })
  minDigits!: number;

  @Field(() => Int, { description: 'The most digits, at most 20.' })
  maxDigits!: number;
}

@InputType({ description: 'The payee, as on the receipt; checked with the control digits of ИНН and the accounts.' })
export class BankDetailsInput {
  @Field(() => String, { description: 'The payee (Name), up to 160 characters (else `NAME_INVALID`).' })
  payeeName!: string;

  @Field(() => String, {
    description: 'ИНН of the payee: 10 or 12 digits with valid control digits (else `INN_INVALID`).',
  })
  inn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'КПП of the payee, 9 characters, e.g. `783801001` (else `KPP_INVALID`); null when it has none.',
  })
  kpp?: string | null;

  @Field(() => String, {
    description: 'Settlement account, 20 digits whose control digit agrees with `bic` (else `ACCOUNT_INVALID`).',
  })
  account!: string;

  @Field(() => String, { description: 'The bank (BankName), up to 45 characters (else `NAME_INVALID`).' })
  bankName!: string;

  @Field(() => String, { description: 'БИК, 9 digits starting with 04 (else `BIC_INVALID`).' })
  bic!: string;

  @Field(() => String, {
    description:
      'Correspondent account, 20 digits starting with 301 whose control digit agrees with `bic` (else `ACCOUNT_INVALID`).',
  })
  correspondentAccount!: string;
}

@InputType({
  description: "The service desk's contacts: given, all four are replaced, so one left out is cleared.",
})
export class SupportContactsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Digits, spaces, brackets and dashes, 5 to 49 characters, may start with + (else `PHONE_INVALID`).',
  })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An e-mail address, up to 254 characters (else `EMAIL_INVALID`).',
  })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'An address starting with https:// (else `URL_INVALID`).' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "The service desk's postal address (up to 300 characters)." })
  address?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class SupplierSettingsInput {
  @Field(() => LinkProof, {
    nullable: true,
    description: 'What, besides the number, abonents give from now on to link an account.',
  })
  linkProof?: LinkProof | null;

  @Field(() => AccountNumberFormatInput, {
    nullable: true,
    description: 'How many digits account numbers have (`linkPersonalAccount` and `upsertPersonalAccounts` check it).',
  })
  accountNumberFormat?: AccountNumberFormatInput | null;

  @Field(() => Int, { nullable: true, description: '1 to 28.' })
  readingClosingDay?: number | null;

  @Field(() => BankDetailsInput, {
    nullable: true,
    description:
      'The payee for the payment QR code, the payment notices and online payments (which need it), given whole.',
  })
  bankDetails?: BankDetailsInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A sample receipt shipped with the web client, a path under `/receipts/` (e.g. `/receipts/moskva.svg`).',
  })
  receiptSampleUrl?: string | null;

  @Field(() => SupportContactsInput, {
    nullable: true,
    description: "The service desk's contacts; given, they replace all four.",
  })
  support?: SupportContactsInput | null;
}
