// Resolves entity references: an account's meters come with the account the accounts subgraph already let the
// caller see (the gateway only asks for references it got from there); a Meter by id is checked here.
import type { MeteringContext } from '../metering.context.js';
import { AccountMeters } from './meter.resolver.js';
import type { Meter } from './meter.types.js';

export const accountMetersReference = {
  __resolveReference(reference: Record<string, unknown>): AccountMeters {
    return Object.assign(new AccountMeters(), { id: String(reference.id) });
  },
};

export const meterReference = {
  __resolveReference(reference: Record<string, unknown>, ctx: MeteringContext): Promise<Meter | null> {
    return ctx.loaders.visibleMeterById.load(String(reference.id));
  },
};
