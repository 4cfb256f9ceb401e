/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How many digits account numbers have: 1 to 20, the minimum not above the maximum (else `FORMAT_INVALID`). */
export type AccountNumberFormatInput = {
  /** The most digits, at most 20. */
  maxDigits: number;
  /** The fewest digits, at least 1. */
  minDigits: number;
};

/** All the tariffs of one account: they replace every tariff it had. */
export type AccountTariffsInput = {
  /** The number of an account of the partner's supplier (else `ACCOUNT_NOT_FOUND`); spaces, dashes and dots are ignored. */
  accountNumber: string;
  /** The account’s tariffs; they replace the ones held. */
  tariffs: Array<TariffInput>;
};

/** Support’s answer to a request (scope `support:answer`). */
export type AnswerSupportRequestInput = {
  /** The request’s number. */
  number: number;
  /** The status the request gets: answered (when omitted), waiting for the abonent, or closed. */
  status?: SupportAnswerStatus | null | undefined;
  /** The answer, up to 5000 characters; the abonent gets it by letter too. */
  text: string;
};

/** The balance of one account as of a date. */
export type BalanceInput = {
  /** The number of an account of the partner's supplier (else `ACCOUNT_NOT_FOUND`); spaces, dashes and dots are ignored. */
  accountNumber: string;
  /** YYYY-MM-DD; a balance older than the one held is ignored. */
  asOf: string;
  /** Kopecks, positive = debt, negative = overpayment. */
  balance: number;
};

/** The payee, as on the receipt; checked with the control digits of ИНН and the accounts. */
export type BankDetailsInput = {
  /** Settlement account, 20 digits whose control digit agrees with `bic` (else `ACCOUNT_INVALID`). */
  account: string;
  /** The bank (BankName), up to 45 characters (else `NAME_INVALID`). */
  bankName: string;
  /** БИК, 9 digits starting with 04 (else `BIC_INVALID`). */
  bic: string;
  /** Correspondent account, 20 digits starting with 301 whose control digit agrees with `bic` (else `ACCOUNT_INVALID`). */
  correspondentAccount: string;
  /** ИНН of the payee: 10 or 12 digits with valid control digits (else `INN_INVALID`). */
  inn: string;
  /** КПП of the payee, 9 characters, e.g. `783801001` (else `KPP_INVALID`); null when it has none. */
  kpp?: string | null | undefined;
  /** The payee (Name), up to 160 characters (else `NAME_INVALID`). */
  payeeName: string;
};

/** What was charged on one account for one month; it replaces what is held for that month. */
export type ChargeInput = {
  /** The number of an account of the partner's supplier (else `ACCOUNT_NOT_FOUND`); spaces, dashes and dots are ignored. */
  accountNumber: string;
  /** Kopecks. */
  amount: number;
  /** YYYY-MM. */
  month: string;
  /** Volume in m³, a decimal with at most 3 fraction digits, e.g. "12.345". */
  volume: string;
};

/** One inspector's reading: the dial's digits and a drop below the reading before (unless `rollover`) are checked; the abonents' limits are not. */
export type InspectorReadingInput = {
  /** The dial went past its maximum since the last reading. */
  rollover?: boolean | null | undefined;
  /** The meter's serial number within the supplier. */
  serialNumber: string;
  /** A decimal string. */
  value: string;
  /** Default TOTAL. */
  zone?: ReadingZone | null | undefined;
};

/** The proof of holding the receipt a supplier asks for when an account is linked. */
export type LinkProof =
  /** The amount of the last charge, in rubles and kopecks, as on the receipt. */
  | 'LAST_CHARGE_AMOUNT'
  /** The meter reading printed on the last receipt. */
  | 'METER_READING'
  /** The account number alone. */
  | 'NONE'
  /** The PIN printed on the receipt. */
  | 'RECEIPT_PIN';

/** A meter, identified by its serial number within the supplier. */
export type MeterInput = {
  /** The personal account it is installed on. */
  accountNumber: string;
  /** Digits after it, 0 to 5; default 3. */
  fractionDigits?: number | null | undefined;
  /** The dial when installed (decimal string); default 0. */
  initialValue?: string | null | undefined;
  /** YYYY-MM-DD. */
  installedOn?: string | null | undefined;
  /** Digits before the point on the dial, 1 to 9; default 5. */
  integerDigits?: number | null | undefined;
  /** The next verification date, YYYY-MM-DD. */
  nextVerificationOn?: string | null | undefined;
  /** The serial number, 1 to 40 characters: it identifies the meter within the supplier (else `SERIAL_INVALID`). */
  serialNumber: string;
  /** ACTIVE (default) or REMOVED. */
  status?: string | null | undefined;
  /** Default SINGLE. */
  zones?: MeterZones | null | undefined;
};

