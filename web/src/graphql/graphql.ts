/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
  newPasswordRepeat: string;
};

export type CreateSupportRequestInput = {
  /** ALTCHA payload; required when not logged in. */
  captcha?: string | null | undefined;
  /** Where support answers. */
  contactEmail: string;
  /** The question, up to 5000 characters. */
  message: string;
  /** Subject, up to 200 characters. */
  topic: string;
};

export type LinkPersonalAccountInput = {
  /** The account number from the receipt; spaces and dashes are ignored. */
  number: string;
  /** What the supplier asks for besides the number (see `Supplier.linkProof`), as on the receipt. */
  proof?: string | null | undefined;
  /** The supplier’s code, e.g. `sankt-peterburg`. */
  supplierCode: string;
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

export type LoginInput = {
  /** The ALTCHA payload; required after several failed attempts (`captchaRequired` says when). */
  captcha?: string | null | undefined;
  email: string;
  password: string;
};

/** One register, or separate day and night ones. */
export type MeterZones =
  | 'DAY_NIGHT'
  | 'SINGLE';

export type PaymentPurpose =
  | 'CUSTOM'
  | 'DEBT';

export type PaymentStatus =
  | 'CANCELED'
  | 'CREATED'
  | 'PENDING'
  | 'REFUNDED'
  | 'SUCCEEDED';

export type ReadingInput = {
  /** The dial went past its maximum and started again from zero: a lower value is then accepted. */
  confirmRollover?: boolean | null | undefined;
  meterId: string;
  /** The dial, a decimal: «1234,567» or «1234.567». */
  value: string;
  /** Default TOTAL (single-zone meters). */
  zone?: ReadingZone | null | undefined;
};

/** Who took the reading. */
export type ReadingSource =
  | 'ABONENT'
  | 'BILLING'
  | 'INSPECTOR'
  | 'PAYMENT';

export type ReadingStatus =
  | 'ACCEPTED'
  | 'NOT_RECORDED'
  | 'REFUSED';

/** TOTAL for single-zone meters. */
export type ReadingZone =
  | 'DAY'
  | 'NIGHT'
  | 'TOTAL';

/** Registration form («Регистрация»). */
export type RegisterInput = {
  /** The user agreement was accepted. */
  acceptAgreement: boolean;
  /** The ALTCHA widget payload («Защита от роботов»). */
  captcha?: string | null | undefined;
  /** Separate consent to personal-data processing (152-ФЗ, art. 9). */
  consentToPersonalData: boolean;
  /** The login. */
  email: string;
  password: string;
  passwordRepeat: string;
};

export type RequestPasswordResetInput = {
  email: string;
};

export type ResetPasswordInput = {
  newPassword: string;
  newPasswordRepeat: string;
  /** The token from the letter’s link. */
  token: string;
};

export type StartPaymentInput = {
  accountId: string;
  /** Kopecks, for CUSTOM only. */
  amount?: number | null | undefined;
  /** Chosen by the client per payment (8–80 characters): repeating it returns the same payment. */
  idempotencyKey: string;
  /** DEBT pays what is due now; CUSTOM pays `amount`. */
  purpose: PaymentPurpose;
  /** Readings to submit with the payment: checked by metering's rules first; if any is refused, no payment starts. */
  readings?: Array<ReadingInput> | null | undefined;
  /** Where the receipt is sent. */
  receiptEmail: string;
  /** Where the payment page sends the payer back: a page of this Kabinet; `payment=<id>` is added to it. */
  returnUrl: string;
};

export type SubmitReadingsInput = {
  accountId: string;
  /** Chosen by the client per submission (8–100 characters): repeating it never records twice. */
  idempotencyKey: string;
  /** One per meter and zone; all are recorded, or none. */
  readings: Array<ReadingInput>;
};

export type SupportRequestStatus =
  | 'ANSWERED'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'NEW';

/** Where the meter stands with its verification (поверка): due within 60 days is DUE_SOON. */
export type VerificationStatus =
  | 'DUE_SOON'
  | 'EXPIRED'
  | 'OK'
  | 'UNKNOWN';

export type AccountPayments_AccountFragment = { id: string, onlinePayment: { available: boolean, reason: string | null }, amountDue: { due: number, unposted: number } | null, payments: Array<{ id: string, amount: number, status: PaymentStatus, cancellationReason: string | null, refunded: number, createdAt: string }> | null };

export type Captcha_ChallengeQueryVariables = Exact<{
  login?: string | null | undefined;
}>;


export type Captcha_ChallengeQuery = { captchaChallenge: { challenge: string } };

export type LinkAccountDialog_SuppliersQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkAccountDialog_SuppliersQuery = { suppliers: Array<{ id: string, code: string, name: string, linkProof: LinkProof, receiptSampleUrl: string, accountNumberFormat: { minDigits: number, maxDigits: number, hint: string } }> };

export type LinkAccountDialog_LinkMutationVariables = Exact<{
  input: LinkPersonalAccountInput;
}>;


export type LinkAccountDialog_LinkMutation = { linkPersonalAccount: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }>, account: { id: string, number: string } | null } };

