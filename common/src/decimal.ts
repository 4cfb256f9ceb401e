// Readings are decimals, never floats: parsed as digit strings, compared and subtracted as scaled BigInts.

/** Fraction digits every reading is scaled to (numeric(14, 5) in the database). */
export const SCALE = 5;

export interface Decimal {
  whole: string;
  fraction: string;
  /** Canonical text: "4.375", "12". */
  text: string;
  /** The value × 10^SCALE. */
  scaled: bigint;
}

/** «4,375» or «4.375» (no sign, no exponent) → a Decimal; null when it is not one. Trailing fraction zeros drop. */
export function parseDecimal(raw: string): Decimal | null {
  const match = /^(\d{1,12})(?:[.,](\d{1,12}))?$/.exec(raw.replace(/[\s\u00a0]/g, ''));
  if (!match) return null;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > SCALE) return null;
  return {
    whole,
    fraction,
    text: fraction ? `${whole}.${fraction}` : whole,
    scaled: BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0') || '0'),
  };
}

/** A scaled value back to canonical text. */
export function formatScaled(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const unit = 10n ** BigInt(SCALE);
  const fraction = (abs % unit).toString().padStart(SCALE, '0').replace(/0+$/, '');
  const text = fraction ? `${abs / unit}.${fraction}` : `${abs / unit}`;
  return negative ? `-${text}` : text;
}

/** kopecks per unit × a scaled volume, rounded half up to whole kopecks. */
export function chargeKopecks(scaledVolume: bigint, pricePerUnit: number): number {
  const unit = 10n ** BigInt(SCALE);
  return Number((scaledVolume * BigInt(pricePerUnit) * 2n + unit) / (2n * unit));
}

/** The canonical text of a reading as typed («4,375070» → «4.37507»), or null when it is not one. */
export function readingText(raw: string): string | null {
  return parseDecimal(raw)?.text ?? null;
}
