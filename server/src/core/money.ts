// Money as people read it: integer kopecks, formatted the Russian way.
const NBSP = '\u00a0';

/** Integer kopecks → `1 234,56 ₽` (no-break spaces between the groups and before the sign). */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '−' : '';
  const absolute = Math.abs(kopecks);
  const whole = String(Math.trunc(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${whole},${String(absolute % 100).padStart(2, '0')}${NBSP}₽`;
}

/** The VAT included in a gross amount at `ratePercent`, rounded half up to the kopeck (integer arithmetic). */
export function includedVat(grossKopecks: number, ratePercent: number): number {
  return Math.floor((grossKopecks * ratePercent * 2 + (100 + ratePercent)) / ((100 + ratePercent) * 2));
}
