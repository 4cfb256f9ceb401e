// The partner operations of docs/partner-api.md as typed documents: `npm run codegen` reads the `graphql(...)` calls
// below and writes their result and variable types into ./graphql/. Each selects what the guide shows and what a
// billing system keeps of it (no abonent-facing fields, nothing costly such as payment notices).
import { graphql } from './graphql/index.js';

/** The app and supplier the key belongs to (any scope). */
export const PartnerAppDocument = graphql(`
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
`);

/** One page of the supplier's accounts (`accounts:read`), oldest change first. */
export const PartnerAccountsDocument = graphql(`
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
`);

/** One page of the supplier's readings (`readings:read`), replaced ones too (`current: false`). */
export const PartnerReadingsDocument = graphql(`
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
`);

/** One page of the online payments for the supplier's accounts (`payments:read`), by last status change. */
export const PartnerPaymentsDocument = graphql(`
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
`);

/** Accounts by number (`accounts:write`): all rows of a call or none, idempotent. */
export const UpsertPersonalAccountsDocument = graphql(`
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
`);

/** Balances (`accounts:write`); one older than the balance held is ignored (`unchanged`). */
export const SetBalancesDocument = graphql(`
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
`);

/** Replaces the tariffs of the accounts given (`accounts:write`). */
export const SetTariffsDocument = graphql(`
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
`);

/** One charge per account and month (`accounts:write`). */
export const UpsertChargesDocument = graphql(`
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
`);

/** Meters by serial number within the supplier (`readings:write`). */
export const UpsertMetersDocument = graphql(`
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
`);

/** Inspectors' readings (`readings:write`), recorded once per idempotency key. */
export const RecordReadingsDocument = graphql(`
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
`);

/** The supplier's own settings (`supplier:write`): only the fields given change. */
export const UpdateSupplierSettingsDocument = graphql(`
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
`);

/** The checks abonents' readings go through (`supplier:write`); an empty input reads them. */
export const UpdateReadingRulesDocument = graphql(`
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
`);

/** The operator's support desk answers a request (`support:answer`; never a supplier's billing). */
export const AnswerSupportRequestDocument = graphql(`
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
`);
