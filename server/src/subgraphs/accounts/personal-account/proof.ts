// The values abonents type from their receipt: account numbers, PINs, amounts in rubles, meter readings.
import { createHash } from 'node:crypto';

/** Spaces, dashes and dots people copy from a receipt («7 0 2 0 6 2 0 1 2») are not part of the number. */
export function normalizeAccountNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\-.]/g, '');
}

/** A PIN is kept as SHA-256 over the supplier, the number and the PIN, so equal PINs do not hash alike. */
export function hashReceiptPin(supplierId: string, number: string, pin: string): string {
  return createHash('sha256').update(`${supplierId}:${number}:${pin}`, 'utf8').digest('hex');
}

export const PIN = /^[0-9]{4,8}$/;

/** «1 234,56», «1234.56», «1234» (rubles) → kopecks; null when it is not an amount. */
export function parseRubles(raw: string): number | null {
  const text = raw
    .replace(/[\s\u00a0]/g, '')
    .replace(/(руб\.?|₽|р\.?)$/i, '')
    .replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** «4,37507» or «4.37507» → the canonical decimal string «4.37507»; null when it is not a reading. */
export function parseReading(raw: string): string | null {
  const text = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{1,12}))?$/.exec(text);
  if (!match) return null;
  const whole = String(Number(match[1]));
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 5) return null;
  return fraction ? `${whole}.${fraction}` : whole;
}
