// Checks of Russian payee details with their control digits, so a typo is caught before a payment QR code carries it.

const ACCOUNT_WEIGHTS = [7, 1, 3];

/** ИНН of a legal entity (10 digits) or a person (12), with its control digit(s). */
export function isValidInn(inn: string): boolean {
  const digits = [...inn].map(Number);
  const check = (weights: number[]) => (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;
  if (/^\d{10}$/.test(inn)) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[9];
  if (/^\d{12}$/.test(inn)) {
    return (
      check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === digits[11]
    );
  }
  return false;
}

/** КПП: 4 digits, 2 digits or capital Latin letters, 3 digits. */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}

export function isValidBic(bic: string): boolean {
  return /^04\d{7}$/.test(bic);
}

function keyed(prefix: string, account: string): boolean {
  const digits = prefix + account;
  return [...digits].reduce((sum, d, i) => sum + Number(d) * ACCOUNT_WEIGHTS[i % 3]!, 0) % 10 === 0;
}

/** A settlement account (расчётный счёт) of the bank with this BIC: 20 digits, control digit per the Bank of Russia. */
export function isValidSettlementAccount(account: string, bic: string): boolean {
  return /^\d{20}$/.test(account) && isValidBic(bic) && keyed(bic.slice(-3), account);
}

/** The bank's correspondent account (корр. счёт): 20 digits starting 301, control digit keyed by the BIC. */
export function isValidCorrespondentAccount(account: string, bic: string): boolean {
  return /^301\d{17}$/.test(account) && isValidBic(bic) && keyed(`0${bic.slice(4, 6)}`, account);
}
