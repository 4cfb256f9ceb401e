// Months as the API speaks them (YYYY-MM) and as the database stores them (the first day).
import { AppError, ErrorCode } from '../../../core/errors.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Today's month in Moscow time, where the suppliers' billing periods are kept. */
export function currentMonth(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);
}

export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** How many charges an account shows when no months are given. */
export const DEFAULT_CHARGE_MONTHS = 12;

/**
 * The first days of the months of a from…to range given as YYYY-MM. Without either, the range reaches back far
 * enough for the last DEFAULT_CHARGE_MONTHS charges whether or not this month's is billed yet.
 */
export function monthRange(argument: { from?: string | null; to?: string | null }, now = new Date()): [string, string] {
  for (const [name, value] of Object.entries(argument)) {
    if (value != null && !isMonth(value)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Месяц «${name}» укажите в виде ГГГГ-ММ, например 2026-01.`, {
        field: name,
      });
    }
  }
  const to = argument.to ?? (argument.from ? addMonths(argument.from, DEFAULT_CHARGE_MONTHS - 1) : currentMonth(now));
  const from = argument.from ?? addMonths(to, argument.to ? -(DEFAULT_CHARGE_MONTHS - 1) : -DEFAULT_CHARGE_MONTHS);
  if (from > to) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Начальный месяц не может быть позже конечного.', { field: 'from' });
  }
  return [`${from}-01`, `${to}-01`];
}
