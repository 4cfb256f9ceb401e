// A meter reading as typed on the dial (whole and fraction digits), checked before sending the way the server checks it.
import { dialDigitsProblem, type Dial } from '@kabinet/common/dial';

export type { Dial };

/** The problem with a typed reading (in the server's words: the same check), or undefined; empty is no problem here. */
export function dialProblem(integer: string, fraction: string, dial: Dial): string | undefined {
  if (!integer && !fraction) return undefined;
  return dialDigitsProblem(integer, fraction, dial)?.message;
}

/** The decimal the API takes, «01188» + «518» → `1188.518`; '' when nothing was typed. */
export function dialValue(integer: string, fraction: string): string {
  if (!integer && !fraction) return '';
  const whole = integer.replace(/^0+(?=\d)/, '') || '0';
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Splits what was typed or pasted into the whole box at its comma or point: «1188,518» → [«1188», «518»]. */
export function splitAtComma(typed: string): [string, string] | undefined {
  const match = /^([^.,]*)[.,](.*)$/.exec(typed.replace(/[\s\u00a0]/g, ''));
  return match ? [match[1]!, match[2]!.replace(/[.,]/g, '')] : undefined;
}

/** Compares two non-negative decimal strings (`1188.518`, `1200`) exactly: negative, zero or positive. */
export function compareDecimals(a: string, b: string): number {
  const [aWhole = '0', aFraction = ''] = a.split('.');
  const [bWhole = '0', bFraction = ''] = b.split('.');
  const scale = Math.max(aFraction.length, bFraction.length);
  const scaled = (whole: string, fraction: string) => BigInt(whole + fraction.padEnd(scale, '0'));
  const difference = scaled(aWhole, aFraction) - scaled(bWhole, bFraction);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * One idempotency key per submission: the same key again when a request whose answer never came is repeated with
 * the same readings (so the server records them once), a new one once the readings change or an answer came.
 */
export function createIdempotencyKeys() {
  let pending: { key: string; readings: string } | undefined;
  return {
    /** The key for sending these readings (any JSON-able value that identifies them). */
    keyFor(readings: unknown): string {
      const fingerprint = JSON.stringify(readings);
      if (pending?.readings !== fingerprint) pending = { key: randomKey(), readings: fingerprint };
      return pending.key;
    },
    /** The server answered: the next submission is a new one. */
    answered(): void {
      pending = undefined;
    },
  };
}

/** A random UUID; `crypto.randomUUID` exists only on HTTPS pages (and localhost), `getRandomValues` everywhere. */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
