// A payment notice's input as the accounts subgraph builds it for the demo account 702062012: one fixture for the
// tests that render notices.
import type { PaymentNoticeInput } from '../../src/subgraphs/accounts/personal-account/payment-notice.js';

export const DEMO_PAYEE = 'ЗАО "Газпром межрегионгаз Санкт-Петербург" (демо)';

export function noticeInput(overrides: Partial<PaymentNoticeInput> = {}): PaymentNoticeInput {
  return {
    bank: {
      payeeName: DEMO_PAYEE,
      inn: '7838016481',
      kpp: null,
      account: '40702810600000000001',
      bankName: 'ДЕМО-БАНК (ПАО)',
      bic: '044525999',
      correspondentAccount: '30101810600000000999',
    },
    accountNumber: '702062012',
    holder: 'И***в И. И.',
    address: 'г. Санкт-Петербург, Невский пр., д. 1, кв. 1',
    amount: 100,
    period: '2026-10',
    createdAt: new Date('2026-11-24T09:00:00Z'),
    ...overrides,
  };
}
