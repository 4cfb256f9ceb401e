// The payment QR code of ГОСТ Р 56042-2014 («Стандарты финансовых операций. Двумерные символы штрихового кода
// для осуществления платежей физических лиц»): any Russian bank app reads it and fills in the payment.
import type { BankDetails } from '../supplier/supplier.entity.js';

/** Format identifier ST, version 0001, encoding 2 (UTF-8). */
const HEADER = 'ST00012';

/** The longest value each field may have, as the standard sets. */
const MAX_LENGTH = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  PayeeINN: 12,
  KPP: 9,
  PersAcc: 40,
  Sum: 18,
  Purpose: 210,
  PaymPeriod: 6,
  TechCode: 2,
} as const;

export interface PaymentQrInput {
  bank: BankDetails;
  accountNumber: string;
  /** Kopecks; omitted when nothing is due (the bank app then asks for the amount). */
  amount: number | null;
  /** YYYY-MM the payment is for. */
  period: string;
}

/** The purpose of payment (Purpose): the same words on the QR code and on the printed notice. */
export function paymentPurpose(accountNumber: string, period: string): string {
  const [year, month] = period.split('-');
  return `Оплата за газ, лицевой счёт ${accountNumber}, за ${month}.${year}`;
}

/** `ST00012|Name=…|…|TechCode=02`; the separator never appears inside a value. */
export function paymentQrPayload(input: PaymentQrInput): string {
  const [year, month] = input.period.split('-');
  const fields: Array<[keyof typeof MAX_LENGTH, string | null]> = [
    ['Name', input.bank.payeeName],
    ['PersonalAcc', input.bank.account],
    ['BankName', input.bank.bankName],
    ['BIC', input.bank.bic],
    ['CorrespAcc', input.bank.correspondentAccount],
    ['PayeeINN', input.bank.inn],
    ['KPP', input.bank.kpp],
    ['PersAcc', input.accountNumber],
    ['Sum', input.amount && input.amount > 0 ? String(input.amount) : null],
    ['Purpose', paymentPurpose(input.accountNumber, input.period)],
    ['PaymPeriod', `${month}${year}`],
    // 02: payment for housing and communal services (ЖКУ), which gas supply is.
    ['TechCode', '02'],
  ];
  const parts = fields
    .filter((field): field is [keyof typeof MAX_LENGTH, string] => field[1] !== null && field[1] !== '')
    .map(([name, value]) => `${name}=${value.replace(/\|/g, ' ').trim().slice(0, MAX_LENGTH[name])}`);
  return [HEADER, ...parts].join('|');
}
