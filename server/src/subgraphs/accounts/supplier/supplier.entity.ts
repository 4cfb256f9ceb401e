// A gas supplier (поставщик услуг) an abonent chooses when linking a personal account.
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/postgresql';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What a supplier asks for, besides the number, before an abonent may link an account. */
export enum LinkProof {
  NONE = 'NONE',
  RECEIPT_PIN = 'RECEIPT_PIN',
  LAST_CHARGE_AMOUNT = 'LAST_CHARGE_AMOUNT',
  METER_READING = 'METER_READING',
}
registerEnumType(LinkProof, {
  name: 'LinkProof',
  description: 'The proof of holding the receipt a supplier asks for when an account is linked.',
  valuesConfig: {
    NONE: { description: 'The account number alone.' },
    RECEIPT_PIN: { description: 'The PIN printed on the receipt.' },
    LAST_CHARGE_AMOUNT: { description: 'The amount of the last charge, in rubles and kopecks, as on the receipt.' },
    METER_READING: { description: 'The meter reading printed on the last receipt.' },
  },
});

/** Shown when no supplier-specific sample receipt is set (served by the web client). */
export const DEFAULT_RECEIPT_SAMPLE_URL = '/receipt-sample.svg';

@ObjectType({ description: 'What a personal account number of this supplier looks like.' })
export class AccountNumberFormat {
  @Field(() => Int, { description: 'The fewest digits an account number has.' })
  minDigits!: number;

  @Field(() => Int, { description: 'The most digits an account number has.' })
  maxDigits!: number;

  @Field(() => String, { description: 'The rule in Russian, e.g. «Лицевой счёт должен содержать не более 10 цифр.»' })
  get hint(): string {
    return this.minDigits === this.maxDigits
      ? `Лицевой счёт должен содержать ${digits(this.maxDigits)}.`
      : this.minDigits > 1
        ? `Лицевой счёт должен содержать от ${this.minDigits} до ${digits(this.maxDigits)}.`
        : `Лицевой счёт должен содержать не более ${digits(this.maxDigits)}.`;
  }
}

function digits(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  const word = tens >= 11 && tens <= 14 ? 'цифр' : ones === 1 ? 'цифру' : ones >= 2 && ones <= 4 ? 'цифры' : 'цифр';
  return `${n} ${word}`;
}

@ObjectType({ description: 'The payee of payments for this supplier (as on the receipt and in the payment QR code).' })
export class BankDetails {
  @Field(() => String, { description: 'The payee (Name).' })
  payeeName!: string;

  @Field(() => String, { description: 'ИНН of the payee (PayeeINN).' })
  inn!: string;

  @Field(() => String, { nullable: true, description: 'КПП of the payee (KPP).' })
  kpp!: string | null;

  @Field(() => String, { description: 'Settlement account, 20 digits (PersonalAcc).' })
  account!: string;

  @Field(() => String, { description: 'The bank (BankName).' })
  bankName!: string;

  @Field(() => String, { description: 'БИК, 9 digits (BIC).' })
  bic!: string;

  @Field(() => String, { description: 'Correspondent account, 20 digits (CorrespAcc).' })
  correspondentAccount!: string;
}

@ObjectType({ description: "How to reach the supplier's own service desk." })
export class SupportContacts {
  @Field(() => String, { nullable: true, description: "The service desk's phone number; null when not given." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "The service desk's e-mail address; null when not given." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The supplier's website (https://…); null when not given." })
  website!: string | null;

  @Field(() => String, { nullable: true, description: "The service desk's postal address, to come in person." })
  address!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A gas supplier whose abonents use Kabinet.' })
@Entity({ tableName: 'supplier' })
export class Supplier {
  @Field(() => ID, { description: "Kabinet's id of the supplier (a UUID)." })
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String, { description: 'Stable slug, e.g. `sankt-peterburg`; never changes once published.' })
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @Field(() => String, { description: 'Name shown to abonents, e.g. «Межрегионгаз Санкт-Петербург».' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Full legal name as printed on receipts, when known.' })
  @Property({ type: 'string', length: 300, nullable: true })
  legalName?: string | null;

  @Field(() => String, { description: 'Region of the Russian Federation the supplier serves.' })
  @Property({ type: 'string', length: 200 })
  region!: string;

  @Field(() => String, { nullable: true, description: 'ИНН of the legal entity (10 digits), when known.' })
  @Property({ type: 'string', length: 12, nullable: true })
  inn?: string | null;

  @Property({ type: 'smallint', default: 1 })
  accountNumberMinDigits: number = 1;

  @Property({ type: 'smallint', default: 10 })
  accountNumberMaxDigits: number = 10;

  @Field(() => LinkProof, { description: 'What, besides the number, an abonent gives to link an account.' })
  @Property({ type: 'string', length: 32, default: LinkProof.NONE })
  linkProof: LinkProof = LinkProof.NONE;

  @Field(() => Int, {
    description: 'Readings sent after this day of the month count for the next period (the closing day).',
  })
  @Property({ type: 'smallint', default: 25 })
  readingClosingDay: number = 25;

  @Property({ type: 'string', length: 300, nullable: true })
  payeeName?: string | null;

  @Property({ type: 'string', length: 12, nullable: true })
  payeeInn?: string | null;

  @Property({ type: 'string', length: 9, nullable: true })
  payeeKpp?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  payeeAccount?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  bankName?: string | null;

  @Property({ type: 'string', length: 9, nullable: true })
  bankBic?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  bankCorrespondentAccount?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  receiptSampleUrl?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  supportPhone?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  supportEmail?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  website?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  supportAddress?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt!: Date;

  @Field(() => AccountNumberFormat, {
    description:
      'How many digits its account numbers have; `linkPersonalAccount` and `upsertPersonalAccounts` check it.',
  })
  get accountNumberFormat(): AccountNumberFormat {
    return Object.assign(new AccountNumberFormat(), {
      minDigits: this.accountNumberMinDigits,
      maxDigits: this.accountNumberMaxDigits,
    });
  }

  @Field(() => BankDetails, { nullable: true, description: 'Null until the supplier has given complete details.' })
  get bankDetails(): BankDetails | null {
    const { payeeName, payeeInn, payeeAccount, bankName, bankBic, bankCorrespondentAccount } = this;
    if (!payeeName || !payeeInn || !payeeAccount || !bankName || !bankBic || !bankCorrespondentAccount) return null;
    return Object.assign(new BankDetails(), {
      payeeName,
      inn: payeeInn,
      kpp: this.payeeKpp ?? null,
      account: payeeAccount,
      bankName,
      bic: bankBic,
      correspondentAccount: bankCorrespondentAccount,
    });
  }

  @Field(() => String, {
    name: 'receiptSampleUrl',
    description: 'A sample receipt with the account number marked, for the «?» hint next to the number field.',
  })
  get receiptSample(): string {
    return this.receiptSampleUrl ?? DEFAULT_RECEIPT_SAMPLE_URL;
  }

  @Field(() => SupportContacts, {
    description: "The supplier's service desk contacts; each is null until the supplier gives it.",
  })
  get support(): SupportContacts {
    return Object.assign(new SupportContacts(), {
      phone: this.supportPhone ?? null,
      email: this.supportEmail ?? null,
      website: this.website ?? null,
      address: this.supportAddress ?? null,
    });
  }
}