export type MeterReadings_AccountFragment = { id: string, supplier: { id: string, readingClosingDay: number }, meters: Array<{ id: string, serialNumber: string, zones: MeterZones, readingZones: Array<ReadingZone>, integerDigits: number, fractionDigits: number, nextVerificationOn: string | null, verificationStatus: VerificationStatus, total: { id: string, value: string, period: string, submittedAt: string, source: ReadingSource } | null, day: { id: string, value: string, period: string, submittedAt: string, source: ReadingSource } | null, night: { id: string, value: string, period: string, submittedAt: string, source: ReadingSource } | null, readings: Array<{ current: boolean, consumption: string | null, zone: ReadingZone, id: string, value: string, period: string, submittedAt: string, source: ReadingSource }>, comparisonReadings: Array<{ zone: ReadingZone, value: string }> }> | null, monthlyConsumption: Array<{ month: string, volume: string }> | null };

export type MeterReadings_MeterFragment = { id: string, serialNumber: string, zones: MeterZones, readingZones: Array<ReadingZone>, integerDigits: number, fractionDigits: number, nextVerificationOn: string | null, verificationStatus: VerificationStatus, comparisonReadings: Array<{ zone: ReadingZone, value: string }> };

export type MeterReadings_ReadingFragment = { id: string, value: string, period: string, submittedAt: string, source: ReadingSource };

export type MeterReadings_SubmitMutationVariables = Exact<{
  input: SubmitReadingsInput;
}>;


export type MeterReadings_SubmitMutation = { submitReadings: { ok: boolean, period: string | null, afterClosingDay: boolean, errors: Array<{ field: string | null, code: string, message: string }>, results: Array<{ meterId: string, zone: ReadingZone, status: ReadingStatus, code: string | null, message: string | null, period: string | null, consumption: string | null, chargePreview: number | null, replacedEarlier: boolean, readingId: string | null }> } };

export type AccountsPage_AccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPage_AccountsQuery = { me: { id: string, accounts: Array<{ id: string, number: string, address: string, holder: string, services: Array<string>, balance: { kopecks: number, debt: number, overpayment: number, asOf: string | null }, supplier: { id: string, code: string, name: string, readingClosingDay: number }, tariffs: Array<{ service: string, pricePerUnit: number, unit: string, validFrom: string, validTo: string | null }>, charges: Array<{ month: string, volume: string, amount: number }>, meters: Array<{ id: string, serialNumber: string, zones: MeterZones, readingZones: Array<ReadingZone>, integerDigits: number, fractionDigits: number, nextVerificationOn: string | null, verificationStatus: VerificationStatus, total: { id: string, value: string, period: string, submittedAt: string, source: ReadingSource } | null, day: { id: string, value: string, period: string, submittedAt: string, source: ReadingSource } | null, night: { id: string, value: string, period: string, submittedAt: string, source: ReadingSource } | null, readings: Array<{ current: boolean, consumption: string | null, zone: ReadingZone, id: string, value: string, period: string, submittedAt: string, source: ReadingSource }>, comparisonReadings: Array<{ zone: ReadingZone, value: string }> }> | null, monthlyConsumption: Array<{ month: string, volume: string }> | null, onlinePayment: { available: boolean, reason: string | null }, amountDue: { due: number, unposted: number } | null, payments: Array<{ id: string, amount: number, status: PaymentStatus, cancellationReason: string | null, refunded: number, createdAt: string }> | null, paymentQr: { payload: string, amount: number | null, period: string } | null }> } };

