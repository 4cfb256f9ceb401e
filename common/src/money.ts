// Money as people read it and type it: integer kopecks, formatted the Russian way, with no float in between.
// The server (letters, notices, messages) and the web client both format with these, so they cannot drift.
const NBSP = '\u00a0';

/** Integer kopecks → `1 234,56` (no-break spaces between the groups; a negative amount gets the minus sign «−»). */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '−' : '';
  const absolute = Math.abs(Math.trunc(kopecks));
  const whole = String(Math.trunc(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${whole},${String(absolute % 100).padStart(2, '0')}`;
}

/** Integer kopecks → `1 234,56 ₽`. */
export function formatMoney(kopecks: number): string {
  return `${formatRubles(kopecks)}${NBSP}₽`;
}

/** The VAT included in a gross amount at `ratePercent`, rounded half up to the kopeck (integer arithmetic). */
export function includedVat(grossKopecks: number, ratePercent: number): number {
  return Math.floor((grossKopecks * ratePercent * 2 + (100 + ratePercent)) / ((100 + ratePercent) * 2));
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
