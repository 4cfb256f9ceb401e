// Resolves entity references other subgraphs hand to the gateway, with the same visibility as every other path.
import type { AccountsContext } from '../accounts.context.js';
import { AbonentAccounts } from './personal-account.resolver.js';
import type { PersonalAccount } from './personal-account.types.js';

export const personalAccountReference = {
  __resolveReference(reference: Record<string, unknown>, ctx: AccountsContext): Promise<PersonalAccount | null> {
    return ctx.loaders.visibleAccountById.load(String(reference.id));
  },
};

/** An abonent's accounts are theirs alone: any other Abonent reference resolves to null (the field's rule then
 * asks for a confirmed e-mail). */
export const abonentAccountsReference = {
  __resolveReference(reference: Record<string, unknown>, ctx: AccountsContext): AbonentAccounts | null {
    const id = String(reference.id);
    if (ctx.caller.kind !== 'abonent' || ctx.caller.abonentId !== id) return null;
    return Object.assign(new AbonentAccounts(), { id });
  },
};
