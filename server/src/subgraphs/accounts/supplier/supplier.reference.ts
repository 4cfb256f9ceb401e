// Resolves `Supplier` references that other subgraphs hand to the gateway.
import type { AccountsContext } from '../accounts.context.js';
import type { Supplier } from './supplier.entity.js';

export const supplierReference = {
  __resolveReference(reference: Record<string, unknown>, ctx: AccountsContext): Promise<Supplier | null> {
    return ctx.loaders.supplierById.load(String(reference.id));
  },
};
