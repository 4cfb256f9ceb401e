// Resolves `Abonent` references from other subgraphs; an abonent sees only themself.
import type { IdentityContext } from '../identity.context.js';
import type { Abonent } from './abonent.entity.js';

export const abonentReference = {
  async __resolveReference(reference: Record<string, unknown>, ctx: IdentityContext): Promise<Abonent | null> {
    const id = String(reference.id);
    if (ctx.caller.kind !== 'abonent' || ctx.caller.abonentId !== id) return null;
    return ctx.loaders.abonentById.load(id);
  },
};
