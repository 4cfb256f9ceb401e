// GraphQL entry points of «Поддержка».
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { callerAbonentId } from '../abonent/caller-abonent.js';
import type { IdentityContext } from '../identity.context.js';
import { SupportRequest } from './support-request.entity.js';
import { CreateSupportRequestInput } from './support.inputs.js';
import { CreateSupportRequestPayload } from './support.payloads.js';
import { SupportService } from './support.service.js';

@Resolver(() => SupportRequest)
export class SupportResolver {
  @Query(() => [SupportRequest], { description: 'The logged-in abonent’s support requests, newest first.' })
  mySupportRequests(@Ctx() ctx: IdentityContext): Promise<SupportRequest[]> {
    return new SupportService(ctx).mine(callerAbonentId(ctx));
  }

  @Mutation(() => CreateSupportRequestPayload, {
    description: 'Writes to support; a CAPTCHA is needed unless logged in with a confirmed e-mail.',
  })
  createSupportRequest(
    @Arg('input', () => CreateSupportRequestInput) input: CreateSupportRequestInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<CreateSupportRequestPayload> {
    return new SupportService(ctx).create(input);
  }
}