/** One register, or separate day and night ones. */
export type MeterZones =
  /** Day and night registers: its readings name DAY and NIGHT. */
  | 'DAY_NIGHT'
  /** One register: its readings name the zone TOTAL. */
  | 'SINGLE';

/** What a payment pays. */
export type PaymentPurpose =
  /** An amount the abonent chose. */
  | 'CUSTOM'
  /** The amount due when it was started (`PersonalAccount.amountDue.due`). */
  | 'DEBT';

/** Where a payment stands; it only moves forward: CREATED → PENDING → SUCCEEDED or CANCELED, SUCCEEDED → REFUNDED. */
export type PaymentStatus =
  /** Not paid: see `cancellationCode` and `cancellationReason`. */
  | 'CANCELED'
  /** Recorded by Kabinet; the acquirer has not confirmed it has the payment yet. */
  | 'CREATED'
  /** The acquirer waits for the payer to confirm (card, 3-D Secure) on `confirmationUrl`. */
  | 'PENDING'
  /** Succeeded, then refunded in full. */
  | 'REFUNDED'
  /** Paid; a partial refund leaves it SUCCEEDED (see `refunded`). */
  | 'SUCCEEDED';

/** One account as the billing system knows it; the number identifies it within the supplier. */
export type PersonalAccountInput = {
  /** The address the service is supplied to, up to 500 characters. */
  address: string;
  /** Kopecks, positive = debt; kept as it is when omitted. */
  balance?: number | null | undefined;
  /** YYYY-MM-DD the balance is as of; default today. */
  balanceAsOf?: string | null | undefined;
  /** Full name; abonents see it masked. */
  holderName: string;
  /** The account number: digits, as many as the supplier's `accountNumberFormat` allows (else `NUMBER_INVALID`); spaces, dashes and dots are ignored. */
  number: string;
  /** The PIN printed on receipts (4–8 digits); stored hashed. */
  receiptPin?: string | null | undefined;
  /** The meter reading printed on the last receipt (decimal). */
  receiptReading?: string | null | undefined;
  /** Services, e.g. ["Газоснабжение"]; default none. */
  services?: Array<string> | null | undefined;
};

/** Only the fields given change. */
export type ReadingRulesInput = {
  /** Whether a reading equal to the last one is accepted. */
  allowZeroConsumption?: boolean | null | undefined;
  /** m³ per day since the last accepted reading above which a reading is refused; "" removes the limit. */
  maxDailyConsumption?: string | null | undefined;
  /** m³ a month a reading of a meter without history may reach before it is refused with `READING_IMPLAUSIBLE` until confirmed (a decimal, up to 3 fraction digits); "" restores the default. */
  monthlyMaximum?: string | null | undefined;
  /** How many times a meter's average daily consumption (over its accepted history) an abonent's reading may reach before it is refused with `READING_IMPLAUSIBLE` until confirmed: 2–1000; 0 restores the default. */
  plausibilityFactor?: number | null | undefined;
  /** Whether readings of a meter past its verification are refused. */
  refusePastVerification?: boolean | null | undefined;
};

/** Who took the reading. */
export type ReadingSource =
  /** The abonent, with `submitReadings`. */
  | 'ABONENT'
  /** The supplier's billing system; no operation of this API records such readings (the demo data's history has them). */
  | 'BILLING'
  /** The supplier's inspector, sent by its billing with `recordReadings`. */
  | 'INSPECTOR'
  /** The abonent, with the payment they were sent with (`startPayment`). */
  | 'PAYMENT';

/** TOTAL for single-zone meters. */
export type ReadingZone =
  /** The day register of a DAY_NIGHT meter. */
  | 'DAY'
  /** The night register of a DAY_NIGHT meter. */
  | 'NIGHT'
  /** The one register of a SINGLE meter. */
  | 'TOTAL';

/** Readings taken by the supplier's inspectors (scope `readings:write`). */
export type RecordReadingsInput = {
  /** Chosen by the caller (8–100 characters): repeating it never records twice. */
  idempotencyKey: string;
  /** Up to 1000 readings; all recorded or none. */
  readings: Array<InspectorReadingInput>;
};

