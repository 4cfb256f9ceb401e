// The personal account (лицевой счёт) as the API shows it: rows of the registry mapped to GraphQL types.
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { maskHolderName } from './holder-name.js';

@ObjectType({ description: 'What the account owes or has overpaid, as the supplier last reported it.' })
export class Balance {
  @Field(() => Int, { description: 'Kopecks: positive is a debt, negative an overpayment.' })
  kopecks!: number;

  @Field(() => Int, { description: 'The amount due in kopecks (0 when nothing is owed).' })
  get debt(): number {
    return Math.max(0, this.kopecks);
  }

  @Field(() => Int, { description: 'The overpayment in kopecks (0 when there is none).' })
  get overpayment(): number {
    return Math.max(0, -this.kopecks);
  }

  @Field(() => String, { nullable: true, description: 'The date (YYYY-MM-DD) the balance is as of.' })
  asOf!: string | null;
}

@ObjectType({ description: 'A price per unit of a service, valid over a period.' })
export class Tariff {
  @Field(() => String, { description: 'The service, e.g. «Газоснабжение».' })
  service!: string;

  @Field(() => Int, { description: 'Price per unit in kopecks.' })
  pricePerUnit!: number;

  @Field(() => String, { description: 'The unit, e.g. «м³».' })
  unit!: string;

  @Field(() => String, { description: 'First day of validity (YYYY-MM-DD).' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Last day of validity (YYYY-MM-DD), null while open-ended.' })
  validTo!: string | null;
}

@ObjectType({ description: 'What was charged (начислено) for one month.' })
export class Charge {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => String, { description: 'Volume in m³, a decimal number as a string (e.g. "12.345").' })
  volume!: string;

  @Field(() => Int, { description: 'Amount in kopecks.' })
  amount!: number;
}

@ObjectType({ description: 'What a bank app needs to pay the amount due: the ГОСТ Р 56042-2014 QR payload.' })
export class PaymentQr {
  @Field(() => String, { description: 'Encode this text as a QR code: `ST00012|Name=…|…|TechCode=02`.' })
  payload!: string;

  @Field(() => Int, { nullable: true, description: 'The amount it carries, kopecks; null when nothing is due.' })
  amount!: number | null;

  @Field(() => String, { description: 'The month paid for, YYYY-MM (PaymPeriod).' })
  period!: string;
}

@ObjectType({ description: 'A payment notice (извещение, form ПД-4) for one month, as a PDF file to save or print.' })
export class PaymentNotice {
  @Field(() => String, { description: 'A name to save the file under, e.g. `izveshchenie-702062012-2026-11.pdf`.' })
  fileName!: string;

  @Field(() => String, { description: 'The media type of the file: `application/pdf`.' })
  contentType!: string;

  @Field(() => String, { description: 'The PDF file, base64-encoded.' })
  contentBase64!: string;

  @Field(() => String, { description: 'The month paid for, YYYY-MM.' })
  period!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The amount printed (and in its QR code), kopecks; null when the notice leaves it blank.',
  })
  amount!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A personal account (лицевой счёт) in a supplier's registry." })
export class PersonalAccount {
  @Field(() => ID, { description: "Kabinet's id of the account (a UUID)." })
  id!: string;

  @Field(() => String, { description: 'The number printed on the receipt (digits only).' })
  number!: string;

  supplierId!: string;

  @Field(() => String, { description: 'The address the service is supplied to.' })
  address!: string;

  holderName!: string;

  @Field(() => String, { description: 'The holder, masked: «Иванов И. И.» is shown as «И***в И. И.».' })
  get holder(): string {
    return maskHolderName(this.holderName);
  }

  @Field(() => [String], { description: 'Services on the account, e.g. «Газоснабжение».' })
  services!: string[];

  @Field(() => Balance, {
    description:
      "What the account owes or has overpaid, as the supplier's billing last reported it; online payments since are " +
      'not in it (see `amountDue`).',
  })
  balance!: Balance;

  @Field(() => GraphQLISODateTime, { description: 'When the registry entry last changed.' })
  updatedAt!: Date;
}

export interface AccountRow {
  id: string;
  supplier_id: string;
  number: string;
  address: string;
  holder_name: string;
  services: string[];
  balance_kopecks: string;
  balance_as_of: string | null;
  updated_at: Date;
}

/** The columns every account read selects (prefix `a`). */
export const ACCOUNT_COLUMNS = `a."id", a."supplier_id", a."number", a."address", a."holder_name", a."services",
  a."balance_kopecks", a."balance_as_of", a."updated_at"`;

export function toPersonalAccount(row: AccountRow): PersonalAccount {
  return Object.assign(new PersonalAccount(), {
    id: row.id,
    number: row.number,
    supplierId: row.supplier_id,
    address: row.address,
    holderName: row.holder_name,
    services: row.services,
    balance: Object.assign(new Balance(), { kopecks: Number(row.balance_kopecks), asOf: row.balance_as_of }),
    updatedAt: new Date(row.updated_at),
  });
}
