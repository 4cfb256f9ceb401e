// Results of registration, confirmation and deletion: success data or field errors.
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType({
  description:
    'The result of `register`: the same whether or not the address has a cabinet already (its owner then gets a ' +
    'letter saying so instead of a link).',
})
export class RegisterPayload {
  @Field(() => Boolean, { description: 'The form was accepted and the letter is on its way.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'What to fix: `EMAIL_REQUIRED`, `EMAIL_TOO_LONG`, `EMAIL_INVALID`, the password rule’s (`PASSWORD_REQUIRED`, ' +
      '`PASSWORD_TOO_SHORT`, `PASSWORD_TOO_LONG`, `PASSWORD_INVALID_CHARACTERS`, `PASSWORD_TOO_COMMON`), ' +
      '`PASSWORD_MISMATCH`, `AGREEMENT_REQUIRED`, `PERSONAL_DATA_CONSENT_REQUIRED`, then the CAPTCHA’s ' +
      '(`CAPTCHA_REQUIRED`, `CAPTCHA_INVALID`, `CAPTCHA_EXPIRED`, `CAPTCHA_REUSED`).',
  })
  errors!: UserError[];

  @Field(() => String, { nullable: true, description: 'Where the confirmation letter went.' })
  email!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until when the link is valid.' })
  confirmationDeadline!: Date | null;
}

@ObjectType({ description: 'The result of `confirmEmail`.' })
export class ConfirmEmailPayload {
  @Field(() => Boolean, { description: 'The address is confirmed; the cabinet is no longer deleted at the deadline.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'Why the link did not confirm it: `TOKEN_INVALID`, `TOKEN_USED` (confirmed already), `TOKEN_REVOKED` (a newer ' +
      'link was sent) or `TOKEN_EXPIRED`.',
  })
  errors!: UserError[];

  @Field(() => String, { nullable: true, description: 'The confirmed address.' })
  email!: string | null;
}

@ObjectType({ description: 'The result of `resendConfirmation`.' })
export class ResendConfirmationPayload {
  @Field(() => Boolean, { description: 'A new link was sent; earlier links no longer work.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description: '`ALREADY_CONFIRMED`, `RATE_LIMITED` (once a minute, 10 times a day) or `NOT_FOUND`.',
  })
  errors!: UserError[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The deadline, unchanged by a resend.' })
  confirmationDeadline!: Date | null;
}

@ObjectType({ description: 'The result of `deleteCabinet`.' })
export class DeleteCabinetPayload {
  @Field(() => Boolean, {
    description:
      'The cabinet is deleted and the session cookie cleared; the other services then remove the abonent’s data.',
  })
  ok!: boolean;

  @Field(() => [UserError], { description: '`WRONG_PASSWORD`: nothing was deleted.' })
  errors!: UserError[];
}
