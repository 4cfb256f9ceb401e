// The codes of a mutation payload's `errors[].code` (UserError, and RowError of partner bulk writes): each with what
// it means for the client and what to do, once; the partner reference's catalogue is generated from this.
export const PAYLOAD_CODE_DESCRIPTIONS = {
  ACCOUNT_INVALID:
    '`updateSupplierSettings`: `bankDetails.account` is not a 20-digit settlement account whose control digit agrees with `bankDetails.bic`, or `bankDetails.correspondentAccount` is not 20 digits starting with 301 that agree with it (both are checked only once the BIC is valid). Fix the account named in `field`.',
  ACCOUNT_NOT_FOUND:
    "The personal account is not there: in `linkPersonalAccount` the supplier has no account with this `number` or the `proof` does not match it (one answer for both: check both against the receipt); in `upsertCharges`, `setBalances`, `setTariffs` and `upsertMeters` the row's `accountNumber` is no account of the partner's supplier (write it with `upsertPersonalAccounts` first; `upsertMeters` sees a new one within seconds); in `startPayment` the account is not linked to the cabinet, or was linked a moment ago (retry in a few seconds).",
  ACCOUNT_NOT_LINKED:
    '`submitReadings` (and `startPayment` with readings, as field `readings`): the account is not linked to this cabinet, was linked only a moment ago, or `accountId` is not a UUID. Link it first (`linkPersonalAccount`), or retry in a few seconds after linking.',
  ADDRESS_INVALID: '`updateSupplierSettings`: `support.address` is longer than 300 characters. Shorten it.',
  AGREEMENT_REQUIRED:
    '`register`: `acceptAgreement` is not true. The abonent must accept the user agreement to register.',
  ALREADY_CONFIRMED:
    "`resendConfirmation`: the cabinet's e-mail address is confirmed already, so no link is sent. Nothing to do.",
  AMOUNT_NOT_EXPECTED:
    '`startPayment` with purpose `DEBT` was given an `amount`: a debt payment pays what is due. Leave `amount` out, or use purpose `CUSTOM`.',
  AMOUNT_REQUIRED: '`startPayment` with purpose `CUSTOM` has no `amount`. Give the amount in kopecks.',
  AMOUNT_TOO_LARGE:
    '`startPayment`: the `CUSTOM` `amount`, or with purpose `DEBT` the amount due (then `field` is `purpose`), is above the most one payment may be (PAYMENT_MAX_KOPECKS, 10 000 000 kopecks by default; the message says it). Pay less with purpose `CUSTOM`, in several payments if need be.',
  AMOUNT_TOO_SMALL: '`startPayment` with purpose `CUSTOM`: `amount` is below 100 kopecks (1 ₽). Give at least 100.',
  BIC_INVALID:
    '`updateSupplierSettings`: `bankDetails.bic` is not 9 digits starting with 04 (the accounts are then not checked). Fix the BIC.',
  CAPTCHA_COST_RAISED:
    '`login`: the CAPTCHA was solved on a challenge issued at a lower difficulty than the attempt now needs (failed logins came since). Get a new challenge with `captchaChallenge(login: …)` and solve it.',
  CAPTCHA_EXPIRED:
    '`register`, `login` or `createSupportRequest`: the CAPTCHA challenge had expired (a challenge is good for 10 minutes). Get a new `captchaChallenge` and solve it.',
  CAPTCHA_INVALID:
    '`register`, `login` or `createSupportRequest`: `captcha` is not a valid solution of a challenge this server issued (malformed, wrong solution or signature). Get a new `captchaChallenge` and solve it.',
  CAPTCHA_REQUIRED:
    '`captcha` is missing where one is needed: `register`, `createSupportRequest` (unless logged in with a confirmed e-mail) and `login` once `captchaRequired` is true (3 failed logins on the account, or 30 from the address, within 15 minutes). Solve a `captchaChallenge` and send its payload.',
  CAPTCHA_REUSED:
    '`register`, `login` or `createSupportRequest`: this CAPTCHA solution was accepted once already (each is good for one attempt). Get a new `captchaChallenge` and solve it.',
  CONSUMPTION_TOO_HIGH:
    "A reading's consumption since the one it is compared with is above the supplier's `maxDailyConsumption` (m³ a day, `updateReadingRules`) times the days between them: `submitReadings` (`results[].code`) and `startPayment` (`readings.<index>`). Check the reading: the supplier refuses it even when confirmed.",
  DATE_INVALID:
    'Partner writes: a date is not a real date written YYYY-MM-DD: `balanceAsOf` (`upsertPersonalAccounts`), `asOf` (`setBalances`), `tariffs[i].validFrom` or `validTo` (`setTariffs`), `installedOn` or `nextVerificationOn` (`upsertMeters`). Send it as, e.g., 2026-01-31.',
  DAY_INVALID: '`updateSupplierSettings`: `readingClosingDay` is not 1 to 28. Send a day from 1 to 28.',
  DEBT_UNKNOWN:
    '`startPayment` with purpose `DEBT`: no balance of the account is known yet, so nothing is known to be due. Pay with purpose `CUSTOM` and an `amount`.',
  DIGITS_INVALID:
    '`upsertMeters`: `integerDigits` is not 1 to 9, or `fractionDigits` is not 0 to 5. Send the dial as the meter has it.',
  DUPLICATE_READING:
    '`submitReadings` (and `startPayment` with readings): two readings name the same meter and zone (no zone counts as `TOTAL`). Send one reading per meter and zone.',
  DUPLICATE_ROW:
    'A partner bulk write names one thing twice: the same `number` (`upsertPersonalAccounts`), account and `month` (`upsertCharges`), `accountNumber` (`setBalances`, `setTariffs`), `serialNumber` (`upsertMeters`) or meter and zone (`recordReadings`), or in `setTariffs` two tariffs of one account with the same service and `validFrom`. Keep one of them; nothing is written until then.',
  EMAIL_INVALID:
    'An e-mail address does not look like name@example.ru: `email` of `register`, `login` and `requestPasswordReset`, `contactEmail` of `createSupportRequest`, `support.email` of `updateSupplierSettings` or `receiptEmail` of `startPayment` (in the last two also one over 254 characters, and in `startPayment` an empty one). Correct the address.',
  EMAIL_REQUIRED:
    '`register`, `login`, `requestPasswordReset` (`email`) or `createSupportRequest` (`contactEmail`): the address is empty. Give it.',
  EMAIL_TOO_LONG:
    '`register`, `login`, `requestPasswordReset` (`email`) or `createSupportRequest` (`contactEmail`): the address is longer than 254 characters. Give a shorter address.',
  FORMAT_INVALID:
    '`updateSupplierSettings`: `accountNumberFormat` is not 1 ≤ `minDigits` ≤ `maxDigits` ≤ 20. Nothing is saved.',
  IDEMPOTENCY_KEY_INVALID:
    '`idempotencyKey` is not 8 to 100 characters long (`submitReadings`; `recordReadings`, with `index` -1) or 8 to 80 (`startPayment`). Send a key of that length chosen per request, e.g. a UUID.',
  IDEMPOTENCY_KEY_REUSED:
    'The `idempotencyKey` was used already for a different request: other readings (`submitReadings`; `recordReadings`, with `index` -1), or a payment of another account, purpose, amount, readings, receipt e-mail or return URL (`startPayment`). Use a new key for a new request; the same request with the same key gets the first answer again.',
  INN_INVALID:
    '`updateSupplierSettings`: `bankDetails.inn` is not 10 or 12 digits with valid control digits. Fix the ИНН.',
  INVALID_CHARACTERS:
    'Support texts with characters they may not hold: in `createSupportRequest` a `topic` with control characters, line breaks or tabs, or a `message` with control characters other than line breaks and tabs; in `addSupportMessage` and `answerSupportRequest` the same for `text`. Remove them.',
  INVALID_CREDENTIALS:
    '`login`: no cabinet has this e-mail or the password is wrong (one answer for both); it counts as a failed attempt towards a CAPTCHA (`captchaRequired`) and `RATE_LIMITED`. Check both, or reset the password (`requestPasswordReset`).',
  KPP_INVALID:
    '`updateSupplierSettings`: `bankDetails.kpp` is not 9 characters (4 digits, 2 digits or capital Latin letters, 3 digits, e.g. 783801001). Fix it, or send null when the payee has none.',
  LIMIT_INVALID:
    '`updateReadingRules`: `maxDailyConsumption` or `monthlyMaximum` is not a positive decimal of m³ with at most 7 whole and 3 fraction digits ("" removes the daily limit or restores the default monthly one), or `plausibilityFactor` is not 2 to 1000 (0 restores the default). Nothing is saved.',
  MESSAGE_REQUIRED: '`createSupportRequest`: `message` is empty. Write the question.',
  MESSAGE_TOO_LONG: '`createSupportRequest`: `message` is longer than 5000 characters. Shorten it.',
  METER_NOT_FOUND:
    "A reading names a meter that is not there: in `submitReadings` (`results[].code`) and `startPayment` (`readings.<index>`) `meterId` is no active meter of the account (a `meterId` that is not a UUID: the whole `submitReadings` is refused with `errors` on `readings.<index>`); in `recordReadings` the supplier has no meter with this `serialNumber`. Reload the account's meters, or write the meter with `upsertMeters` first.",
  METER_VERIFICATION_EXPIRED:
    "The meter's verification date has passed and the supplier refuses readings of such meters (`refusePastVerification`, on by default): `submitReadings` (`results[].code`) and `startPayment` (`readings.<index>`). No reading is taken until the supplier records a new verification date: the abonent contacts the supplier.",
  MONTH_INVALID: '`upsertCharges`: `month` is not written YYYY-MM (e.g. 2026-01). Send the month in that form.',
  NAME_INVALID:
    '`updateSupplierSettings`: `bankDetails.payeeName` is empty or longer than 160 characters, or `bankDetails.bankName` is empty or longer than 45. Give the name, within the limit.',
  NOTHING_DUE:
    '`startPayment` with purpose `DEBT`: nothing is due on the account now (no debt, or it is paid online already). Pay with purpose `CUSTOM` and an `amount`, if at all.',
  NOT_FOUND: "`resendConfirmation`: the logged-in abonent's cabinet no longer exists (it was deleted). Register again.",
  NOT_LINKED:
    "`unlinkPersonalAccount`: the account `id` is not linked to this cabinet (never was, unlinked already, or not a UUID). Nothing changed: reload the cabinet's accounts.",
  NUMBER_INVALID:
    "`upsertPersonalAccounts`: `number` (spaces, dashes and dots ignored) is not digits only, as many as the supplier's `accountNumberFormat` allows; the message gives the rule. Send the number as the supplier writes it.",
  NUMBER_NOT_DIGITS:
    '`linkPersonalAccount`: `number` holds characters other than digits (spaces, dashes and dots are ignored). Type it as on the receipt, digits only.',
  NUMBER_REQUIRED: '`linkPersonalAccount`: `number` is empty. Type the account number from the receipt.',
  NUMBER_TOO_LONG:
    "`linkPersonalAccount`: `number` has more digits than the supplier's `accountNumberFormat.maxDigits`; the message is the format's `hint`. Check the number against the receipt.",
  NUMBER_TOO_SHORT:
    "`linkPersonalAccount`: `number` has fewer digits than the supplier's `accountNumberFormat.minDigits`; the message is the format's `hint`. Check the number against the receipt.",
  PASSWORD_INVALID_CHARACTERS:
    'Under the `seed` password policy the new password holds characters other than Latin letters and digits: `password` of `register`, `newPassword` of `changePassword` and `resetPassword`. Show the rule in force (`passwordPolicy`) and ask for another password.',
  PASSWORD_MISMATCH:
    'The repeated password differs from the password: `passwordRepeat` of `register`, `newPasswordRepeat` of `changePassword` and `resetPassword` (checked once the password itself passes the rule). Type it again the same.',
  PASSWORD_REQUIRED:
    'The password is empty: `password` of `register` and `login`, `newPassword` of `changePassword` and `resetPassword`. Ask for the password.',
  PASSWORD_TOO_COMMON:
    'Under the `strict` password policy the new password is one of the most common ones (`register`, `changePassword`, `resetPassword`). Choose another.',
  PASSWORD_TOO_LONG:
    "The new password has more characters than the policy's `maxLength` (10 under `seed`, 64 under `strict`; see `passwordPolicy`): `register`, `changePassword`, `resetPassword`. Ask for a shorter one.",
  PASSWORD_TOO_SHORT:
    "The new password has fewer characters than the policy's `minLength` (5 under `seed`, 8 under `strict`; see `passwordPolicy`): `register`, `changePassword`, `resetPassword`. Ask for a longer one.",
  PASSWORD_UNCHANGED: '`changePassword`: `newPassword` is the current password. Choose a different one.',
  PAYMENT_IN_PROGRESS:
    '`startPayment` with purpose `DEBT`: a debt payment of this account is open already (CREATED or PENDING), from this cabinet or another; the abonent who started it gets its `payment` back (with `confirmationUrl` while PENDING). Finish it or wait for its result; a `CUSTOM` payment can be made meanwhile.',
  PAYMENT_UNAVAILABLE:
    "`startPayment`: the account's supplier takes no online payments (it has not given its payee details), as `PersonalAccount.onlinePayment` tells beforehand with the same code. Pay by the paper receipt.",
  PERIOD_INVALID: "`setTariffs`: a tariff's `validTo` is before its `validFrom`. Fix one of the dates.",
  PERSONAL_DATA_CONSENT_REQUIRED:
    '`register`: `consentToPersonalData` is not true. The abonent must consent to the processing of personal data to register.',
  PHONE_INVALID:
    '`updateSupplierSettings`: `support.phone` is not 5 to 49 characters of digits, spaces, brackets and dashes (it may start with +). Fix the number.',
  PIN_INVALID: '`upsertPersonalAccounts`: `receiptPin` is not 4 to 8 digits. Send the PIN as printed on receipts.',
  PRICE_INVALID:
    "`setTariffs`: a tariff's `pricePerUnit` is not a positive number of kopecks. Send the price in kopecks per unit.",
  PROOF_INVALID:
    "`linkPersonalAccount`: `proof` is not in the form the supplier's `linkProof` asks for: 4 to 8 digits (`RECEIPT_PIN`), rubles such as 1234,56 (`LAST_CHARGE_AMOUNT`) or a decimal reading such as 4,37507 (`METER_READING`). Ask for the value as the receipt prints it.",
  PROOF_REQUIRED:
    '`linkPersonalAccount`: the supplier asks for a proof besides the number (`Supplier.linkProof` is not `NONE`) and `proof` is empty. Ask for that value from the receipt.',
  PROVIDER_REFUSED:
    '`startPayment`: the acquirer refused the payment, which is CANCELED (`cancellationCode` `provider_refused`); the same call with the same key answers the same again. Try later with a new `idempotencyKey`.',
  PROVIDER_UNAVAILABLE:
    '`startPayment`: the acquirer did not answer; the payment is recorded (CREATED, in the payload) but not opened. Repeat the same call with the same `idempotencyKey` in a minute: it opens that payment, never a second one.',
  RATE_LIMITED:
    "Too many attempts of one kind; the message says how long to wait: `login` (10 failed on one account from one address in 15 minutes; the payload's `retryAfterSeconds` gives the wait), `requestPasswordReset` (3 an hour per e-mail, 20 per IP address), `resendConfirmation` (once a minute, 10 times a day), `createSupportRequest` (10 an hour per IP address) or `linkPersonalAccount` (5 failed an hour per cabinet, 10 guesses an hour at one number, 30 from one IP address). Wait, then retry.",
  READINGS_REFUSED:
    '`startPayment` with readings: metering did not take them but gave no reason (a fallback; a refused reading normally comes with its own code). No payment started: check the readings and retry.',
  READINGS_REQUIRED: '`submitReadings`: `readings` is empty. Send at least one reading.',
  READINGS_UNAVAILABLE:
    '`startPayment` with readings: the readings could not be handed to metering (it did not answer, or refused the call); no payment started. Retry in a minute.',
  READING_BELOW_PREVIOUS:
    "The reading is below the one it is compared with (the latest accepted reading of an earlier period, else the meter's initial value): `submitReadings` (`results[].code`), `startPayment` (`readings.<index>`), `recordReadings` (`value`). Check it; if the dial went past its maximum and started again from zero, send it with `confirmRollover: true` (`rollover: true` in `recordReadings`).",
  READING_IMPLAUSIBLE:
    "An abonent's reading means a rollover or a consumption far above the meter's usual (over `plausibilityFactor` times its daily average, or without history over `monthlyMaximum` a month): `submitReadings` (`results[].code`, with `consumption` and `chargePreview`) and `startPayment` (`readings.<index>`). Show the abonent what it means; if it is right, send it again with `confirmImplausible: true` and it is recorded.",
  READING_INVALID:
    '`upsertPersonalAccounts`: `receiptReading` is not a decimal such as 4.37507 (at most 5 fraction digits). Send the reading as a decimal with a point.',
  READING_REFUSED:
    '`startPayment` with readings: metering refused the reading at `readings.<index>` without a code of its own (a fallback; normally its own code comes). No payment started: check the reading.',
  REQUIRED:
    'Partner writes: a text is empty: `address`, `holderName` or `services[i]` (`upsertPersonalAccounts`), `tariffs[i].service` or `tariffs[i].unit` (`setTariffs`). Fill it in.',
  RETURN_URL_INVALID:
    "`startPayment`: `returnUrl` is not an absolute address on this Kabinet's own origin (PUBLIC_URL), or is longer than 500 characters. Send the address of a page of this cabinet.",
  SERIAL_INVALID:
    '`upsertMeters`: `serialNumber` is empty or longer than 40 characters. Send the serial number within the limit.',
  STATUS_INVALID: '`upsertMeters`: `status` is neither `ACTIVE` nor `REMOVED`. Send one of the two.',
  SUPPLIER_REQUIRED: '`linkPersonalAccount`: `supplierCode` is empty or names no supplier. Choose one of `suppliers`.',
  SUPPORT_REQUEST_CLOSED:
    '`addSupportMessage` or `answerSupportRequest`: the request with this `number` is closed, so nothing more can be added. The abonent writes a new one (`createSupportRequest`).',
  SUPPORT_REQUEST_NOT_FOUND:
    "`addSupportMessage`: the abonent has no request with this `number` (another abonent's counts as none); `answerSupportRequest`: no request has this `number`. Check the number.",
  TEXT_REQUIRED: '`addSupportMessage` or `answerSupportRequest`: `text` is empty. Write the message.',
  TEXT_TOO_LONG: '`addSupportMessage` or `answerSupportRequest`: `text` is longer than 5000 characters. Shorten it.',
  TOKEN_EXPIRED:
    "The link's time is over: in `confirmEmail` the confirmation deadline (CONFIRMATION_TTL after `register`, 3 days by default) has passed, after which a cabinet still unconfirmed is deleted: register again; in `resetPassword` (and `passwordResetLink.problem`) the reset link is older than PASSWORD_RESET_TTL (1 hour by default), so request a new one (`requestPasswordReset`).",
  TOKEN_INVALID:
    '`confirmEmail` or `resetPassword` (and `passwordResetLink.problem`): the token is unknown or malformed, or, for a reset, replaced by a newer link. Open the link of the latest letter, copied whole, or request a new one.',
  TOKEN_REVOKED:
    '`confirmEmail`: a newer confirmation link was sent since (`resendConfirmation`) and replaced this one. Open the link of the latest letter.',
  TOKEN_USED:
    'The link was used already: in `confirmEmail` the address is confirmed (log in); in `resetPassword` (and `passwordResetLink.problem`) it has set a password (request a new link if need be).',
  TOO_LONG:
    'Partner writes: a text is longer than its limit: `address` 500, `holderName` 200, `services[i]` 100 characters (`upsertPersonalAccounts`); `tariffs[i].service` 100, `tariffs[i].unit` 16 (`setTariffs`). Shorten it.',
  TOO_MANY_ACCOUNTS:
    '`linkPersonalAccount`: the cabinet holds 50 accounts already, the most it may. Unlink one first (`unlinkPersonalAccount`).',
  TOO_MANY_FRACTION_DIGITS:
    "The reading has more digits after the comma than the meter's dial (`fractionDigits`): `submitReadings` (`results[].code`), `startPayment` (`readings.<index>`), `recordReadings` (`value`). Send only the digits the dial shows.",
  TOO_MANY_READINGS:
    '`submitReadings` (and `startPayment` with readings): more than 20 readings in one call. Send at most 20.',
  TOO_MANY_ROWS:
    'A partner bulk write (`upsertPersonalAccounts`, `upsertCharges`, `setBalances`, `setTariffs`, `upsertMeters`, `recordReadings`) has more than 1000 rows (`index` -1, no field); nothing is written. Split it into calls of at most 1000.',
  TOO_MANY_SERVICES: "`upsertPersonalAccounts`: a row's `services` has more than 10 entries. Send at most 10.",
  TOPIC_REQUIRED: '`createSupportRequest`: `topic` is empty. Give the subject.',
  TOPIC_TOO_LONG: '`createSupportRequest`: `topic` is longer than 200 characters. Shorten it.',
  URL_INVALID:
    '`updateSupplierSettings`: `receiptSampleUrl` is not the path of a web client file such as /receipts/moskva.svg (svg, png, jpg or webp), or `support.website` is not https:// followed by 3 to 290 characters without spaces. Fix the address named in `field`.',
  VALUE_INVALID:
    "A reading's `value` is not a decimal such as 1234,567 (at most 12 whole and 5 significant fraction digits): `submitReadings` (`results[].code`), `startPayment` (`readings.<index>`), `recordReadings` (`value`); in `upsertMeters`, `initialValue` is not one or does not fit the meter's `integerDigits` and `fractionDigits`.",
  VALUE_TOO_LARGE:
    "The reading has more digits before the comma than the meter's dial (`integerDigits`): `submitReadings` (`results[].code`), `startPayment` (`readings.<index>`), `recordReadings` (`value`). Check the reading.",
  VOLUME_INVALID:
    '`upsertCharges`: `volume` is not a non-negative decimal of up to 10 whole and 3 fraction digits, written with a point (e.g. 12.345). Send the volume in that form.',
  WRONG_PASSWORD:
    "`changePassword` (`currentPassword`) or `deleteCabinet` (`password`): the password is not the cabinet's current one, and nothing changed. Ask for the current password again.",
  ZERO_CONSUMPTION:
    'The reading equals the one it is compared with and the supplier takes no zero consumption (`allowZeroConsumption` false): `submitReadings` (`results[].code`) and `startPayment` (`readings.<index>`). Submit once the dial has moved.',
  ZONE_INVALID:
    "The reading's `zone` is not one of the meter's (`TOTAL` for a single-zone meter, `DAY` and `NIGHT` for a day-night one; no zone counts as `TOTAL`): `submitReadings` (`results[].code`), `startPayment` (`readings.<index>`), `recordReadings` (`value`). Send the zones the meter has.",
} as const satisfies Record<string, string>;

/** A code a payload may carry. */
export type PayloadCode = keyof typeof PAYLOAD_CODE_DESCRIPTIONS;

/**
 * A code another subgraph answered with (plain JSON over the API), as one of ours: itself when the catalogue has it,
 * else `fallback` (what this subgraph says of a refusal it cannot name).
 */
export function payloadCode(code: string | null | undefined, fallback: PayloadCode): PayloadCode {
  return code != null && Object.hasOwn(PAYLOAD_CODE_DESCRIPTIONS, code) ? (code as PayloadCode) : fallback;
}

// Not listed above, being no payload's `errors[].code`:
// - the top-level `errors[].extensions.code` values: ERROR_CODE_DESCRIPTIONS in core/errors.ts (RATE_LIMITED and
//   NOT_FOUND are payload codes too, and are described above as such);
// - NOT_READY of `PersonalAccount.onlinePayment.code`, a query field (its PAYMENT_UNAVAILABLE is `startPayment`'s too).
