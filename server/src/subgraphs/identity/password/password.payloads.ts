// Results of password operations.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType({ description: 'The result of `changePassword`, `requestPasswordReset` or `resetPassword`.' })
export class PasswordPayload {
  @Field(() => Boolean, {
    description: 'Done; for `requestPasswordReset`, also when the address has no cabinet (no letter is sent then).',
  })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'What to fix: the password rule’s codes (`PASSWORD_TOO_SHORT`…) and `PASSWORD_MISMATCH`; `WRONG_PASSWORD` or ' +
      '`PASSWORD_UNCHANGED` (a change); the e-mail’s codes or `RATE_LIMITED` (a reset request); `TOKEN_INVALID`, ' +
      '`TOKEN_USED` or `TOKEN_EXPIRED` (a reset).',
  })
  errors!: UserError[];
}

@ObjectType({ description: 'Whether a password-reset link can still set a password, told before any is typed.' })
export class PasswordResetLink {
  @Field(() => Boolean, { description: 'True while the link can set a new password.' })
  usable!: boolean;

  @Field(() => UserError, {
    nullable: true,
    description: 'Why not (`TOKEN_USED`, `TOKEN_EXPIRED` or `TOKEN_INVALID`) and what to do; null when usable.',
  })
  problem!: UserError | null;
}
