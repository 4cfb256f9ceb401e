// A meter's dial: how many digits a reading may have before and after the comma, checked the same way by the
// server (on the decimal it receives) and the web client (on the two boxes an abonent types in).
import { readingMessages } from './reading-messages.js';

export interface Dial {
  integerDigits: number;
  fractionDigits: number;
}

export interface DialProblem {
  code: 'VALUE_INVALID' | 'TOO_MANY_FRACTION_DIGITS' | 'VALUE_TOO_LARGE';
  message: string;
}

/**
 * What is wrong with a reading's whole and fraction digits (leading zeros of the whole and trailing zeros of the
 * fraction already dropped, or as typed: a dial may show them), or null when the dial can show it.
 */
export function dialDigitsProblem(whole: string, fraction: string, dial: Dial): DialProblem | null {
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) {
    return { code: 'VALUE_INVALID', message: readingMessages.onlyDigits };
  }
  if (!whole) return { code: 'VALUE_INVALID', message: readingMessages.wholeRequired };
  if (fraction.length > dial.fractionDigits) {
    return { code: 'TOO_MANY_FRACTION_DIGITS', message: readingMessages.tooManyFractionDigits(dial.fractionDigits) };
  }
  if (whole.length > dial.integerDigits) {
    return { code: 'VALUE_TOO_LARGE', message: readingMessages.tooManyIntegerDigits(dial.integerDigits) };
  }
  return null;
}

/** The largest reading plus one, in units of 10^-scale: where a rollover starts again from zero. */
export function dialSpan(dial: Dial, scale: number): bigint {
  return 10n ** BigInt(dial.integerDigits + scale);
}
