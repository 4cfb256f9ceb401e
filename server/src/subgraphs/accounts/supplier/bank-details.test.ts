// Control digits of payee details, on values whose validity is known.
import { describe, expect, it } from 'vitest';
import { isValidCorrespondentAccount, isValidInn, isValidKpp, isValidSettlementAccount } from './bank-details.js';

describe('payee details', () => {
  it('check ИНН control digits for legal entities and persons', () => {
    expect(isValidInn('7838016481')).toBe(true); // ЗАО «Газпром межрегионгаз Санкт-Петербург», from the receipt
    expect(isValidInn('7838016482')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('78380164')).toBe(false);
  });

  it('check settlement and correspondent accounts against the BIC', () => {
    // Sberbank's published details: BIC 044525225, correspondent account 30101810400000000225.
    expect(isValidCorrespondentAccount('30101810400000000225', '044525225')).toBe(true);
    expect(isValidCorrespondentAccount('30101810400000000226', '044525225')).toBe(false);
    expect(isValidSettlementAccount('40702810600000000001', '044525999')).toBe(true);
    expect(isValidSettlementAccount('40702810900000000001', '044525999')).toBe(false);
    expect(isValidSettlementAccount('4070281060000000000', '044525999')).toBe(false);
  });

  it('check the shape of a КПП', () => {
    expect(isValidKpp('783801001')).toBe(true);
    expect(isValidKpp('7838AB001')).toBe(true);
    expect(isValidKpp('78380100')).toBe(false);
  });
});
