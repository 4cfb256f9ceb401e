// The formats the server and the web client share: what an abonent reads on a page, in a letter and on a notice.
import { describe, expect, it } from 'vitest';
import { todayInMoscow } from './calendar.js';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayMonth,
  formatDuration,
  formatMonth,
  formatMonthGenitive,
  formatMonthLower,
} from './dates.js';
import { formatMoney, formatRubles, includedVat, parseRubles } from './money.js';
import { readingMessages } from './reading-messages.js';

const NBSP = '\u00a0';

describe('money', () => {
  it('writes kopecks as rubles with no-break group spaces and one minus sign for the server and the web', () => {
    expect(formatRubles(123456)).toBe(`1${NBSP}234,56`);
    expect(formatMoney(123456)).toBe(`1${NBSP}234,56${NBSP}₽`);
    expect(formatMoney(-50000)).toBe(`−500,00${NBSP}₽`);
    expect(formatMoney(5)).toBe(`0,05${NBSP}₽`);
    expect(formatRubles(100_000_000_00)).toBe(`100${NBSP}000${NBSP}000,00`);
  });

  it('reads typed rubles into kopecks without a float', () => {
    expect(parseRubles('1 234,56 ₽')).toEqual({ kopecks: 123456 });
    expect(parseRubles('0.1')).toEqual({ kopecks: 10 });
    expect(parseRubles('1,234')).toEqual({ problem: 'kopecks' });
    expect(parseRubles('')).toEqual({ problem: 'empty' });
    expect(parseRubles('12a')).toEqual({ problem: 'format' });
    expect(parseRubles('1234567890')).toEqual({ problem: 'too-long' });
  });

  it('computes included VAT half up in integers', () => {
    expect(includedVat(12000, 20)).toBe(2000);
    expect(includedVat(100, 20)).toBe(17);
  });
});

describe('dates', () => {
  it('writes moments in Moscow time whatever the machine zone', () => {
    expect(formatDate('2026-12-31T21:30:00Z')).toBe('01.01.2027');
    expect(formatDate(new Date('2026-06-15T10:00:00Z'))).toBe('15.06.2026');
    expect(formatDateTime('2026-11-27T10:05:00Z')).toBe('27.11.2026, 13:05');
    expect(formatDate('not a date')).toBe('');
    expect(todayInMoscow(new Date('2026-02-28T22:00:00Z'))).toBe('2026-03-01');
  });

  it('writes calendar days and months as the API sends them', () => {
    expect(formatDay('2026-11-01')).toBe('01.11.2026');
    expect(formatMonth('2026-12')).toBe('Декабрь 2026');
    expect(formatMonthLower('2027-01')).toBe('январь 2027');
    expect(formatMonth('2026-12-01')).toBe('2026-12-01');
    expect(formatMonthGenitive('2025-12')).toBe('декабря 2025');
    expect(formatDayMonth('2027-02-28')).toBe('28 февраля');
  });
});

describe('reading messages', () => {
  it('write figures as the page beside them does: thousands apart, a decimal comma', () => {
    expect(readingMessages.rolloverToConfirm('99911.482')).toContain('расход составит 99\u00a0911,482 м³');
    expect(readingMessages.implausible('9553.9')).toContain('Расход 9\u00a0553,9 м³');
    expect(readingMessages.belowPrevious('100')).toContain('(100)');
    expect(readingMessages.belowPrevious('1\u00a0188,518')).toContain('(1\u00a0188,518)');
  });
});

describe('formatDuration', () => {
  it('says a duration in Russian, with the plural each number takes', () => {
    expect(formatDuration(3_600_000)).toBe('1 час');
    expect(formatDuration(2 * 3_600_000)).toBe('2 часа');
    expect(formatDuration(5 * 3_600_000)).toBe('5 часов');
    expect(formatDuration(21 * 3_600_000)).toBe('21 час');
    expect(formatDuration(30 * 60_000)).toBe('30 минут');
    expect(formatDuration(90 * 60_000)).toBe('1 час 30 минут');
    expect(formatDuration(3 * 86_400_000)).toBe('3 дня');
    expect(formatDuration(45_000)).toBe('45 секунд');
    expect(formatDuration(86_400_000 + 3_600_000 + 60_000)).toBe('1 день 1 час');
  });
});
