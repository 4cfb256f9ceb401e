// The shield rules every subgraph shares: who the caller must be.
import { rule } from 'graphql-shield';
import type { RequestContext } from './context.js';
import { AppError, ErrorCode } from './errors.js';

const notLoggedIn = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Войдите в Личный кабинет.');

/** Any logged-in abonent, confirmed or not: only login-level operations use this. */
export const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => ctx.caller.kind === 'abonent' || notLoggedIn(),
);

/** The default for everything an abonent does: logged in with a confirmed e-mail. */
export const isEmailConfirmed = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (ctx.caller.kind !== 'abonent') return notLoggedIn();
  if (!ctx.caller.emailConfirmed) {
    return new AppError(
      ErrorCode.EMAIL_NOT_CONFIRMED,
      'Подтвердите адрес электронной почты по ссылке из письма, чтобы пользоваться этим разделом.',
    );
  }
  return true;
});
