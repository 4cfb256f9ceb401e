// The logged-in abonent's id; shield rules guarantee there is one wherever this is called.
import { AppError, ErrorCode } from '../../../core/errors.js';
import type { IdentityContext } from '../identity.context.js';

export function callerAbonentId(ctx: IdentityContext): string {
  if (ctx.caller.kind !== 'abonent') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Войдите в Личный кабинет.');
  return ctx.caller.abonentId;
}
