// The readings' deadline an account's summary shows: the closing day of the period a reading sent today counts for.
import { describe, expect, it } from 'vitest';
import { periodFor } from './calendar.js';
import { daysText, readingWindow } from './reading-window.js';

describe('readingWindow', () => {
  it('counts the days left to the closing day, today included', () => {
    expect(readingWindow('2026-12-02', 25)).toMatchObject({
      until: '2026-12-25',
      untilText: '25 декабря',
      daysLeft: 24,
      afterClosing: false,
    });
    expect(readingWindow('2026-12-25', 25)).toMatchObject({ until: '2026-12-25', daysLeft: 1, afterClosing: false });
  });

  it('after the closing day, gives the next month’s (across a year), as periodFor does', () => {
    expect(readingWindow('2026-12-26', 25)).toMatchObject({
      until: '2027-01-25',
      untilText: '25 января',
      daysLeft: 31,
      afterClosing: true,
    });
    for (const today of ['2026-11-30', '2026-12-01', '2026-12-20', '2026-12-21', '2027-02-28']) {
      const window = readingWindow(today, 20);
      expect(window.afterClosing).toBe(periodFor(today, 20) !== `${today.slice(0, 7)}-01`);
      expect(periodFor(window.until, 20)).toBe(periodFor(today, 20));
    }
  });

  it('takes a month’s last day when the closing day is past its end', () => {
    expect(readingWindow('2027-02-10', 30)).toMatchObject({ until: '2027-02-28', daysLeft: 19 });
    expect(readingWindow('2028-02-10', 31)).toMatchObject({ until: '2028-02-29' });
  });
});

describe('daysText', () => {
  it('writes the Russian plural of days', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(daysText)).toEqual(
      [
        '1 день',
        '2 дня',
        '4 дня',
        '5 дней',
        '11 дней',
        '12 дней',
        '14 дней',
        '21 день',
        '22 дня',
        '25 дней',
        '101 день',
        '111 дней',
      ].map((t) => t.replace(' ', '\u00a0')),
    );
  });
});
