// GraphQL entry point for abonents submitting readings (a confirmed abonent, see permissions).
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { MeteringContext } from '../metering.context.js';
import { SubmitReadingsInput } from './reading.inputs.js';
import { SubmitReadingsPayload } from './reading.payloads.js';
import { SubmitService } from './submit.service.js';
import { ReadingSource } from '../meter/meter.types.js';

@Resolver()
export class ReadingResolver {
  @Mutation(() => SubmitReadingsPayload, {
    description:
      "Submits readings of an account's meters, checked against the supplier's rules: all recorded or none. " +
      'A reading replaces an earlier one of the same period (both stay in history).',
  })
  submitReadings(
    @Arg('input', () => SubmitReadingsInput, { description: 'The account, its readings and the idempotency key.' })
    input: SubmitReadingsInput,
    @Ctx() ctx: MeteringContext,
  ): Promise<SubmitReadingsPayload> {
    if (ctx.caller.kind !== 'abonent') throw new Error('an abonent operation reached without an abonent caller');
    // Readings that come with a payment (the payments subgraph submits them for the abonent) say so.
    const source = ctx.origin === 'payments' ? ReadingSource.PAYMENT : ReadingSource.ABONENT;
    return new SubmitService(ctx.em, ctx.clock.now()).submit(ctx.caller.abonentId, input, source);
  }
}
