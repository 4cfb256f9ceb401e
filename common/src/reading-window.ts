// How long readings sent today still count for the period they count for now: up to the supplier's closing day, as
// the server's periodFor decides (a reading after the closing day counts for the next month). Shown in the accounts
// summary; here so that it cannot drift from periodFor.
import { addMonths } from './calendar.js';
import { formatDayMonth } from './dates.js';

export interface ReadingWindow {
  /** YYYY-MM-DD: the last day readings count for the period they count for now. */
  until: string;
  /** «25 декабря». */
  untilText: string;
  /** Days left including today (1 on the closing day itself). */
  daysLeft: number;
  /** Today is past this month's closing day: readings now count for the next month. */
  afterClosing: boolean;
}

/** The closing day in `month` (YYYY-MM), or the month's last day when it is shorter. */
function closingDate(month: string, closingDay: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(Math.min(closingDay, last)).padStart(2, '0')}`;
}

export function readingWindow(today: string, closingDay: number): ReadingWindow {
  const month = today.slice(0, 7);
  let until = closingDate(month, closingDay);
  const afterClosing = today > until;
  if (afterClosing) until = closingDate(addMonths(month, 1), closingDay);
  const daysLeft = Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) + 1;
  return { until, untilText: formatDayMonth(until), daysLeft, afterClosing };
}

/** `1 день`, `3 дня`, `11 дней`: the Russian plural of days (with a no-break space). */
export function daysText(days: number): string {
  const tens = days % 100;
  const ones = days % 10;
  const word = tens >= 11 && tens <= 14 ? 'дней' : ones === 1 ? 'день' : ones >= 2 && ones <= 4 ? 'дня' : 'дней';
  return `${days}\u00a0${word}`;
}
