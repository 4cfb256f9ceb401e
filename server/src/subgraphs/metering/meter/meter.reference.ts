// Resolves entity references, each only for a caller who may see it (null otherwise, as if it did not exist): the
// gateway asks only for references the accounts subgraph let the caller see, but anyone holding a signed envelope
// can ask a subgraph directly, so each checks again.
import type { MeteringContext } from '../metering.context.js';
import { AccountMeters } from './meter.resolver.js';
import type { Meter } from './meter.types.js';

export const accountMetersReference = {
  async __resolveReference(reference: Record<string, unknown>, ctx: MeteringContext): Promise<AccountMeters | null> {
    const id = String(reference.id);
    if (!(await ctx.loaders.accountVisible.load(id))) return null;
    return Object.assign(new AccountMeters(), { id });
  },
};

export const meterReference = {
  __resolveReference(reference: Record<string, unknown>, ctx: MeteringContext): Promise<Meter | null> {
    return ctx.loaders.visibleMeterById.load(String(reference.id));
  },
};
