// The months of charges an account shows: as the API speaks them (YYYY-MM) and as the database stores them.
import { addMonths, currentMonth, isMonth } from '@kabinet/common/calendar';
import { AppError, ErrorCode } from '../../../core/errors.js';

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
