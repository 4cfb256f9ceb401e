// The partner app a request's API key belongs to: lets a billing system check its key and scopes.
import { Ctx, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { PartnerApp } from './partner-app.entity.js';

@Resolver(() => PartnerApp)
export class PartnerResolver {
  @Query(() => PartnerApp, { description: 'The calling partner app (API key callers only).' })
  async partnerApp(@Ctx() ctx: IdentityContext): Promise<PartnerApp> {
    if (ctx.caller.kind !== 'partner') throw new Error('partnerApp reached without a partner caller');
    return ctx.em.findOneOrFail(PartnerApp, { id: ctx.caller.partnerAppId });
  }
}
