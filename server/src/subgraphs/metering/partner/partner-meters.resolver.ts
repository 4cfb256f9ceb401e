// The metering partner API: the supplier's billing writes its meters.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { PartnerWritePayload } from '../../../core/partner-payloads.js';
import type { MeteringContext } from '../metering.context.js';
import { UpsertMetersInput } from './partner-meters.inputs.js';
import { upsertMeters } from './partner-meters.service.js';

@Resolver()
export class PartnerMetersResolver {
  @Mutation(() => PartnerWritePayload, {
    description: 'Creates or updates meters by serial number (idempotent). Any bad row refuses the whole call.',
  })
  upsertMeters(
    @Arg('input', () => UpsertMetersInput) input: UpsertMetersInput,
    @Ctx() ctx: MeteringContext,
  ): Promise<PartnerWritePayload> {
    if (ctx.caller.kind !== 'partner') throw new Error('a partner operation reached without a partner caller');
    return upsertMeters(ctx.em, ctx.caller.supplierId, input.meters);
  }
}
