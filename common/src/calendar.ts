// Calendar dates (YYYY-MM-DD) and months (YYYY-MM) in Moscow time, where suppliers keep their billing periods.

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Built once: constructing an Intl.DateTimeFormat costs more than a dashboard's own SQL (bench/results). */
const MOSCOW_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' });

export function todayInMoscow(now = new Date()): string {
  return MOSCOW_DATE.format(now);
}

export function currentMonth(now = new Date()): string {
  return todayInMoscow(now).slice(0, 7);
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The month `delta` months from `month` (YYYY-MM). */
export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (dates), at least 1: readings on the same day count as one day apart. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(1, Math.round(ms / 86_400_000));
}

/** The month (its first day) a reading taken `today` counts for: after the closing day, the next month. */
export function periodFor(today: string, closingDay: number): string {
  const month = today.slice(0, 7);
  return `${Number(today.slice(8, 10)) > closingDay ? addMonths(month, 1) : month}-01`;
}