export type AccountsPage_UnlinkMutationVariables = Exact<{
  id: string;
}>;


export type AccountsPage_UnlinkMutation = { unlinkPersonalAccount: { ok: boolean, accountId: string | null, errors: Array<{ field: string | null, code: string, message: string }> } };

export type ConfirmPage_ConfirmEmailMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmPage_ConfirmEmailMutation = { confirmEmail: { ok: boolean, email: string | null, errors: Array<{ field: string | null, code: string, message: string }> } };

export type ConfirmPendingPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfirmPendingPage_MeQuery = { me: { id: string, email: string, emailConfirmed: boolean, confirmationDeadline: string | null } };

export type ConfirmPendingPage_ResendMutationVariables = Exact<{ [key: string]: never; }>;


export type ConfirmPendingPage_ResendMutation = { resendConfirmation: { ok: boolean, confirmationDeadline: string | null, errors: Array<{ field: string | null, code: string, message: string }> } };

export type ForgotPasswordPage_RequestResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type ForgotPasswordPage_RequestResetMutation = { requestPasswordReset: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }> } };

export type HomePage_AccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type HomePage_AccountsQuery = { me: { id: string, accounts: Array<{ id: string }> } };

export type LoginPage_LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginPage_LoginMutation = { login: { ok: boolean, captchaRequired: boolean, errors: Array<{ field: string | null, code: string, message: string }>, abonent: { id: string, email: string, emailConfirmed: boolean } | null } };

export type PaymentPage_AccountQueryVariables = Exact<{
  id: string;
}>;


export type PaymentPage_AccountQuery = { personalAccount: { id: string, number: string, address: string, supplier: { id: string, name: string }, onlinePayment: { available: boolean, reason: string | null }, amountDue: { debt: number | null, due: number, unposted: number } | null, meters: Array<{ id: string, serialNumber: string, zones: MeterZones, readingZones: Array<ReadingZone>, integerDigits: number, fractionDigits: number, nextVerificationOn: string | null, verificationStatus: VerificationStatus, comparisonReadings: Array<{ zone: ReadingZone, value: string }> }> | null } | null };

export type PaymentPage_StartMutationVariables = Exact<{
  input: StartPaymentInput;
}>;


export type PaymentPage_StartMutation = { startPayment: { ok: boolean, confirmationUrl: string | null, errors: Array<{ field: string | null, code: string, message: string }>, payment: { id: string, status: PaymentStatus, final: boolean } | null } };

export type PaymentResultPage_CheckMutationVariables = Exact<{
  id: string;
}>;


export type PaymentResultPage_CheckMutation = { checkPayment: { id: string, accountId: string, accountNumber: string, amount: number, status: PaymentStatus, final: boolean, cancellationReason: string | null, readingsSubmitted: number } | null };

export type RegisterPage_RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterPage_RegisterMutation = { register: { ok: boolean, email: string | null, confirmationDeadline: string | null, errors: Array<{ field: string | null, code: string, message: string }> } };

export type ResetPasswordPage_ResetMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordPage_ResetMutation = { resetPassword: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }> } };

export type SettingsPage_AccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsPage_AccountsQuery = { me: { id: string, accounts: Array<{ id: string, number: string, supplier: { id: string, name: string } }> } };

export type SettingsPage_RemindersQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsPage_RemindersQuery = { me: { id: string, readingReminders: boolean } };

