// Each reading rule at its boundary, on the check alone (no database): what passes, what is refused, and why.
import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { verificationStatusOf } from '../meter/meter.resolver.js';
import { MeterZones, ReadingZone, VerificationStatus, type MeterRow } from '../meter/meter.types.js';
import { chargeKopecks, parseDecimal } from '@kabinet/common/decimal';
import { SubmitService, type Rules } from './submit.service.js';
import { isPlausible } from './plausibility.js';
import { moscow } from '../../../../test/support/dates.js';

const TODAY = '2026-11-20';
const service = new SubmitService(undefined as unknown as EntityManager, moscow(TODAY));
const meter: MeterRow = {
  id: 'm',
  account_id: 'a',
  supplier_id: 's',
  serial_number: 'G4-1',
  zones: MeterZones.SINGLE,
  integer_digits: 5,
  fraction_digits: 3,
  initial_value: '0',
  installed_on: '2020-01-01',
  next_verification_on: '2026-11-20',
  status: 'ACTIVE',
};
const rules: Rules = {
  maxDaily: parseDecimal('2')!.scaled,
  allowZero: false,
  refusePastVerification: true,
  closingDay: 25,
  plausibility: { factor: 5, monthlyMaximum: parseDecimal('1000')!.scaled },
};
/** The last accepted reading: 100 m³, ten days ago. */
const baseline = { scaled: parseDecimal('100')!.scaled, on: '2026-11-10' };

function check(
  value: string,
  overrides: { meter?: Partial<MeterRow>; rules?: Partial<Rules>; rollover?: boolean } = {},
) {
  const result = service.check(
    { ...meter, ...overrides.meter },
    ReadingZone.TOTAL,
    { value, confirmRollover: overrides.rollover },
    baseline,
    { ...rules, ...overrides.rules },
  );
  return result.ok ? `ok ${result.consumption / 100000n}${result.rollover ? ' rollover' : ''}` : result.code;
}

describe('reading rules at their boundaries', () => {
  it('fraction and integer digits: up to the dial, not one more', () => {
    expect(check('100,999')).toBe('ok 0');
    expect(check('100,9991')).toBe('TOO_MANY_FRACTION_DIGITS');
    expect(check('101', { meter: { fraction_digits: 0 } })).toBe('ok 1');
    expect(check('101,5', { meter: { fraction_digits: 0 } })).toBe('TOO_MANY_FRACTION_DIGITS');
    expect(check('99999')).toBe('CONSUMPTION_TOO_HIGH');
    expect(check('99999', { rules: { maxDaily: null } })).toBe('ok 99899');
    expect(check('100000', { rules: { maxDaily: null } })).toBe('VALUE_TOO_LARGE');
  });

  it('the daily maximum: 2 m³ a day over 10 days is 20 m³, and not 20.001', () => {
    expect(check('120')).toBe('ok 20');
    expect(check('120,001')).toBe('CONSUMPTION_TOO_HIGH');
  });

  it('zero consumption, when the supplier refuses it', () => {
    expect(check('100')).toBe('ZERO_CONSUMPTION');
    expect(check('100', { rules: { allowZero: true } })).toBe('ok 0');
    expect(check('100,001')).toBe('ok 0');
  });

  it('below the last reading: refused, unless a rollover is confirmed', () => {
    expect(check('99,999')).toBe('READING_BELOW_PREVIOUS');
    // 100 → 99999,999 → 0 → 5: 99905 m³, which a daily limit then judges like any consumption.
    expect(check('5', { rollover: true })).toBe('CONSUMPTION_TOO_HIGH');
    expect(check('5', { rollover: true, rules: { maxDaily: null } })).toBe('ok 99905 rollover');
  });

  it('verification: the day itself still counts, the day after does not', () => {
    expect(check('101')).toBe('ok 1');
    expect(check('101', { meter: { next_verification_on: '2026-11-19' } })).toBe('METER_VERIFICATION_EXPIRED');
    expect(
      check('101', { meter: { next_verification_on: '2026-11-19' }, rules: { refusePastVerification: false } }),
    ).toBe('ok 1');
    expect(verificationStatusOf('2026-11-19', TODAY)).toBe(VerificationStatus.EXPIRED);
    expect(verificationStatusOf('2026-11-20', TODAY)).toBe(VerificationStatus.DUE_SOON);
    expect(verificationStatusOf('2027-01-19', TODAY)).toBe(VerificationStatus.DUE_SOON);
    expect(verificationStatusOf('2027-01-20', TODAY)).toBe(VerificationStatus.OK);
    expect(verificationStatusOf(null, TODAY)).toBe(VerificationStatus.UNKNOWN);
  });

  it('zones: a single-zone meter takes TOTAL only', () => {
    const day = service.check(meter, ReadingZone.DAY, { value: '101' }, baseline, rules);
    expect(day.ok ? 'ok' : day.code).toBe('ZONE_INVALID');
    const dayNight = service.check(
      { ...meter, zones: MeterZones.DAY_NIGHT },
      ReadingZone.TOTAL,
      { value: '101' },
      baseline,
      rules,
    );
    expect(dayNight.ok ? 'ok' : dayNight.code).toBe('ZONE_INVALID');
  });

  it('plausibility: up to N× the average day of the history over at least a month, else the monthly maximum', () => {
    const m3 = (text: string) => parseDecimal(text)!.scaled;
    const plausibility = { factor: 5, monthlyMaximum: m3('1000') };
    // 146 m³ over 365 days: 0.4 m³ a day; five times that over 30 days is 60 m³.
    const history = { consumption: m3('146'), days: 365 };
    expect(isPlausible(m3('60'), 30, history, plausibility)).toBe(true);
    expect(isPlausible(m3('60,001'), 30, history, plausibility)).toBe(false);
    // A reading two days after the last is judged as a month's; forty days as forty.
    expect(isPlausible(m3('60'), 2, history, plausibility)).toBe(true);
    expect(isPlausible(m3('80'), 40, history, plausibility)).toBe(true);
    expect(isPlausible(m3('80,001'), 40, history, plausibility)).toBe(false);
    expect(isPlausible(m3('120'), 30, history, { ...plausibility, factor: 10 })).toBe(true);
    // Without a usable history (none, shorter than 28 days, or no consumption in it): the monthly maximum.
    for (const none of [null, { consumption: m3('5'), days: 27 }, { consumption: 0n, days: 365 }]) {
      expect(isPlausible(m3('1000'), 30, none, plausibility)).toBe(true);
      expect(isPlausible(m3('1000,001'), 30, none, plausibility)).toBe(false);
    }
    expect(isPlausible(m3('2000'), 60, null, plausibility)).toBe(true);
  });

  it('charges round half up to whole kopecks, in integers', () => {
    expect(chargeKopecks(parseDecimal('10,5')!.scaled, 821)).toBe(8621);
    expect(chargeKopecks(parseDecimal('0,001')!.scaled, 821)).toBe(1);
    expect(chargeKopecks(parseDecimal('0,0006')!.scaled, 821)).toBe(0);
    expect(chargeKopecks(parseDecimal('99999,999')!.scaled, 821)).toBe(82099999);
  });
});
