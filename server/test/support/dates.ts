// The days every date-sensitive test also runs on, and the supplier closing days it runs with: month and year ends,
// the closing-day boundary (25 and 26), a leap day, and closing days early in the month.
import { SettableClock } from '../../src/core/clock.js';

export interface TestDay {
  /** How the day reads in a test's name. */
  readonly name: string;
  /** The calendar date in Moscow, YYYY-MM-DD. */
  readonly date: string;
  /** Moscow time of day, HH:MM (default noon). */
  readonly time?: string;
}

export const TEST_DAYS: readonly TestDay[] = [
  { name: 'the 1st of a month', date: '2027-03-01' },
  // Half past midnight in Moscow is still the previous day (28 February) in UTC.
  { name: 'the 1st of a month, just after midnight in Moscow', date: '2027-03-01', time: '00:30' },
  { name: 'the 25th', date: '2027-03-25' },
  { name: 'the 26th', date: '2027-03-26' },
  { name: 'the last day of a month', date: '2027-04-30' },
  { name: '31 December', date: '2026-12-31' },
  { name: '1 January', date: '2027-01-01' },
  { name: '29 February 2028', date: '2028-02-29' },
];

/** Closing days a supplier may set (1–28): early in the month, and the default. */
export const CLOSING_DAYS: readonly number[] = [1, 2, 3, 25];

/** The instant of a Moscow date and time (Moscow has kept UTC+3 all year since 2014). */
export function moscow(date: string, time = '12:00'): Date {
  return new Date(`${date}T${time}:00+03:00`);
}

export function instantOf(day: TestDay): Date {
  return moscow(day.date, day.time);
}

/** A clock standing at the day (time then runs on from there). */
export function clockAt(day: TestDay): SettableClock {
  return new SettableClock(instantOf(day));
}

/** Month names as the cabinet writes a period, written out here so that tests do not share the server's code. */
const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** `2027-01` → `январь 2027`, as letters and the page name a period. */
export function monthInText(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