export type SettingsPage_SetRemindersMutationVariables = Exact<{
  enabled: boolean;
}>;


export type SettingsPage_SetRemindersMutation = { setReadingReminders: { id: string, readingReminders: boolean } };

export type SettingsPage_ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type SettingsPage_ChangePasswordMutation = { changePassword: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }> } };

export type SettingsPage_DeleteCabinetMutationVariables = Exact<{
  password: string;
}>;


export type SettingsPage_DeleteCabinetMutation = { deleteCabinet: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }> } };

export type SuppliersPage_SuppliersQueryVariables = Exact<{ [key: string]: never; }>;


export type SuppliersPage_SuppliersQuery = { suppliers: Array<{ id: string, code: string, name: string, region: string, legalName: string | null, inn: string | null }> };

export type SupportPage_CreateRequestMutationVariables = Exact<{
  input: CreateSupportRequestInput;
}>;


export type SupportPage_CreateRequestMutation = { createSupportRequest: { ok: boolean, errors: Array<{ field: string | null, code: string, message: string }>, supportRequest: { id: string, number: number, topic: string, status: SupportRequestStatus, contactEmail: string, createdAt: string } | null } };

export type SupportPage_MyRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportPage_MyRequestsQuery = { mySupportRequests: Array<{ id: string, number: number, topic: string, status: SupportRequestStatus, createdAt: string }> };

export type PasswordPolicy_RuleQueryVariables = Exact<{ [key: string]: never; }>;


export type PasswordPolicy_RuleQuery = { passwordPolicy: { name: string, minLength: number, maxLength: number, allowedCharacters: string | null, refusesCommonPasswords: boolean, description: string } };

export type PaymentQr_AccountFragment = { id: string, number: string, paymentQr: { payload: string, amount: number | null, period: string } | null };

export type PaymentQr_NoticeQueryVariables = Exact<{
  id: string;
}>;


export type PaymentQr_NoticeQuery = { personalAccount: { id: string, paymentNotice: { fileName: string, contentType: string, contentBase64: string } | null } | null };

export type Session_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type Session_MeQuery = { me: { id: string, email: string, emailConfirmed: boolean } };

export type Session_LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type Session_LogoutMutation = { logout: boolean };

