/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PartnerApp {\n    partnerApp {\n      id\n      name\n      scopes\n      createdAt\n      supplier {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.PartnerAppDocument,
    "\n  query PartnerAccounts($first: Int!, $after: String, $updatedSince: DateTimeISO) {\n    partnerAccounts(first: $first, after: $after, updatedSince: $updatedSince) {\n      nodes {\n        id\n        number\n        address\n        holderName\n        services\n        balance {\n          kopecks\n          asOf\n        }\n        updatedAt\n        supplier {\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PartnerAccountsDocument,
    "\n  query PartnerReadings($first: Int!, $after: String, $since: DateTimeISO) {\n    partnerReadings(first: $first, after: $after, since: $since) {\n      nodes {\n        id\n        accountNumber\n        serialNumber\n        meterId\n        zone\n        value\n        period\n        submittedAt\n        source\n        current\n        consumption\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PartnerReadingsDocument,
    "\n  query PartnerPayments($first: Int!, $after: String, $since: DateTimeISO) {\n    partnerPayments(first: $first, after: $after, since: $since) {\n      nodes {\n        id\n        accountId\n        accountNumber\n        purpose\n        amount\n        refunded\n        status\n        final\n        cancellationCode\n        cancellationReason\n        readingsSubmitted\n        createdAt\n        succeededAt\n        statusChangedAt\n        provider\n        providerPaymentId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PartnerPaymentsDocument,
    "\n  mutation UpsertPersonalAccounts($input: UpsertPersonalAccountsInput!) {\n    upsertPersonalAccounts(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpsertPersonalAccountsDocument,
    "\n  mutation SetBalances($input: SetBalancesInput!) {\n    setBalances(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SetBalancesDocument,
    "\n  mutation SetTariffs($input: SetTariffsInput!) {\n    setTariffs(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SetTariffsDocument,
    "\n  mutation UpsertCharges($input: UpsertChargesInput!) {\n    upsertCharges(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpsertChargesDocument,
    "\n  mutation UpsertMeters($input: UpsertMetersInput!) {\n    upsertMeters(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpsertMetersDocument,
    "\n  mutation RecordReadings($input: RecordReadingsInput!) {\n    recordReadings(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RecordReadingsDocument,
    "\n  mutation UpdateSupplierSettings($input: SupplierSettingsInput!) {\n    updateSupplierSettings(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supplier {\n        id\n        code\n        name\n        legalName\n        region\n        inn\n        linkProof\n        readingClosingDay\n        accountNumberFormat {\n          minDigits\n          maxDigits\n          hint\n        }\n        bankDetails {\n          payeeName\n          inn\n          kpp\n          account\n          bankName\n          bic\n          correspondentAccount\n        }\n        receiptSampleUrl\n        support {\n          phone\n          email\n          website\n          address\n        }\n      }\n    }\n  }\n": typeof types.UpdateSupplierSettingsDocument,
    "\n  mutation UpdateReadingRules($input: ReadingRulesInput!) {\n    updateReadingRules(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      rules {\n        maxDailyConsumption\n        allowZeroConsumption\n        refusePastVerification\n        plausibilityFactor\n        monthlyMaximum\n      }\n    }\n  }\n": typeof types.UpdateReadingRulesDocument,
    "\n  mutation AnswerSupportRequest($input: AnswerSupportRequestInput!) {\n    answerSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        message\n        contactEmail\n        status\n        createdAt\n        messages {\n          id\n          author\n          text\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.AnswerSupportRequestDocument,
};
const documents: Documents = {
    "\n  query PartnerApp {\n    partnerApp {\n      id\n      name\n      scopes\n      createdAt\n      supplier {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.PartnerAppDocument,
    "\n  query PartnerAccounts($first: Int!, $after: String, $updatedSince: DateTimeISO) {\n    partnerAccounts(first: $first, after: $after, updatedSince: $updatedSince) {\n      nodes {\n        id\n        number\n        address\n        holderName\n        services\n        balance {\n          kopecks\n          asOf\n        }\n        updatedAt\n        supplier {\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PartnerAccountsDocument,
    "\n  query PartnerReadings($first: Int!, $after: String, $since: DateTimeISO) {\n    partnerReadings(first: $first, after: $after, since: $since) {\n      nodes {\n        id\n        accountNumber\n        serialNumber\n        meterId\n        zone\n        value\n        period\n        submittedAt\n        source\n        current\n        consumption\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PartnerReadingsDocument,
    "\n  query PartnerPayments($first: Int!, $after: String, $since: DateTimeISO) {\n    partnerPayments(first: $first, after: $after, since: $since) {\n      nodes {\n        id\n        accountId\n        accountNumber\n        purpose\n        amount\n        refunded\n        status\n        final\n        cancellationCode\n        cancellationReason\n        readingsSubmitted\n        createdAt\n        succeededAt\n        statusChangedAt\n        provider\n        providerPaymentId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PartnerPaymentsDocument,
    "\n  mutation UpsertPersonalAccounts($input: UpsertPersonalAccountsInput!) {\n    upsertPersonalAccounts(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpsertPersonalAccountsDocument,
    "\n  mutation SetBalances($input: SetBalancesInput!) {\n    setBalances(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SetBalancesDocument,
    "\n  mutation SetTariffs($input: SetTariffsInput!) {\n    setTariffs(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SetTariffsDocument,
    "\n  mutation UpsertCharges($input: UpsertChargesInput!) {\n    upsertCharges(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpsertChargesDocument,
    "\n  mutation UpsertMeters($input: UpsertMetersInput!) {\n    upsertMeters(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpsertMetersDocument,
    "\n  mutation RecordReadings($input: RecordReadingsInput!) {\n    recordReadings(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RecordReadingsDocument,
    "\n  mutation UpdateSupplierSettings($input: SupplierSettingsInput!) {\n    updateSupplierSettings(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supplier {\n        id\n        code\n        name\n        legalName\n        region\n        inn\n        linkProof\n        readingClosingDay\n        accountNumberFormat {\n          minDigits\n          maxDigits\n          hint\n        }\n        bankDetails {\n          payeeName\n          inn\n          kpp\n          account\n          bankName\n          bic\n          correspondentAccount\n        }\n        receiptSampleUrl\n        support {\n          phone\n          email\n          website\n          address\n        }\n      }\n    }\n  }\n": types.UpdateSupplierSettingsDocument,
    "\n  mutation UpdateReadingRules($input: ReadingRulesInput!) {\n    updateReadingRules(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      rules {\n        maxDailyConsumption\n        allowZeroConsumption\n        refusePastVerification\n        plausibilityFactor\n        monthlyMaximum\n      }\n    }\n  }\n": types.UpdateReadingRulesDocument,
    "\n  mutation AnswerSupportRequest($input: AnswerSupportRequestInput!) {\n    answerSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        message\n        contactEmail\n        status\n        createdAt\n        messages {\n          id\n          author\n          text\n          createdAt\n        }\n      }\n    }\n  }\n": types.AnswerSupportRequestDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerApp {\n    partnerApp {\n      id\n      name\n      scopes\n      createdAt\n      supplier {\n        id\n        code\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.js').PartnerAppDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerAccounts($first: Int!, $after: String, $updatedSince: DateTimeISO) {\n    partnerAccounts(first: $first, after: $after, updatedSince: $updatedSince) {\n      nodes {\n        id\n        number\n        address\n        holderName\n        services\n        balance {\n          kopecks\n          asOf\n        }\n        updatedAt\n        supplier {\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').PartnerAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerReadings($first: Int!, $after: String, $since: DateTimeISO) {\n    partnerReadings(first: $first, after: $after, since: $since) {\n      nodes {\n        id\n        accountNumber\n        serialNumber\n        meterId\n        zone\n        value\n        period\n        submittedAt\n        source\n        current\n        consumption\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').PartnerReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerPayments($first: Int!, $after: String, $since: DateTimeISO) {\n    partnerPayments(first: $first, after: $after, since: $since) {\n      nodes {\n        id\n        accountId\n        accountNumber\n        purpose\n        amount\n        refunded\n        status\n        final\n        cancellationCode\n        cancellationReason\n        readingsSubmitted\n        createdAt\n        succeededAt\n        statusChangedAt\n        provider\n        providerPaymentId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').PartnerPaymentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertPersonalAccounts($input: UpsertPersonalAccountsInput!) {\n    upsertPersonalAccounts(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.js').UpsertPersonalAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBalances($input: SetBalancesInput!) {\n    setBalances(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.js').SetBalancesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTariffs($input: SetTariffsInput!) {\n    setTariffs(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.js').SetTariffsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertCharges($input: UpsertChargesInput!) {\n    upsertCharges(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.js').UpsertChargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertMeters($input: UpsertMetersInput!) {\n    upsertMeters(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.js').UpsertMetersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordReadings($input: RecordReadingsInput!) {\n    recordReadings(input: $input) {\n      ok\n      created\n      updated\n      unchanged\n      errors {\n        index\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.js').RecordReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplierSettings($input: SupplierSettingsInput!) {\n    updateSupplierSettings(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supplier {\n        id\n        code\n        name\n        legalName\n        region\n        inn\n        linkProof\n        readingClosingDay\n        accountNumberFormat {\n          minDigits\n          maxDigits\n          hint\n        }\n        bankDetails {\n          payeeName\n          inn\n          kpp\n          account\n          bankName\n          bic\n          correspondentAccount\n        }\n        receiptSampleUrl\n        support {\n          phone\n          email\n          website\n          address\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').UpdateSupplierSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReadingRules($input: ReadingRulesInput!) {\n    updateReadingRules(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      rules {\n        maxDailyConsumption\n        allowZeroConsumption\n        refusePastVerification\n        plausibilityFactor\n        monthlyMaximum\n      }\n    }\n  }\n"): typeof import('./graphql.js').UpdateReadingRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerSupportRequest($input: AnswerSupportRequestInput!) {\n    answerSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        message\n        contactEmail\n        status\n        createdAt\n        messages {\n          id\n          author\n          text\n          createdAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AnswerSupportRequestDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