/** Balances of the partner's supplier's accounts (scope `accounts:write`). */
export type SetBalancesInput = {
  /** Up to 1000 balances. */
  balances: Array<BalanceInput>;
};

/** Tariffs of the partner's supplier's accounts (scope `accounts:write`). */
export type SetTariffsInput = {
  /** Up to 1000 accounts. */
  accounts: Array<AccountTariffsInput>;
};

/** Only the fields given change. */
export type SupplierSettingsInput = {
  /** How many digits account numbers have (`linkPersonalAccount` and `upsertPersonalAccounts` check it). */
  accountNumberFormat?: AccountNumberFormatInput | null | undefined;
  /** The payee for the payment QR code, the payment notices and online payments (which need it), given whole. */
  bankDetails?: BankDetailsInput | null | undefined;
  /** What, besides the number, abonents give from now on to link an account. */
  linkProof?: LinkProof | null | undefined;
  /** 1 to 28. */
  readingClosingDay?: number | null | undefined;
  /** A sample receipt shipped with the web client, a path under `/receipts/` (e.g. `/receipts/moskva.svg`). */
  receiptSampleUrl?: string | null | undefined;
  /** The service desk's contacts; given, they replace all four. */
  support?: SupportContactsInput | null | undefined;
};

/** The status a request gets with an answer. */
export type SupportAnswerStatus =
  /** Answered; the abonent may still add to it. */
  | 'ANSWERED'
  /** Closed: nothing more can be added. */
  | 'CLOSED'
  /** Support asked something and waits for the abonent. */
  | 'WAITING_FOR_ABONENT';

/** The service desk's contacts: given, all four are replaced, so one left out is cleared. */
export type SupportContactsInput = {
  /** The service desk's postal address (up to 300 characters). */
  address?: string | null | undefined;
  /** An e-mail address, up to 254 characters (else `EMAIL_INVALID`). */
  email?: string | null | undefined;
  /** Digits, spaces, brackets and dashes, 5 to 49 characters, may start with + (else `PHONE_INVALID`). */
  phone?: string | null | undefined;
  /** An address starting with https:// (else `URL_INVALID`). */
  website?: string | null | undefined;
};

/** Who wrote a message. */
export type SupportMessageAuthor =
  /** The abonent, adding to their own request. */
  | 'ABONENT'
  /** Technical support, answering. */
  | 'SUPPORT';

/** Where a request stands. */
export type SupportRequestStatus =
  /** Support answered. */
  | 'ANSWERED'
  /** Closed by support; nothing more can be added. */
  | 'CLOSED'
  /** The abonent added to it after an answer; support has not answered again yet. */
  | 'IN_PROGRESS'
  /** Sent, not answered yet. */
  | 'NEW'
  /** Support answered with a question and waits for the abonent. */
  | 'WAITING_FOR_ABONENT';

/** The price of a service from a date; one per service and `validFrom` within an account. */
export type TariffInput = {
  /** Kopecks per unit. */
  pricePerUnit: number;
  /** e.g. «Газоснабжение». */
  service: string;
  /** Default «м³». */
  unit?: string | null | undefined;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or null while open-ended. */
  validTo?: string | null | undefined;
};

/** Monthly charges of the partner's supplier's accounts (scope `accounts:write`). */
export type UpsertChargesInput = {
  /** Up to 1000 charges; one per account and month. */
  charges: Array<ChargeInput>;
};

/** Meters of the partner's supplier to create or update (scope `readings:write`). */
export type UpsertMetersInput = {
  /** Up to 1000 meters. */
  meters: Array<MeterInput>;
};

/** Accounts of the partner's supplier to create or update (scope `accounts:write`). */
export type UpsertPersonalAccountsInput = {
  /** Up to 1000 accounts. */
  accounts: Array<PersonalAccountInput>;
};

export type PartnerAppQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerAppQuery = { partnerApp: { id: string, name: string, scopes: Array<string>, createdAt: string, supplier: { id: string, code: string, name: string } } };

export type PartnerAccountsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  updatedSince?: string | null | undefined;
}>;


