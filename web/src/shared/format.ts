// Formats dates, money, volumes and months the way the seed document writes them (ru-RU, Moscow time). Money and
// dates come from @kabinet/common, which the server formats with too.
export {
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatMonthGenitive,
  formatMonthLower,
} from '@kabinet/common/dates';
export { formatMoney, formatRubles, parseRubles, type RublesProblem } from '@kabinet/common/money';
export { todayInMoscow } from '@kabinet/common/calendar';
import { formatMoney } from '@kabinet/common/money';

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
