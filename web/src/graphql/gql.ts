/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  mutation AccountsPage_Unlink($id: ID!) {\n    unlinkPersonalAccount(id: $id) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      accountId\n    }\n  }\n": typeof types.AccountsPage_UnlinkDocument,
    "\n  query AccountsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        address\n        holder\n        services\n        balance {\n          kopecks\n          debt\n          overpayment\n          asOf\n        }\n        supplier {\n          id\n          code\n          name\n          readingClosingDay\n          support {\n            phone\n            email\n            website\n          }\n        }\n        tariffs {\n          service\n          pricePerUnit\n          unit\n          validFrom\n          validTo\n        }\n        charges {\n          month\n          volume\n          amount\n        }\n        ...MeterReadings_Account\n        ...AccountPayments_Account\n        ...PaymentQr_Account\n        ...AmountDue_Account\n      }\n    }\n  }\n": typeof types.AccountsPage_AccountsDocument,
    "\n  query LinkAccountDialog_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      linkProof\n      receiptSampleUrl\n      accountNumberFormat {\n        minDigits\n        maxDigits\n        hint\n      }\n    }\n  }\n": typeof types.LinkAccountDialog_SuppliersDocument,
    "\n  mutation LinkAccountDialog_Link($input: LinkPersonalAccountInput!) {\n    linkPersonalAccount(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      account {\n        id\n        number\n      }\n    }\n  }\n": typeof types.LinkAccountDialog_LinkDocument,
    "\n  query SuppliersPage_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      region\n      legalName\n      inn\n    }\n  }\n": typeof types.SuppliersPage_SuppliersDocument,
    "\n  query HomePage_Accounts {\n    me {\n      id\n      accounts {\n        id\n      }\n    }\n  }\n": typeof types.HomePage_AccountsDocument,
    "\n  mutation SettingsPage_ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SettingsPage_ChangePasswordDocument,
    "\n  mutation ConfirmPage_ConfirmEmail($token: String!) {\n    confirmEmail(token: $token) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n    }\n  }\n": typeof types.ConfirmPage_ConfirmEmailDocument,
    "\n  query ConfirmPendingPage_Me {\n    me {\n      id\n      email\n      emailConfirmed\n      confirmationDeadline\n    }\n  }\n": typeof types.ConfirmPendingPage_MeDocument,
    "\n  mutation ConfirmPendingPage_Resend {\n    resendConfirmation {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      confirmationDeadline\n    }\n  }\n": typeof types.ConfirmPendingPage_ResendDocument,
    "\n  mutation SettingsPage_DeleteCabinet($password: String!) {\n    deleteCabinet(password: $password) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SettingsPage_DeleteCabinetDocument,
    "\n  mutation ForgotPasswordPage_RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ForgotPasswordPage_RequestResetDocument,
    "\n  mutation LoginPage_Login($input: LoginInput!) {\n    login(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      captchaRequired\n      abonent {\n        id\n        email\n        emailConfirmed\n      }\n    }\n  }\n": typeof types.LoginPage_LoginDocument,
    "\n  query OperatorDetails_Operator {\n    operator {\n      name\n      inn\n      address\n    }\n  }\n": typeof types.OperatorDetails_OperatorDocument,
    "\n  query PasswordPolicy_Rule {\n    passwordPolicy {\n      name\n      minLength\n      maxLength\n      allowedCharacters\n      refusesCommonPasswords\n      description\n    }\n  }\n": typeof types.PasswordPolicy_RuleDocument,
    "\n  mutation RegisterPage_Register($input: RegisterInput!) {\n    register(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n      confirmationDeadline\n    }\n  }\n": typeof types.RegisterPage_RegisterDocument,
    "\n  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ResetPasswordPage_ResetDocument,
    "\n  query ResetPasswordPage_Link($token: String!) {\n    passwordResetLink(token: $token) {\n      usable\n      problem {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ResetPasswordPage_LinkDocument,
    "\n  query SettingsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        supplier {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SettingsPage_AccountsDocument,
    "\n  query SettingsPage_Reminders {\n    me {\n      id\n      readingReminders\n    }\n  }\n": typeof types.SettingsPage_RemindersDocument,
    "\n  mutation SettingsPage_SetReminders($enabled: Boolean!) {\n    setReadingReminders(enabled: $enabled) {\n      id\n      readingReminders\n    }\n  }\n": typeof types.SettingsPage_SetRemindersDocument,
    "\n  fragment AccountPayments_Account on PersonalAccount {\n    id\n    # Whether a payment can start now: the supplier takes online payments, and the payments service knows the link.\n    onlinePayment {\n      available\n      reason\n    }\n    amountDue {\n      due\n      unposted\n      advance\n    }\n    payments(last: 5) {\n      id\n      amount\n      status\n      cancellationReason\n      refunded\n      createdAt\n    }\n  }\n": typeof types.AccountPayments_AccountFragmentDoc,
    "\n  fragment AmountDue_Account on PersonalAccount {\n    id\n    balance {\n      debt\n      overpayment\n      asOf\n    }\n    amountDue {\n      due\n      advance\n      unposted\n    }\n  }\n": typeof types.AmountDue_AccountFragmentDoc,
    "\n  query PaymentPage_Account($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      number\n      address\n      supplier {\n        id\n        name\n      }\n      onlinePayment {\n        available\n        reason\n      }\n      amountDue {\n        debt\n        due\n        unposted\n      }\n      meters {\n        ...MeterReadings_Meter\n        # «Предыдущее показание»: the last accepted one, whatever its period.\n        total: lastReading(zone: TOTAL) {\n          value\n        }\n        day: lastReading(zone: DAY) {\n          value\n        }\n        night: lastReading(zone: NIGHT) {\n          value\n        }\n      }\n    }\n  }\n": typeof types.PaymentPage_AccountDocument,
    "\n  mutation PaymentPage_Start($input: StartPaymentInput!) {\n    startPayment(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      payment {\n        id\n        status\n        final\n      }\n      confirmationUrl\n    }\n  }\n": typeof types.PaymentPage_StartDocument,
    "\n  fragment PaymentQr_Account on PersonalAccount {\n    id\n    number\n    paymentQr {\n      payload\n      amount\n      period\n    }\n  }\n": typeof types.PaymentQr_AccountFragmentDoc,
    "\n  query PaymentQr_Notice($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      paymentNotice {\n        fileName\n        contentType\n        contentBase64\n      }\n    }\n  }\n": typeof types.PaymentQr_NoticeDocument,
    "\n  mutation PaymentResultPage_Check($id: ID!) {\n    checkPayment(id: $id) {\n      id\n      accountId\n      accountNumber\n      amount\n      status\n      final\n      cancellationCode\n      cancellationReason\n      readingsSubmitted\n    }\n  }\n": typeof types.PaymentResultPage_CheckDocument,
    "\n  # Whom an abonent asks to verify a meter: the supplier's own service desk.\n  fragment MeterBlock_Supplier on Supplier {\n    name\n    support {\n      phone\n      email\n      website\n      address\n    }\n  }\n": typeof types.MeterBlock_SupplierFragmentDoc,
    "\n  fragment MeterReadings_Account on PersonalAccount {\n    id\n    supplier {\n      id\n      readingClosingDay\n      ...MeterBlock_Supplier\n    }\n    meters {\n      ...MeterReadings_Meter\n      total: lastReading(zone: TOTAL) {\n        ...MeterReadings_Reading\n      }\n      day: lastReading(zone: DAY) {\n        ...MeterReadings_Reading\n      }\n      night: lastReading(zone: NIGHT) {\n        ...MeterReadings_Reading\n      }\n      readings(last: 6) {\n        ...MeterReadings_Reading\n        current\n        consumption\n        zone\n      }\n    }\n    monthlyConsumption(months: 24) {\n      month\n      volume\n    }\n  }\n\n  # A meter as its dial boxes and its verification need it (the payment page asks for the same).\n  fragment MeterReadings_Meter on Meter {\n    id\n    serialNumber\n    zones\n    readingZones\n    integerDigits\n    fractionDigits\n    nextVerificationOn\n    verificationStatus\n    # What a reading sent now is compared with, as the server will (per zone).\n    comparisonReadings {\n      zone\n      value\n    }\n  }\n\n  fragment MeterReadings_Reading on Reading {\n    id\n    value\n    period\n    submittedAt\n    source\n  }\n": typeof types.MeterReadings_AccountFragmentDoc,
    "\n  mutation MeterReadings_Submit($input: SubmitReadingsInput!) {\n    submitReadings(input: $input) {\n      ok\n      period\n      afterClosingDay\n      errors {\n        field\n        code\n        message\n      }\n      results {\n        meterId\n        zone\n        status\n        code\n        message\n        period\n        consumption\n        chargePreview\n        replacedEarlier\n        readingId\n      }\n    }\n  }\n": typeof types.MeterReadings_SubmitDocument,
    "\n  query Captcha_Challenge($login: String) {\n    captchaChallenge(login: $login) {\n      challenge\n    }\n  }\n": typeof types.Captcha_ChallengeDocument,
    "\n  query Session_Me {\n    me {\n      id\n      email\n      emailConfirmed\n    }\n  }\n": typeof types.Session_MeDocument,
    "\n  mutation Session_Logout {\n    logout\n  }\n": typeof types.Session_LogoutDocument,
    "\n  query SupportPage_MyRequests {\n    mySupportRequests {\n      id\n      number\n      topic\n      status\n      createdAt\n    }\n  }\n": typeof types.SupportPage_MyRequestsDocument,
    "\n  mutation SupportPage_CreateRequest($input: CreateSupportRequestInput!) {\n    createSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        status\n        contactEmail\n        createdAt\n      }\n    }\n  }\n": typeof types.SupportPage_CreateRequestDocument,
    "\n  query SupportThread_Request($number: Int!) {\n    mySupportRequest(number: $number) {\n      id\n      number\n      topic\n      message\n      status\n      createdAt\n      messages {\n        id\n        author\n        text\n        createdAt\n      }\n    }\n  }\n": typeof types.SupportThread_RequestDocument,
    "\n  mutation SupportThread_Add($input: AddSupportMessageInput!) {\n    addSupportMessage(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SupportThread_AddDocument,
};
const documents: Documents = {
    "\n  mutation AccountsPage_Unlink($id: ID!) {\n    unlinkPersonalAccount(id: $id) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      accountId\n    }\n  }\n": types.AccountsPage_UnlinkDocument,
    "\n  query AccountsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        address\n        holder\n        services\n        balance {\n          kopecks\n          debt\n          overpayment\n          asOf\n        }\n        supplier {\n          id\n          code\n          name\n          readingClosingDay\n          support {\n            phone\n            email\n            website\n          }\n        }\n        tariffs {\n          service\n          pricePerUnit\n          unit\n          validFrom\n          validTo\n        }\n        charges {\n          month\n          volume\n          amount\n        }\n        ...MeterReadings_Account\n        ...AccountPayments_Account\n        ...PaymentQr_Account\n        ...AmountDue_Account\n      }\n    }\n  }\n": types.AccountsPage_AccountsDocument,
    "\n  query LinkAccountDialog_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      linkProof\n      receiptSampleUrl\n      accountNumberFormat {\n        minDigits\n        maxDigits\n        hint\n      }\n    }\n  }\n": types.LinkAccountDialog_SuppliersDocument,
    "\n  mutation LinkAccountDialog_Link($input: LinkPersonalAccountInput!) {\n    linkPersonalAccount(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      account {\n        id\n        number\n      }\n    }\n  }\n": types.LinkAccountDialog_LinkDocument,
    "\n  query SuppliersPage_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      region\n      legalName\n      inn\n    }\n  }\n": types.SuppliersPage_SuppliersDocument,
    "\n  query HomePage_Accounts {\n    me {\n      id\n      accounts {\n        id\n      }\n    }\n  }\n": types.HomePage_AccountsDocument,
    "\n  mutation SettingsPage_ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SettingsPage_ChangePasswordDocument,
    "\n  mutation ConfirmPage_ConfirmEmail($token: String!) {\n    confirmEmail(token: $token) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n    }\n  }\n": types.ConfirmPage_ConfirmEmailDocument,
    "\n  query ConfirmPendingPage_Me {\n    me {\n      id\n      email\n      emailConfirmed\n      confirmationDeadline\n    }\n  }\n": types.ConfirmPendingPage_MeDocument,
    "\n  mutation ConfirmPendingPage_Resend {\n    resendConfirmation {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      confirmationDeadline\n    }\n  }\n": types.ConfirmPendingPage_ResendDocument,
    "\n  mutation SettingsPage_DeleteCabinet($password: String!) {\n    deleteCabinet(password: $password) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SettingsPage_DeleteCabinetDocument,
    "\n  mutation ForgotPasswordPage_RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ForgotPasswordPage_RequestResetDocument,
    "\n  mutation LoginPage_Login($input: LoginInput!) {\n    login(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      captchaRequired\n      abonent {\n        id\n        email\n        emailConfirmed\n      }\n    }\n  }\n": types.LoginPage_LoginDocument,
    "\n  query OperatorDetails_Operator {\n    operator {\n      name\n      inn\n      address\n    }\n  }\n": types.OperatorDetails_OperatorDocument,
    "\n  query PasswordPolicy_Rule {\n    passwordPolicy {\n      name\n      minLength\n      maxLength\n      allowedCharacters\n      refusesCommonPasswords\n      description\n    }\n  }\n": types.PasswordPolicy_RuleDocument,
    "\n  mutation RegisterPage_Register($input: RegisterInput!) {\n    register(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n      confirmationDeadline\n    }\n  }\n": types.RegisterPage_RegisterDocument,
    "\n  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ResetPasswordPage_ResetDocument,
    "\n  query ResetPasswordPage_Link($token: String!) {\n    passwordResetLink(token: $token) {\n      usable\n      problem {\n        code\n        message\n      }\n    }\n  }\n": types.ResetPasswordPage_LinkDocument,
    "\n  query SettingsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        supplier {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SettingsPage_AccountsDocument,
    "\n  query SettingsPage_Reminders {\n    me {\n      id\n      readingReminders\n    }\n  }\n": types.SettingsPage_RemindersDocument,
    "\n  mutation SettingsPage_SetReminders($enabled: Boolean!) {\n    setReadingReminders(enabled: $enabled) {\n      id\n      readingReminders\n    }\n  }\n": types.SettingsPage_SetRemindersDocument,
    "\n  fragment AccountPayments_Account on PersonalAccount {\n    id\n    # Whether a payment can start now: the supplier takes online payments, and the payments service knows the link.\n    onlinePayment {\n      available\n      reason\n    }\n    amountDue {\n      due\n      unposted\n      advance\n    }\n    payments(last: 5) {\n      id\n      amount\n      status\n      cancellationReason\n      refunded\n      createdAt\n    }\n  }\n": types.AccountPayments_AccountFragmentDoc,
    "\n  fragment AmountDue_Account on PersonalAccount {\n    id\n    balance {\n      debt\n      overpayment\n      asOf\n    }\n    amountDue {\n      due\n      advance\n      unposted\n    }\n  }\n": types.AmountDue_AccountFragmentDoc,
    "\n  query PaymentPage_Account($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      number\n      address\n      supplier {\n        id\n        name\n      }\n      onlinePayment {\n        available\n        reason\n      }\n      amountDue {\n        debt\n        due\n        unposted\n      }\n      meters {\n        ...MeterReadings_Meter\n        # «Предыдущее показание»: the last accepted one, whatever its period.\n        total: lastReading(zone: TOTAL) {\n          value\n        }\n        day: lastReading(zone: DAY) {\n          value\n        }\n        night: lastReading(zone: NIGHT) {\n          value\n        }\n      }\n    }\n  }\n": types.PaymentPage_AccountDocument,
    "\n  mutation PaymentPage_Start($input: StartPaymentInput!) {\n    startPayment(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      payment {\n        id\n        status\n        final\n      }\n      confirmationUrl\n    }\n  }\n": types.PaymentPage_StartDocument,
    "\n  fragment PaymentQr_Account on PersonalAccount {\n    id\n    number\n    paymentQr {\n      payload\n      amount\n      period\n    }\n  }\n": types.PaymentQr_AccountFragmentDoc,
    "\n  query PaymentQr_Notice($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      paymentNotice {\n        fileName\n        contentType\n        contentBase64\n      }\n    }\n  }\n": types.PaymentQr_NoticeDocument,
    "\n  mutation PaymentResultPage_Check($id: ID!) {\n    checkPayment(id: $id) {\n      id\n      accountId\n      accountNumber\n      amount\n      status\n      final\n      cancellationCode\n      cancellationReason\n      readingsSubmitted\n    }\n  }\n": types.PaymentResultPage_CheckDocument,
    "\n  # Whom an abonent asks to verify a meter: the supplier's own service desk.\n  fragment MeterBlock_Supplier on Supplier {\n    name\n    support {\n      phone\n      email\n      website\n      address\n    }\n  }\n": types.MeterBlock_SupplierFragmentDoc,
    "\n  fragment MeterReadings_Account on PersonalAccount {\n    id\n    supplier {\n      id\n      readingClosingDay\n      ...MeterBlock_Supplier\n    }\n    meters {\n      ...MeterReadings_Meter\n      total: lastReading(zone: TOTAL) {\n        ...MeterReadings_Reading\n      }\n      day: lastReading(zone: DAY) {\n        ...MeterReadings_Reading\n      }\n      night: lastReading(zone: NIGHT) {\n        ...MeterReadings_Reading\n      }\n      readings(last: 6) {\n        ...MeterReadings_Reading\n        current\n        consumption\n        zone\n      }\n    }\n    monthlyConsumption(months: 24) {\n      month\n      volume\n    }\n  }\n\n  # A meter as its dial boxes and its verification need it (the payment page asks for the same).\n  fragment MeterReadings_Meter on Meter {\n    id\n    serialNumber\n    zones\n    readingZones\n    integerDigits\n    fractionDigits\n    nextVerificationOn\n    verificationStatus\n    # What a reading sent now is compared with, as the server will (per zone).\n    comparisonReadings {\n      zone\n      value\n    }\n  }\n\n  fragment MeterReadings_Reading on Reading {\n    id\n    value\n    period\n    submittedAt\n    source\n  }\n": types.MeterReadings_AccountFragmentDoc,
    "\n  mutation MeterReadings_Submit($input: SubmitReadingsInput!) {\n    submitReadings(input: $input) {\n      ok\n      period\n      afterClosingDay\n      errors {\n        field\n        code\n        message\n      }\n      results {\n        meterId\n        zone\n        status\n        code\n        message\n        period\n        consumption\n        chargePreview\n        replacedEarlier\n        readingId\n      }\n    }\n  }\n": types.MeterReadings_SubmitDocument,
    "\n  query Captcha_Challenge($login: String) {\n    captchaChallenge(login: $login) {\n      challenge\n    }\n  }\n": types.Captcha_ChallengeDocument,
    "\n  query Session_Me {\n    me {\n      id\n      email\n      emailConfirmed\n    }\n  }\n": types.Session_MeDocument,
    "\n  mutation Session_Logout {\n    logout\n  }\n": types.Session_LogoutDocument,
    "\n  query SupportPage_MyRequests {\n    mySupportRequests {\n      id\n      number\n      topic\n      status\n      createdAt\n    }\n  }\n": types.SupportPage_MyRequestsDocument,
    "\n  mutation SupportPage_CreateRequest($input: CreateSupportRequestInput!) {\n    createSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        status\n        contactEmail\n        createdAt\n      }\n    }\n  }\n": types.SupportPage_CreateRequestDocument,
    "\n  query SupportThread_Request($number: Int!) {\n    mySupportRequest(number: $number) {\n      id\n      number\n      topic\n      message\n      status\n      createdAt\n      messages {\n        id\n        author\n        text\n        createdAt\n      }\n    }\n  }\n": types.SupportThread_RequestDocument,
    "\n  mutation SupportThread_Add($input: AddSupportMessageInput!) {\n    addSupportMessage(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        status\n      }\n    }\n  }\n": types.SupportThread_AddDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountsPage_Unlink($id: ID!) {\n    unlinkPersonalAccount(id: $id) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      accountId\n    }\n  }\n"): (typeof documents)["\n  mutation AccountsPage_Unlink($id: ID!) {\n    unlinkPersonalAccount(id: $id) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      accountId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        address\n        holder\n        services\n        balance {\n          kopecks\n          debt\n          overpayment\n          asOf\n        }\n        supplier {\n          id\n          code\n          name\n          readingClosingDay\n          support {\n            phone\n            email\n            website\n          }\n        }\n        tariffs {\n          service\n          pricePerUnit\n          unit\n          validFrom\n          validTo\n        }\n        charges {\n          month\n          volume\n          amount\n        }\n        ...MeterReadings_Account\n        ...AccountPayments_Account\n        ...PaymentQr_Account\n        ...AmountDue_Account\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        address\n        holder\n        services\n        balance {\n          kopecks\n          debt\n          overpayment\n          asOf\n        }\n        supplier {\n          id\n          code\n          name\n          readingClosingDay\n          support {\n            phone\n            email\n            website\n          }\n        }\n        tariffs {\n          service\n          pricePerUnit\n          unit\n          validFrom\n          validTo\n        }\n        charges {\n          month\n          volume\n          amount\n        }\n        ...MeterReadings_Account\n        ...AccountPayments_Account\n        ...PaymentQr_Account\n        ...AmountDue_Account\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkAccountDialog_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      linkProof\n      receiptSampleUrl\n      accountNumberFormat {\n        minDigits\n        maxDigits\n        hint\n      }\n    }\n  }\n"): (typeof documents)["\n  query LinkAccountDialog_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      linkProof\n      receiptSampleUrl\n      accountNumberFormat {\n        minDigits\n        maxDigits\n        hint\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkAccountDialog_Link($input: LinkPersonalAccountInput!) {\n    linkPersonalAccount(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      account {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LinkAccountDialog_Link($input: LinkPersonalAccountInput!) {\n    linkPersonalAccount(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      account {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuppliersPage_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      region\n      legalName\n      inn\n    }\n  }\n"): (typeof documents)["\n  query SuppliersPage_Suppliers {\n    suppliers {\n      id\n      code\n      name\n      region\n      legalName\n      inn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage_Accounts {\n    me {\n      id\n      accounts {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomePage_Accounts {\n    me {\n      id\n      accounts {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsPage_ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsPage_ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPage_ConfirmEmail($token: String!) {\n    confirmEmail(token: $token) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPage_ConfirmEmail($token: String!) {\n    confirmEmail(token: $token) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfirmPendingPage_Me {\n    me {\n      id\n      email\n      emailConfirmed\n      confirmationDeadline\n    }\n  }\n"): (typeof documents)["\n  query ConfirmPendingPage_Me {\n    me {\n      id\n      email\n      emailConfirmed\n      confirmationDeadline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPendingPage_Resend {\n    resendConfirmation {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      confirmationDeadline\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPendingPage_Resend {\n    resendConfirmation {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      confirmationDeadline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsPage_DeleteCabinet($password: String!) {\n    deleteCabinet(password: $password) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsPage_DeleteCabinet($password: String!) {\n    deleteCabinet(password: $password) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgotPasswordPage_RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ForgotPasswordPage_RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoginPage_Login($input: LoginInput!) {\n    login(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      captchaRequired\n      abonent {\n        id\n        email\n        emailConfirmed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoginPage_Login($input: LoginInput!) {\n    login(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      captchaRequired\n      abonent {\n        id\n        email\n        emailConfirmed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorDetails_Operator {\n    operator {\n      name\n      inn\n      address\n    }\n  }\n"): (typeof documents)["\n  query OperatorDetails_Operator {\n    operator {\n      name\n      inn\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordPolicy_Rule {\n    passwordPolicy {\n      name\n      minLength\n      maxLength\n      allowedCharacters\n      refusesCommonPasswords\n      description\n    }\n  }\n"): (typeof documents)["\n  query PasswordPolicy_Rule {\n    passwordPolicy {\n      name\n      minLength\n      maxLength\n      allowedCharacters\n      refusesCommonPasswords\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPage_Register($input: RegisterInput!) {\n    register(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n      confirmationDeadline\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterPage_Register($input: RegisterInput!) {\n    register(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      email\n      confirmationDeadline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPasswordPage_Reset($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResetPasswordPage_Link($token: String!) {\n    passwordResetLink(token: $token) {\n      usable\n      problem {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResetPasswordPage_Link($token: String!) {\n    passwordResetLink(token: $token) {\n      usable\n      problem {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        supplier {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsPage_Accounts {\n    me {\n      id\n      accounts {\n        id\n        number\n        supplier {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsPage_Reminders {\n    me {\n      id\n      readingReminders\n    }\n  }\n"): (typeof documents)["\n  query SettingsPage_Reminders {\n    me {\n      id\n      readingReminders\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsPage_SetReminders($enabled: Boolean!) {\n    setReadingReminders(enabled: $enabled) {\n      id\n      readingReminders\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsPage_SetReminders($enabled: Boolean!) {\n    setReadingReminders(enabled: $enabled) {\n      id\n      readingReminders\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountPayments_Account on PersonalAccount {\n    id\n    # Whether a payment can start now: the supplier takes online payments, and the payments service knows the link.\n    onlinePayment {\n      available\n      reason\n    }\n    amountDue {\n      due\n      unposted\n      advance\n    }\n    payments(last: 5) {\n      id\n      amount\n      status\n      cancellationReason\n      refunded\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment AccountPayments_Account on PersonalAccount {\n    id\n    # Whether a payment can start now: the supplier takes online payments, and the payments service knows the link.\n    onlinePayment {\n      available\n      reason\n    }\n    amountDue {\n      due\n      unposted\n      advance\n    }\n    payments(last: 5) {\n      id\n      amount\n      status\n      cancellationReason\n      refunded\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AmountDue_Account on PersonalAccount {\n    id\n    balance {\n      debt\n      overpayment\n      asOf\n    }\n    amountDue {\n      due\n      advance\n      unposted\n    }\n  }\n"): (typeof documents)["\n  fragment AmountDue_Account on PersonalAccount {\n    id\n    balance {\n      debt\n      overpayment\n      asOf\n    }\n    amountDue {\n      due\n      advance\n      unposted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentPage_Account($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      number\n      address\n      supplier {\n        id\n        name\n      }\n      onlinePayment {\n        available\n        reason\n      }\n      amountDue {\n        debt\n        due\n        unposted\n      }\n      meters {\n        ...MeterReadings_Meter\n        # «Предыдущее показание»: the last accepted one, whatever its period.\n        total: lastReading(zone: TOTAL) {\n          value\n        }\n        day: lastReading(zone: DAY) {\n          value\n        }\n        night: lastReading(zone: NIGHT) {\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaymentPage_Account($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      number\n      address\n      supplier {\n        id\n        name\n      }\n      onlinePayment {\n        available\n        reason\n      }\n      amountDue {\n        debt\n        due\n        unposted\n      }\n      meters {\n        ...MeterReadings_Meter\n        # «Предыдущее показание»: the last accepted one, whatever its period.\n        total: lastReading(zone: TOTAL) {\n          value\n        }\n        day: lastReading(zone: DAY) {\n          value\n        }\n        night: lastReading(zone: NIGHT) {\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentPage_Start($input: StartPaymentInput!) {\n    startPayment(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      payment {\n        id\n        status\n        final\n      }\n      confirmationUrl\n    }\n  }\n"): (typeof documents)["\n  mutation PaymentPage_Start($input: StartPaymentInput!) {\n    startPayment(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      payment {\n        id\n        status\n        final\n      }\n      confirmationUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentQr_Account on PersonalAccount {\n    id\n    number\n    paymentQr {\n      payload\n      amount\n      period\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentQr_Account on PersonalAccount {\n    id\n    number\n    paymentQr {\n      payload\n      amount\n      period\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentQr_Notice($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      paymentNotice {\n        fileName\n        contentType\n        contentBase64\n      }\n    }\n  }\n"): (typeof documents)["\n  query PaymentQr_Notice($id: ID!) {\n    personalAccount(id: $id) {\n      id\n      paymentNotice {\n        fileName\n        contentType\n        contentBase64\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentResultPage_Check($id: ID!) {\n    checkPayment(id: $id) {\n      id\n      accountId\n      accountNumber\n      amount\n      status\n      final\n      cancellationCode\n      cancellationReason\n      readingsSubmitted\n    }\n  }\n"): (typeof documents)["\n  mutation PaymentResultPage_Check($id: ID!) {\n    checkPayment(id: $id) {\n      id\n      accountId\n      accountNumber\n      amount\n      status\n      final\n      cancellationCode\n      cancellationReason\n      readingsSubmitted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # Whom an abonent asks to verify a meter: the supplier's own service desk.\n  fragment MeterBlock_Supplier on Supplier {\n    name\n    support {\n      phone\n      email\n      website\n      address\n    }\n  }\n"): (typeof documents)["\n  # Whom an abonent asks to verify a meter: the supplier's own service desk.\n  fragment MeterBlock_Supplier on Supplier {\n    name\n    support {\n      phone\n      email\n      website\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeterReadings_Account on PersonalAccount {\n    id\n    supplier {\n      id\n      readingClosingDay\n      ...MeterBlock_Supplier\n    }\n    meters {\n      ...MeterReadings_Meter\n      total: lastReading(zone: TOTAL) {\n        ...MeterReadings_Reading\n      }\n      day: lastReading(zone: DAY) {\n        ...MeterReadings_Reading\n      }\n      night: lastReading(zone: NIGHT) {\n        ...MeterReadings_Reading\n      }\n      readings(last: 6) {\n        ...MeterReadings_Reading\n        current\n        consumption\n        zone\n      }\n    }\n    monthlyConsumption(months: 24) {\n      month\n      volume\n    }\n  }\n\n  # A meter as its dial boxes and its verification need it (the payment page asks for the same).\n  fragment MeterReadings_Meter on Meter {\n    id\n    serialNumber\n    zones\n    readingZones\n    integerDigits\n    fractionDigits\n    nextVerificationOn\n    verificationStatus\n    # What a reading sent now is compared with, as the server will (per zone).\n    comparisonReadings {\n      zone\n      value\n    }\n  }\n\n  fragment MeterReadings_Reading on Reading {\n    id\n    value\n    period\n    submittedAt\n    source\n  }\n"): (typeof documents)["\n  fragment MeterReadings_Account on PersonalAccount {\n    id\n    supplier {\n      id\n      readingClosingDay\n      ...MeterBlock_Supplier\n    }\n    meters {\n      ...MeterReadings_Meter\n      total: lastReading(zone: TOTAL) {\n        ...MeterReadings_Reading\n      }\n      day: lastReading(zone: DAY) {\n        ...MeterReadings_Reading\n      }\n      night: lastReading(zone: NIGHT) {\n        ...MeterReadings_Reading\n      }\n      readings(last: 6) {\n        ...MeterReadings_Reading\n        current\n        consumption\n        zone\n      }\n    }\n    monthlyConsumption(months: 24) {\n      month\n      volume\n    }\n  }\n\n  # A meter as its dial boxes and its verification need it (the payment page asks for the same).\n  fragment MeterReadings_Meter on Meter {\n    id\n    serialNumber\n    zones\n    readingZones\n    integerDigits\n    fractionDigits\n    nextVerificationOn\n    verificationStatus\n    # What a reading sent now is compared with, as the server will (per zone).\n    comparisonReadings {\n      zone\n      value\n    }\n  }\n\n  fragment MeterReadings_Reading on Reading {\n    id\n    value\n    period\n    submittedAt\n    source\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MeterReadings_Submit($input: SubmitReadingsInput!) {\n    submitReadings(input: $input) {\n      ok\n      period\n      afterClosingDay\n      errors {\n        field\n        code\n        message\n      }\n      results {\n        meterId\n        zone\n        status\n        code\n        message\n        period\n        consumption\n        chargePreview\n        replacedEarlier\n        readingId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MeterReadings_Submit($input: SubmitReadingsInput!) {\n    submitReadings(input: $input) {\n      ok\n      period\n      afterClosingDay\n      errors {\n        field\n        code\n        message\n      }\n      results {\n        meterId\n        zone\n        status\n        code\n        message\n        period\n        consumption\n        chargePreview\n        replacedEarlier\n        readingId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Captcha_Challenge($login: String) {\n    captchaChallenge(login: $login) {\n      challenge\n    }\n  }\n"): (typeof documents)["\n  query Captcha_Challenge($login: String) {\n    captchaChallenge(login: $login) {\n      challenge\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session_Me {\n    me {\n      id\n      email\n      emailConfirmed\n    }\n  }\n"): (typeof documents)["\n  query Session_Me {\n    me {\n      id\n      email\n      emailConfirmed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Session_Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Session_Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportPage_MyRequests {\n    mySupportRequests {\n      id\n      number\n      topic\n      status\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query SupportPage_MyRequests {\n    mySupportRequests {\n      id\n      number\n      topic\n      status\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportPage_CreateRequest($input: CreateSupportRequestInput!) {\n    createSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        status\n        contactEmail\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportPage_CreateRequest($input: CreateSupportRequestInput!) {\n    createSupportRequest(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        number\n        topic\n        status\n        contactEmail\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportThread_Request($number: Int!) {\n    mySupportRequest(number: $number) {\n      id\n      number\n      topic\n      message\n      status\n      createdAt\n      messages {\n        id\n        author\n        text\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupportThread_Request($number: Int!) {\n    mySupportRequest(number: $number) {\n      id\n      number\n      topic\n      message\n      status\n      createdAt\n      messages {\n        id\n        author\n        text\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportThread_Add($input: AddSupportMessageInput!) {\n    addSupportMessage(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportThread_Add($input: AddSupportMessageInput!) {\n    addSupportMessage(input: $input) {\n      ok\n      errors {\n        field\n        code\n        message\n      }\n      supportRequest {\n        id\n        status\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;