export const AccountPayments_AccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountPayments_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"unposted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AccountPayments_AccountFragment, unknown>;
export const MeterReadings_MeterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Meter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"zones"}},{"kind":"Field","name":{"kind":"Name","value":"readingZones"}},{"kind":"Field","name":{"kind":"Name","value":"integerDigits"}},{"kind":"Field","name":{"kind":"Name","value":"fractionDigits"}},{"kind":"Field","name":{"kind":"Name","value":"nextVerificationOn"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"comparisonReadings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<MeterReadings_MeterFragment, unknown>;
export const MeterReadings_ReadingFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Reading"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reading"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<MeterReadings_ReadingFragment, unknown>;
export const MeterReadings_AccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readingClosingDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Meter"}},{"kind":"Field","alias":{"kind":"Name","value":"total"},"name":{"kind":"Name","value":"lastReading"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zone"},"value":{"kind":"EnumValue","value":"TOTAL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"day"},"name":{"kind":"Name","value":"lastReading"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zone"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"night"},"name":{"kind":"Name","value":"lastReading"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zone"},"value":{"kind":"EnumValue","value":"NIGHT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"consumption"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthlyConsumption"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"months"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Meter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"zones"}},{"kind":"Field","name":{"kind":"Name","value":"readingZones"}},{"kind":"Field","name":{"kind":"Name","value":"integerDigits"}},{"kind":"Field","name":{"kind":"Name","value":"fractionDigits"}},{"kind":"Field","name":{"kind":"Name","value":"nextVerificationOn"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"comparisonReadings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Reading"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reading"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<MeterReadings_AccountFragment, unknown>;
export const PaymentQr_AccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentQr_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"paymentQr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]} as unknown as DocumentNode<PaymentQr_AccountFragment, unknown>;
export const Captcha_ChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Captcha_Challenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"login"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"captchaChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"login"},"value":{"kind":"Variable","name":{"kind":"Name","value":"login"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"}}]}}]}}]} as unknown as DocumentNode<Captcha_ChallengeQuery, Captcha_ChallengeQueryVariables>;
export const LinkAccountDialog_SuppliersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkAccountDialog_Suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"linkProof"}},{"kind":"Field","name":{"kind":"Name","value":"receiptSampleUrl"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumberFormat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minDigits"}},{"kind":"Field","name":{"kind":"Name","value":"maxDigits"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}}]}}]}}]}}]} as unknown as DocumentNode<LinkAccountDialog_SuppliersQuery, LinkAccountDialog_SuppliersQueryVariables>;
export const LinkAccountDialog_LinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkAccountDialog_Link"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkPersonalAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkPersonalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]} as unknown as DocumentNode<LinkAccountDialog_LinkMutation, LinkAccountDialog_LinkMutationVariables>;
export const MeterReadings_SubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MeterReadings_Submit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitReadingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReadings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"afterClosingDay"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meterId"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"consumption"}},{"kind":"Field","name":{"kind":"Name","value":"chargePreview"}},{"kind":"Field","name":{"kind":"Name","value":"replacedEarlier"}},{"kind":"Field","name":{"kind":"Name","value":"readingId"}}]}}]}}]}}]} as unknown as DocumentNode<MeterReadings_SubmitMutation, MeterReadings_SubmitMutationVariables>;
export const AccountsPage_AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsPage_Accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kopecks"}},{"kind":"Field","name":{"kind":"Name","value":"debt"}},{"kind":"Field","name":{"kind":"Name","value":"overpayment"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tariffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"pricePerUnit"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Account"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountPayments_Account"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentQr_Account"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Meter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"zones"}},{"kind":"Field","name":{"kind":"Name","value":"readingZones"}},{"kind":"Field","name":{"kind":"Name","value":"integerDigits"}},{"kind":"Field","name":{"kind":"Name","value":"fractionDigits"}},{"kind":"Field","name":{"kind":"Name","value":"nextVerificationOn"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"comparisonReadings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Reading"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reading"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readingClosingDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Meter"}},{"kind":"Field","alias":{"kind":"Name","value":"total"},"name":{"kind":"Name","value":"lastReading"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zone"},"value":{"kind":"EnumValue","value":"TOTAL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"day"},"name":{"kind":"Name","value":"lastReading"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zone"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"night"},"name":{"kind":"Name","value":"lastReading"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zone"},"value":{"kind":"EnumValue","value":"NIGHT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Reading"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"consumption"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"monthlyConsumption"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"months"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountPayments_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"unposted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentQr_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"paymentQr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]} as unknown as DocumentNode<AccountsPage_AccountsQuery, AccountsPage_AccountsQueryVariables>;
export const AccountsPage_UnlinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountsPage_Unlink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkPersonalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}}]}}]}}]} as unknown as DocumentNode<AccountsPage_UnlinkMutation, AccountsPage_UnlinkMutationVariables>;
export const ConfirmPage_ConfirmEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmPage_ConfirmEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<ConfirmPage_ConfirmEmailMutation, ConfirmPage_ConfirmEmailMutationVariables>;
export const ConfirmPendingPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfirmPendingPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationDeadline"}}]}}]}}]} as unknown as DocumentNode<ConfirmPendingPage_MeQuery, ConfirmPendingPage_MeQueryVariables>;
export const ConfirmPendingPage_ResendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmPendingPage_Resend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendConfirmation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmationDeadline"}}]}}]}}]} as unknown as DocumentNode<ConfirmPendingPage_ResendMutation, ConfirmPendingPage_ResendMutationVariables>;
export const ForgotPasswordPage_RequestResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForgotPasswordPage_RequestReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ForgotPasswordPage_RequestResetMutation, ForgotPasswordPage_RequestResetMutationVariables>;
export const HomePage_AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomePage_Accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<HomePage_AccountsQuery, HomePage_AccountsQueryVariables>;
export const LoginPage_LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoginPage_Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"captchaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"abonent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailConfirmed"}}]}}]}}]}}]} as unknown as DocumentNode<LoginPage_LoginMutation, LoginPage_LoginMutationVariables>;
export const PaymentPage_AccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentPage_Account"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onlinePayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"debt"}},{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"unposted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeterReadings_Meter"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeterReadings_Meter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Meter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"zones"}},{"kind":"Field","name":{"kind":"Name","value":"readingZones"}},{"kind":"Field","name":{"kind":"Name","value":"integerDigits"}},{"kind":"Field","name":{"kind":"Name","value":"fractionDigits"}},{"kind":"Field","name":{"kind":"Name","value":"nextVerificationOn"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"comparisonReadings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<PaymentPage_AccountQuery, PaymentPage_AccountQueryVariables>;
export const PaymentPage_StartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PaymentPage_Start"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"final"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmationUrl"}}]}}]}}]} as unknown as DocumentNode<PaymentPage_StartMutation, PaymentPage_StartMutationVariables>;
export const PaymentResultPage_CheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PaymentResultPage_Check"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"}},{"kind":"Field","name":{"kind":"Name","value":"readingsSubmitted"}}]}}]}}]} as unknown as DocumentNode<PaymentResultPage_CheckMutation, PaymentResultPage_CheckMutationVariables>;
export const RegisterPage_RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterPage_Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationDeadline"}}]}}]}}]} as unknown as DocumentNode<RegisterPage_RegisterMutation, RegisterPage_RegisterMutationVariables>;
export const ResetPasswordPage_ResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPasswordPage_Reset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetPasswordPage_ResetMutation, ResetPasswordPage_ResetMutationVariables>;
export const SettingsPage_AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsPage_Accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SettingsPage_AccountsQuery, SettingsPage_AccountsQueryVariables>;
export const SettingsPage_RemindersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsPage_Reminders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readingReminders"}}]}}]}}]} as unknown as DocumentNode<SettingsPage_RemindersQuery, SettingsPage_RemindersQueryVariables>;
export const SettingsPage_SetRemindersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SettingsPage_SetReminders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setReadingReminders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readingReminders"}}]}}]}}]} as unknown as DocumentNode<SettingsPage_SetRemindersMutation, SettingsPage_SetRemindersMutationVariables>;
export const SettingsPage_ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SettingsPage_ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsPage_ChangePasswordMutation, SettingsPage_ChangePasswordMutationVariables>;
export const SettingsPage_DeleteCabinetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SettingsPage_DeleteCabinet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCabinet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsPage_DeleteCabinetMutation, SettingsPage_DeleteCabinetMutationVariables>;
export const SuppliersPage_SuppliersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuppliersPage_Suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"inn"}}]}}]}}]} as unknown as DocumentNode<SuppliersPage_SuppliersQuery, SuppliersPage_SuppliersQueryVariables>;
export const SupportPage_CreateRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupportPage_CreateRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSupportRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSupportRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<SupportPage_CreateRequestMutation, SupportPage_CreateRequestMutationVariables>;
export const SupportPage_MyRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportPage_MyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySupportRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SupportPage_MyRequestsQuery, SupportPage_MyRequestsQueryVariables>;
export const PasswordPolicy_RuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PasswordPolicy_Rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"allowedCharacters"}},{"kind":"Field","name":{"kind":"Name","value":"refusesCommonPasswords"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<PasswordPolicy_RuleQuery, PasswordPolicy_RuleQueryVariables>;
export const PaymentQr_NoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentQr_Notice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"paymentNotice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]}}]} as unknown as DocumentNode<PaymentQr_NoticeQuery, PaymentQr_NoticeQueryVariables>;
export const Session_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Session_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailConfirmed"}}]}}]}}]} as unknown as DocumentNode<Session_MeQuery, Session_MeQueryVariables>;
export const Session_LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Session_Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<Session_LogoutMutation, Session_LogoutMutationVariables>;