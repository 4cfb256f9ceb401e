// Formats dates, money, volumes and months the way the seed document writes them (ru-RU, Moscow time).
const DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * `2026-11-27T10:00:00Z` → `27.11.2026`; an empty string for a missing or unreadable date.
 * Takes `unknown` because codegen types the DateTimeISO scalar so (an ISO string on the wire).
 */
export function formatDate(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date);
}

const DATE_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026-11-27T10:05:00Z` → `27.11.2026, 13:05` (Moscow time); '' for a missing or unreadable date. */
export function formatDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
}

/** A calendar day as the API sends it, `2026-11-01` → `01.11.2026` (no time zone involved); '' when unreadable. */
export function formatDay(day: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

/** Today in Moscow as YYYY-MM-DD, to compare with the API's calendar days. */
export function todayInMoscow(now = new Date()): string {
  // The Swedish locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(now);
}

const MONTH_NAME = new Intl.DateTimeFormat('ru-RU', { month: 'long', timeZone: 'UTC' });

/** A month as the API sends it, `2026-10` → `Октябрь 2026`; the input as is when unreadable. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const name = MONTH_NAME.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${match[1]}`;
}

const RUBLES = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Integer kopecks → rubles with kopecks, `123456` → `1 234,56` (ru-RU group and decimal separators).
 * Formatted from a decimal string, so no float ever stands between the kopecks and the screen.
 */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(kopecks));
  const decimal = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`;
  return RUBLES.format(decimal);
}

/** Integer kopecks → `1 234,56 ₽`. */
export function formatMoney(kopecks: number): string {
  return `${formatRubles(kopecks)}\u00a0₽`;
}

/** A decimal string as the API sends volumes, `1234.500` → `1 234,500`, keeping its fraction digits. */
export function formatDecimal(value: string): string {
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const digits = match[2]?.length ?? 0;
  const format = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(value.trim() as `${number}`);
}

/** A tariff: price per unit in kopecks and the unit, → `8,21 ₽ за м³`. */
export function formatPrice(kopecksPerUnit: number, unit: string): string {
  return `${formatMoney(kopecksPerUnit)} за ${unit}`;
}

/** A month in running text, `2026-12` → `декабрь 2026` («будут учтены в расчёте за декабрь 2026»). */
export function formatMonthLower(month: string): string {
  const formatted = formatMonth(month);
  return formatted.charAt(0).toLowerCase() + formatted.slice(1);
}

/** A meter reading with the dial's fraction digits, `1188.5` with 3 → `1 188,500`. */
export function formatReading(value: string, fractionDigits: number): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const fraction = (match[2] ?? '').padEnd(fractionDigits, '0');
  return formatDecimal(fraction ? `${match[1]}.${fraction}` : match[1]!);
}

/** A volume in m³ as the API sends it, `10.5` → `10,5 м³`. */
export function formatVolume(value: string): string {
  return `${formatDecimal(value)}\u00a0м³`;
}

/** Why an amount typed in rubles cannot be read; see `parseRubles`. */
export type RublesProblem = 'empty' | 'format' | 'kopecks' | 'too-long';

/**
 * An amount typed in rubles → integer kopecks, with no float in between: «1234,56», «1 234.5», «1234», «1234,56 ₽»
 * (spaces of any kind between the digits, a comma or a point, at most two digits of kopecks).
 */
export function parseRubles(typed: string): { kopecks: number } | { problem: RublesProblem } {
  const text = typed.replace(/[\s\u00a0\u202f]/g, '').replace(/(₽|руб\.?|р\.?)$/i, '');
  if (!text) return { problem: 'empty' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return { problem: 'format' };
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { problem: 'kopecks' };
  // Up to 999 999 999 rubles: far above any payment, and exact as a JavaScript number in kopecks.
  if (whole.length > 9) return { problem: 'too-long' };
  return { kopecks: Number(whole) * 100 + Number(fraction.padEnd(2, '0')) };
}
