// Events one subgraph publishes for others (through the job queue): their names and payloads are a contract.

/** A cabinet was deleted (by its owner, or unconfirmed past its deadline): drop everything tied to the abonent. */
export const ABONENT_DELETED = 'abonent.deleted';
export interface AbonentDeleted {
  abonentId: string;
  reason: string;
}

/**
 * Facts about personal accounts that other subgraphs keep a copy of (metering checks who may submit readings for
 * an account, and previews charges at its tariff). Each carries `at`, the time of the change in the accounts
 * subgraph, so a consumer can ignore a delivery older than what it holds (the queue does not keep order).
 */
export const ACCOUNTS_REGISTERED = 'personal-account.registered';
export interface AccountsRegistered {
  supplierId: string;
  accounts: Array<{ id: string; number: string }>;
}

/** An abonent's access to an account began (linked) or ended (unlinked, or the cabinet was deleted). */
export const ACCOUNT_ACCESS_CHANGED = 'personal-account.access-changed';
export interface AccountAccessChanged {
  abonentId: string;
  accountId: string;
  linked: boolean;
  at: string;
}

/** The tariffs of these accounts are now exactly these (kopecks per unit). */
export const TARIFFS_SET = 'personal-account.tariffs-set';
export interface TariffsSet {
  at: string;
  accounts: Array<{
    id: string;
    supplierId: string;
    number: string;
    tariffs: Array<{ service: string; pricePerUnit: number; unit: string; validFrom: string; validTo: string | null }>;
  }>;
}

/**
 * The balances of these accounts are now these (kopecks: positive a debt, negative an overpayment), as the
 * supplier's billing computed them on `asOf`. `at` is when accounts recorded them: payments made after it are not
 * in them yet.
 */
export const BALANCES_SET = 'personal-account.balances-set';
export interface BalancesSet {
  at: string;
  supplierId: string;
  accounts: Array<{ id: string; number: string; balanceKopecks: number; asOf: string | null }>;
}

/**
 * Settings of a supplier that other subgraphs apply: the closing day of the reading period (metering), and who
 * is paid and named on receipts (payments; null while the supplier has no bank details).
 */
export const SUPPLIER_SETTINGS_CHANGED = 'supplier.settings-changed';
export interface SupplierSettingsChanged {
  supplierId: string;
  readingClosingDay: number;
  /** Absent in deliveries older than the payments subgraph. */
  supplierName?: string;
  payee?: { name: string; inn: string } | null;
  at: string;
}

/** An abonent has accounts with meters and no reading yet this period, and the closing day is near. */
export const READING_REMINDER_DUE = 'readings.reminder-due';
export interface ReadingReminderDue {
  abonentId: string;
  /** YYYY-MM the readings would count for. */
  period: string;
  /** YYYY-MM-DD: the last day readings count for that period. */
  closingDate: string;
  accountNumbers: string[];
}

/**
 * An online payment succeeded (`payment.succeeded`) or was refunded in part or in full (`payment.refunded`), as
 * the payments subgraph recorded it. The accounts subgraph keeps these to print what is due net of payments the
 * supplier's billing has not posted yet (the QR code and the notice). Every delivery carries the whole fact (the
 * amount, everything refunded so far, when it succeeded), so one arriving before the other loses nothing.
 */
export const PAYMENT_SUCCEEDED = 'payment.succeeded';
export const PAYMENT_REFUNDED = 'payment.refunded';
export interface PaymentSettled {
  paymentId: string;
  accountId: string;
  amountKopecks: number;
  /** Everything refunded so far (kopecks); it only grows. */
  refundedKopecks: number;
  /** When the payment succeeded (ISO), compared with when the account's balance was recorded. */
  succeededAt: string;
  at: string;
}
