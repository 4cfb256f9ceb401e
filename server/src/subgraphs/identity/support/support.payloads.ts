// Result of a support request.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { SupportRequest } from './support-request.entity.js';

@ObjectType({ description: 'The result of `createSupportRequest`.' })
export class CreateSupportRequestPayload {
  @Field(() => Boolean, { description: 'The request is recorded and mailed to support.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'What to fix: `TOPIC_REQUIRED`, `TOPIC_TOO_LONG`, `MESSAGE_REQUIRED`, `MESSAGE_TOO_LONG`, `INVALID_CHARACTERS`, ' +
      '`EMAIL_REQUIRED`, `EMAIL_TOO_LONG`, `EMAIL_INVALID` (`contactEmail`), `RATE_LIMITED` (10 an hour per client ' +
      'address), or the CAPTCHA’s (`CAPTCHA_REQUIRED`, `CAPTCHA_INVALID`, `CAPTCHA_EXPIRED`, `CAPTCHA_REUSED`).',
  })
  errors!: UserError[];

  @Field(() => SupportRequest, {
    nullable: true,
    description: 'The request as recorded, with its number; null when refused.',
  })
  supportRequest!: SupportRequest | null;
}

@ObjectType({ description: 'Result of adding to or answering a support request.' })
export class SupportThreadPayload {
  @Field(() => Boolean, { description: 'The message is added; the other side is told by letter.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      '`TEXT_REQUIRED`, `TEXT_TOO_LONG`, `INVALID_CHARACTERS`, `SUPPORT_REQUEST_NOT_FOUND` (for an abonent: none of ' +
      'their own requests has that number) or `SUPPORT_REQUEST_CLOSED`.',
  })
  errors!: UserError[];

  @Field(() => SupportRequest, { nullable: true, description: 'The request as it stands now; null when refused.' })
  supportRequest!: SupportRequest | null;
}
