// Resolves PersonalAccount references (the account's payments and amount due) only for a caller who may read the
// account, null otherwise: the gateway asks only for accounts the accounts subgraph let the caller see, but anyone
// holding a signed envelope can ask this subgraph directly.
import type { PaymentsContext } from '../payments.context.js';
import { AccountPayments } from './payment.types.js';

export const accountPaymentsReference = {
  async __resolveReference(reference: Record<string, unknown>, ctx: PaymentsContext): Promise<AccountPayments | null> {
    const id = String(reference.id);
    if (!(await ctx.loaders.accountVisible.load(id))) return null;
    return Object.assign(new AccountPayments(), { id });
  },
};
