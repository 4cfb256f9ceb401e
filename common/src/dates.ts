// Dates as people read them, in Moscow time where suppliers keep their billing periods: the server's letters and
// notices and the web client's pages write them with these.

/** Built once: constructing an Intl.DateTimeFormat costs more than a dashboard's own SQL (bench/results). */
const DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const DATE_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A moment → `27.11.2026` in Moscow; '' for a missing or unreadable one. Takes `unknown` because codegen types the
 * DateTimeISO scalar so (an ISO string on the wire); the server passes a Date.
 */
export function formatDate(moment: unknown): string {
  const date = toDate(moment);
  return date ? DATE.format(date) : '';
}

/** A moment → `27.11.2026, 13:05` (Moscow time); '' for a missing or unreadable one. */
export function formatDateTime(moment: unknown): string {
  const date = toDate(moment);
  return date ? DATE_TIME.format(date) : '';
}

/** A calendar day as the API sends it, `2026-11-01` → `01.11.2026` (no time zone involved); '' when unreadable. */
export function formatDay(day: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

const MONTH_NAME = new Intl.DateTimeFormat('ru-RU', { month: 'long', timeZone: 'UTC' });

/** A month as the API sends it, `2026-10` → `Октябрь 2026`; the input as is when unreadable. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const name = MONTH_NAME.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${match[1]}`;
}

/** A month in running text, `2026-12` → `декабрь 2026` («будут учтены в расчёте за декабрь 2026»). */
export function formatMonthLower(month: string): string {
  const formatted = formatMonth(month);
  return formatted.charAt(0).toLowerCase() + formatted.slice(1);
}

const DAY_MONTH = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** A calendar day in running text, `2026-12-25` → `25 декабря`. */
export function formatDayMonth(day: string): string {
  return DAY_MONTH.format(new Date(`${day}T00:00:00Z`));
}

/** A month (YYYY-MM) after «с», in the genitive: `2025-12` → `декабря 2025` («с декабря 2025»). */
export function formatMonthGenitive(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const name = DAY_MONTH.formatToParts(new Date(Date.UTC(year, m - 1, 1))).find((p) => p.type === 'month');
  return `${name?.value ?? month} ${year}`;
}

const PLURAL = new Intl.PluralRules('ru-RU');

/** The units a duration is said in, largest first, with the word for one / few / many. */
const UNITS: ReadonlyArray<{ ms: number; one: string; few: string; many: string }> = [
  { ms: 86_400_000, one: 'день', few: 'дня', many: 'дней' },
  { ms: 3_600_000, one: 'час', few: 'часа', many: 'часов' },
  { ms: 60_000, one: 'минута', few: 'минуты', many: 'минут' },
  { ms: 1000, one: 'секунда', few: 'секунды', many: 'секунд' },
];

/**
 * A duration as a letter or a message says it: `1 час`, `30 минут`, `3 дня`, `1 час 30 минут`; the two largest
 * units at most, rounded down to whole seconds.
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000) * 1000);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.ms);
    if (count === 0 || parts.length === 2) continue;
    rest -= count * unit.ms;
    const form = PLURAL.select(count);
    parts.push(`${count} ${form === 'one' ? unit.one : form === 'few' ? unit.few : unit.many}`);
  }
  return parts.length ? parts.join(' ') : '0 секунд';
}
