// GraphQL entry points of «Поддержка»: writing, reading one's own requests as threads, adding to them, answering.
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerAbonentId } from '../abonent/caller-abonent.js';
import type { IdentityContext } from '../identity.context.js';
import { SupportMessage, SupportRequest } from './support-request.entity.js';
import { AddSupportMessageInput, AnswerSupportRequestInput, CreateSupportRequestInput } from './support.inputs.js';
import { CreateSupportRequestPayload, SupportThreadPayload } from './support.payloads.js';
import { SupportService } from './support.service.js';
import { SupportThreadService } from './support-thread.service.js';

@Resolver(() => SupportRequest)
export class SupportResolver {
  @Query(() => [SupportRequest], { description: 'The logged-in abonent’s support requests, newest first.' })
  mySupportRequests(@Ctx() ctx: IdentityContext): Promise<SupportRequest[]> {
    return new SupportService(ctx).mine(callerAbonentId(ctx));
  }

  @Query(() => SupportRequest, {
    nullable: true,
    description: 'One of the logged-in abonent’s support requests by its number, with its messages; null if none.',
  })
  mySupportRequest(
    @Arg('number', () => Int, { description: 'The request’s number («Обращение № 42»).' }) number: number,
    @Ctx() ctx: IdentityContext,
  ): Promise<SupportRequest | null> {
    return new SupportThreadService(ctx).findMine(callerAbonentId(ctx), number);
  }

  @FieldResolver(() => [SupportMessage], {
    description: 'What followed the first text: the abonent’s additions and support’s answers, oldest first.',
  })
  messages(@Root() request: SupportRequest, @Ctx() ctx: IdentityContext): Promise<SupportMessage[]> {
    return new SupportThreadService(ctx).messages(request.id);
  }

  @Mutation(() => CreateSupportRequestPayload, {
    description: 'Writes to support; a CAPTCHA is needed unless logged in with a confirmed e-mail.',
  })
  createSupportRequest(
    @Arg('input', () => CreateSupportRequestInput, { description: 'The subject, the question and where to answer.' })
    input: CreateSupportRequestInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<CreateSupportRequestPayload> {
    return new SupportService(ctx).create(input);
  }

  @Mutation(() => SupportThreadPayload, {
    description: 'Adds the logged-in abonent’s message to one of their own requests that is not closed.',
  })
  addSupportMessage(
    @Arg('input', () => AddSupportMessageInput, { description: 'The request’s number and the text to add.' })
    input: AddSupportMessageInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<SupportThreadPayload> {
    return new SupportThreadService(ctx).add(callerAbonentId(ctx), input);
  }

  @Mutation(() => SupportThreadPayload, {
    description:
      'Support answers a request (partner key with scope `support:answer`); the abonent gets the answer by letter.',
  })
  answerSupportRequest(
    @Arg('input', () => AnswerSupportRequestInput, {
      description: 'The request’s number, the answer and the status it leaves the request in.',
    })
    input: AnswerSupportRequestInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<SupportThreadPayload> {
    return new SupportThreadService(ctx).answer(input);
  }
}
