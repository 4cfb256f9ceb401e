// Inputs of the partner API: a supplier's billing system keeps the registry current.
import { Field, InputType, Int } from 'type-graphql';

/** How the writes that name an existing account by its number describe that field. */
const ACCOUNT_NUMBER_DESCRIPTION =
  "The number of an account of the partner's supplier (else `ACCOUNT_NOT_FOUND`); spaces, dashes and dots are ignored.";

@InputType({ description: 'One account as the billing system knows it; the number identifies it within the supplier.' })
export class PersonalAccountInput {
  @Field(() => String, {
    description:
      "The account number: digits, as many as the supplier's `accountNumberFormat` allows (else `NUMBER_INVALID`); " +
      'spaces, dashes and dots are ignored.',
  })
  number!: string;

  @Field(() => String, { description: 'The address the service is supplied to, up to 500 characters.' })
  address!: string;

  @Field(() => String, { description: 'Full name; abonents see it masked.' })
  holderName!: string;

  @Field(() => [String], { nullable: true, description: 'Services, e.g. ["Газоснабжение"]; default none.' })
  services?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Kopecks, positive = debt; kept as it is when omitted.' })
  balance?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the balance is as of; default today.' })
  balanceAsOf?: string | null;

  @Field(() => String, { nullable: true, description: 'The PIN printed on receipts (4–8 digits); stored hashed.' })
  receiptPin?: string | null;

  @Field(() => String, { nullable: true, description: 'The meter reading printed on the last receipt (decimal).' })
  receiptReading?: string | null;
}

@InputType({ description: "Accounts of the partner's supplier to create or update (scope `accounts:write`)." })
export class UpsertPersonalAccountsInput {
  @Field(() => [PersonalAccountInput], { description: 'Up to 1000 accounts.' })
  accounts!: PersonalAccountInput[];
}

@InputType({ description: 'What was charged on one account for one month; it replaces what is held for that month.' })
export class ChargeInput {
  @Field(() => String, { description: ACCOUNT_NUMBER_DESCRIPTION })
  accountNumber!: string;

  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => String, { description: 'Volume in m³, a decimal with at most 3 fraction digits, e.g. "12.345".' })
  volume!: string;

  @Field(() => Int, { description: 'Kopecks.' })
  amount!: number;
}

@InputType({ description: "Monthly charges of the partner's supplier's accounts (scope `accounts:write`)." })
export class UpsertChargesInput {
  @Field(() => [ChargeInput], { description: 'Up to 1000 charges; one per account and month.' })
  charges!: ChargeInput[];
}

@InputType({ description: 'The balance of one account as of a date.' })
export class BalanceInput {
  @Field(() => String, { description: ACCOUNT_NUMBER_DESCRIPTION })
  accountNumber!: string;

  @Field(() => Int, { description: 'Kopecks, positive = debt, negative = overpayment.' })
  balance!: number;

  @Field(() => String, { description: 'YYYY-MM-DD; a balance older than the one held is ignored.' })
  asOf!: string;
}

@InputType({ description: "Balances of the partner's supplier's accounts (scope `accounts:write`)." })
export class SetBalancesInput {
  @Field(() => [BalanceInput], { description: 'Up to 1000 balances.' })
  balances!: BalanceInput[];
}

@InputType({ description: 'The price of a service from a date; one per service and `validFrom` within an account.' })
export class TariffInput {
  @Field(() => String, { description: 'e.g. «Газоснабжение».' })
  service!: string;

  @Field(() => Int, { description: 'Kopecks per unit.' })
  pricePerUnit!: number;

  @Field(() => String, { nullable: true, description: 'Default «м³».' })
  unit?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, or null while open-ended.' })
  validTo?: string | null;
}

@InputType({ description: 'All the tariffs of one account: they replace every tariff it had.' })
export class AccountTariffsInput {
  @Field(() => String, { description: ACCOUNT_NUMBER_DESCRIPTION })
  accountNumber!: string;

  @Field(() => [TariffInput], { description: 'The account’s tariffs; they replace the ones held.' })
  tariffs!: TariffInput[];
}

@InputType({ description: "Tariffs of the partner's supplier's accounts (scope `accounts:write`)." })
export class SetTariffsInput {
  @Field(() => [AccountTariffsInput], { description: 'Up to 1000 accounts.' })
  accounts!: AccountTariffsInput[];
}
