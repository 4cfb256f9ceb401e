// The metering partner API: the supplier's billing writes its meters, exports readings, records inspectors'
// readings and sets its reading rules.
import { Arg, Ctx, GraphQLISODateTime, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../../../core/caller.js';
import { PartnerWritePayload } from '../../../core/partner-payloads.js';
import type { MeteringContext } from '../metering.context.js';
import { ReadingRulesInput } from '../rules/reading-rules.inputs.js';
import { UpdateReadingRulesPayload } from '../rules/reading-rules.payloads.js';
import { updateReadingRules } from '../rules/reading-rules.service.js';
import { UpsertMetersInput } from './partner-meters.inputs.js';
import { upsertMeters } from './partner-meters.service.js';
import { RecordReadingsInput } from './partner-readings.inputs.js';
import { PartnerReadingPage } from './partner-readings.payloads.js';
import { partnerReadingsPage, recordInspectorReadings } from './partner-readings.service.js';

function partnerOf(ctx: MeteringContext): Extract<Caller, { kind: 'partner' }> {
  if (ctx.caller.kind !== 'partner') throw new Error('a partner operation reached without a partner caller');
  return ctx.caller;
}

@Resolver()
export class PartnerMeteringResolver {
  @Mutation(() => PartnerWritePayload, {
    description: 'Creates or updates meters by serial number (idempotent). Any bad row refuses the whole call.',
  })
  upsertMeters(
    @Arg('input', () => UpsertMetersInput, { description: 'The meters to write.' }) input: UpsertMetersInput,
    @Ctx() ctx: MeteringContext,
  ): Promise<PartnerWritePayload> {
    return upsertMeters(ctx.em, partnerOf(ctx).supplierId, input.meters);
  }

  @Mutation(() => PartnerWritePayload, {
    description:
      "Records readings taken by the supplier's inspectors (source INSPECTOR), all or none, once per key: " +
      '`created` counts new readings of their period, `updated` those that replaced one.',
  })
  recordReadings(
    @Arg('input', () => RecordReadingsInput, { description: 'The readings and the idempotency key.' })
    input: RecordReadingsInput,
    @Ctx() ctx: MeteringContext,
  ): Promise<PartnerWritePayload> {
    const partner = partnerOf(ctx);
    return recordInspectorReadings(ctx.em, partner.partnerAppId, partner.supplierId, input, ctx.clock.now());
  }

  @Query(() => PartnerReadingPage, {
    description: "The partner's supplier's readings, every submission, in a stable order (time, then id).",
  })
  partnerReadings(
    @Ctx() ctx: MeteringContext,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1 to 1000.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: '`pageInfo.endCursor` of the previous page; left out for the first page.',
    })
    after?: string | null,
    @Arg('since', () => GraphQLISODateTime, { nullable: true, description: 'Only readings submitted since.' })
    since?: Date | null,
  ): Promise<PartnerReadingPage> {
    return partnerReadingsPage(ctx.em, partnerOf(ctx).supplierId, { first, after, since });
  }

  @Mutation(() => UpdateReadingRulesPayload, {
    description: "Sets the partner's supplier's reading rules; only given fields change (an empty input reads them).",
  })
  updateReadingRules(
    @Arg('input', () => ReadingRulesInput, { description: 'The rules to change; those left out stay.' })
    input: ReadingRulesInput,
    @Ctx() ctx: MeteringContext,
  ): Promise<UpdateReadingRulesPayload> {
    return updateReadingRules(ctx.em, partnerOf(ctx).supplierId, input);
  }
}