export type PartnerAccountsQuery = { partnerAccounts: { nodes: Array<{ id: string, number: string, address: string, holderName: string, services: Array<string>, updatedAt: string, balance: { kopecks: number, asOf: string | null }, supplier: { code: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartnerReadingsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  since?: string | null | undefined;
}>;


export type PartnerReadingsQuery = { partnerReadings: { nodes: Array<{ id: string, accountNumber: string, serialNumber: string, meterId: string, zone: ReadingZone, value: string, period: string, submittedAt: string, source: ReadingSource, current: boolean, consumption: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartnerPaymentsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  since?: string | null | undefined;
}>;


export type PartnerPaymentsQuery = { partnerPayments: { nodes: Array<{ id: string, accountId: string, accountNumber: string, purpose: PaymentPurpose, amount: number, refunded: number, status: PaymentStatus, final: boolean, cancellationCode: string | null, cancellationReason: string | null, readingsSubmitted: number, createdAt: string, succeededAt: string | null, statusChangedAt: string, provider: string, providerPaymentId: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpsertPersonalAccountsMutationVariables = Exact<{
  input: UpsertPersonalAccountsInput;
}>;


export type UpsertPersonalAccountsMutation = { upsertPersonalAccounts: { ok: boolean, created: number, updated: number, unchanged: number, errors: Array<{ index: number, field: string | null, code: string, message: string }> } };

export type SetBalancesMutationVariables = Exact<{
  input: SetBalancesInput;
}>;


export type SetBalancesMutation = { setBalances: { ok: boolean, created: number, updated: number, unchanged: number, errors: Array<{ index: number, field: string | null, code: string, message: string }> } };

export type SetTariffsMutationVariables = Exact<{
  input: SetTariffsInput;
}>;


export type SetTariffsMutation = { setTariffs: { ok: boolean, created: number, updated: number, unchanged: number, errors: Array<{ index: number, field: string | null, code: string, message: string }> } };

export type UpsertChargesMutationVariables = Exact<{
  input: UpsertChargesInput;
}>;


export type UpsertChargesMutation = { upsertCharges: { ok: boolean, created: number, updated: number, unchanged: number, errors: Array<{ index: number, field: string | null, code: string, message: string }> } };

export type UpsertMetersMutationVariables = Exact<{
  input: UpsertMetersInput;
}>;


export type UpsertMetersMutation = { upsertMeters: { ok: boolean, created: number, updated: number, unchanged: number, errors: Array<{ index: number, field: string | null, code: string, message: string }> } };

export type RecordReadingsMutationVariables = Exact<{
  input: RecordReadingsInput;
}>;


export type RecordReadingsMutation = { recordReadings: { ok: boolean, created: number, updated: number, unchanged: number, errors: Array<{ index: number, field: string | null, code: string, message: string }> } };

export type UpdateSupplierSettingsMutationVariables = Exact<{
  input: SupplierSettingsInput;
}>;


export type UpdateSupplierSettingsMutation = { updateSupplierSettings: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }>, supplier: { id: string, code: string, name: string, legalName: string | null, region: string, inn: string | null, linkProof: LinkProof, readingClosingDay: number, receiptSampleUrl: string, accountNumberFormat: { minDigits: number, maxDigits: number, hint: string }, bankDetails: { payeeName: string, inn: string, kpp: string | null, account: string, bankName: string, bic: string, correspondentAccount: string } | null, support: { phone: string | null, email: string | null, website: string | null, address: string | null } } | null } };

export type UpdateReadingRulesMutationVariables = Exact<{
  input: ReadingRulesInput;
}>;


export type UpdateReadingRulesMutation = { updateReadingRules: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }>, rules: { maxDailyConsumption: string | null, allowZeroConsumption: boolean, refusePastVerification: boolean, plausibilityFactor: number, monthlyMaximum: string } | null } };

export type AnswerSupportRequestMutationVariables = Exact<{
  input: AnswerSupportRequestInput;
}>;


export type AnswerSupportRequestMutation = { answerSupportRequest: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }>, supportRequest: { id: string, number: number, topic: string, message: string, contactEmail: string, status: SupportRequestStatus, createdAt: string, messages: Array<{ id: string, author: SupportMessageAuthor, text: string, createdAt: string }> } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PartnerAppDocument = new TypedDocumentString(`
    query PartnerApp {
  partnerApp {
    id
    name
    scopes
    createdAt
    supplier {
      id
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAppQuery, PartnerAppQueryVariables>;
export const PartnerAccountsDocument = new TypedDocumentString(`
    query PartnerAccounts($first: Int!, $after: String, $updatedSince: DateTimeISO) {
  partnerAccounts(first: $first, after: $after, updatedSince: $updatedSince) {
    nodes {
      id
      number
      address
      holderName
      services
      balance {
        kopecks
        asOf
      }
      updatedAt
      supplier {
        code
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAccountsQuery, PartnerAccountsQueryVariables>;
export const PartnerReadingsDocument = new TypedDocumentString(`
    query PartnerReadings($first: Int!, $after: String, $since: DateTimeISO) {
  partnerReadings(first: $first, after: $after, since: $since) {
    nodes {
      id
      accountNumber
      serialNumber
      meterId
      zone
      value
      period
      submittedAt
      source
      current
      consumption
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerReadingsQuery, PartnerReadingsQueryVariables>;
export const PartnerPaymentsDocument = new TypedDocumentString(`
    query PartnerPayments($first: Int!, $after: String, $since: DateTimeISO) {
  partnerPayments(first: $first, after: $after, since: $since) {
    nodes {
      id
      accountId
      accountNumber
      purpose
      amount
      refunded
      status
      final
      cancellationCode
      cancellationReason
      readingsSubmitted
      createdAt
      succeededAt
      statusChangedAt
      provider
      providerPaymentId
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerPaymentsQuery, PartnerPaymentsQueryVariables>;
export const UpsertPersonalAccountsDocument = new TypedDocumentString(`
    mutation UpsertPersonalAccounts($input: UpsertPersonalAccountsInput!) {
  upsertPersonalAccounts(input: $input) {
    ok
    created
    updated
    unchanged
    errors {
      index
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpsertPersonalAccountsMutation, UpsertPersonalAccountsMutationVariables>;
export const SetBalancesDocument = new TypedDocumentString(`
    mutation SetBalances($input: SetBalancesInput!) {
  setBalances(input: $input) {
    ok
    created
    updated
    unchanged
    errors {
      index
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetBalancesMutation, SetBalancesMutationVariables>;
export const SetTariffsDocument = new TypedDocumentString(`
    mutation SetTariffs($input: SetTariffsInput!) {
  setTariffs(input: $input) {
    ok
    created
    updated
    unchanged
    errors {
      index
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetTariffsMutation, SetTariffsMutationVariables>;
export const UpsertChargesDocument = new TypedDocumentString(`
    mutation UpsertCharges($input: UpsertChargesInput!) {
  upsertCharges(input: $input) {
    ok
    created
    updated
    unchanged
    errors {
      index
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpsertChargesMutation, UpsertChargesMutationVariables>;
export const UpsertMetersDocument = new TypedDocumentString(`
    mutation UpsertMeters($input: UpsertMetersInput!) {
  upsertMeters(input: $input) {
    ok
    created
    updated
    unchanged
    errors {
      index
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpsertMetersMutation, UpsertMetersMutationVariables>;
export const RecordReadingsDocument = new TypedDocumentString(`
    mutation RecordReadings($input: RecordReadingsInput!) {
  recordReadings(input: $input) {
    ok
    created
    updated
    unchanged
    errors {
      index
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordReadingsMutation, RecordReadingsMutationVariables>;
export const UpdateSupplierSettingsDocument = new TypedDocumentString(`
    mutation UpdateSupplierSettings($input: SupplierSettingsInput!) {
  updateSupplierSettings(input: $input) {
    ok
    errors {
      field
      code
      message
    }
    supplier {
      id
      code
      name
      legalName
      region
      inn
      linkProof
      readingClosingDay
      accountNumberFormat {
        minDigits
        maxDigits
        hint
      }
      bankDetails {
        payeeName
        inn
        kpp
        account
        bankName
        bic
        correspondentAccount
      }
      receiptSampleUrl
      support {
        phone
        email
        website
        address
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateSupplierSettingsMutation, UpdateSupplierSettingsMutationVariables>;
export const UpdateReadingRulesDocument = new TypedDocumentString(`
    mutation UpdateReadingRules($input: ReadingRulesInput!) {
  updateReadingRules(input: $input) {
    ok
    errors {
      field
      code
      message
    }
    rules {
      maxDailyConsumption
      allowZeroConsumption
      refusePastVerification
      plausibilityFactor
      monthlyMaximum
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateReadingRulesMutation, UpdateReadingRulesMutationVariables>;
export const AnswerSupportRequestDocument = new TypedDocumentString(`
    mutation AnswerSupportRequest($input: AnswerSupportRequestInput!) {
  answerSupportRequest(input: $input) {
    ok
    errors {
      field
      code
      message
    }
    supportRequest {
      id
      number
      topic
      message
      contactEmail
      status
      createdAt
      messages {
        id
        author
        text
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnswerSupportRequestMutation, AnswerSupportRequestMutationVariables>;