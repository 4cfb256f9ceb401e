// The values abonents type from their receipt: account numbers, PINs, amounts in rubles, meter readings.
import { createHash } from 'node:crypto';

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
