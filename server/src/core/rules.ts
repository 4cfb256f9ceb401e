// The shield rules every subgraph shares: who the caller must be.
import { rule } from 'graphql-shield';
import type { PartnerScope } from './caller.js';
import type { RequestContext } from './context.js';
import { AppError, ErrorCode } from './errors.js';

type Check = true | AppError;

const notLoggedIn = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Войдите в Личный кабинет.');
const notAPartner = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Этот метод доступен только партнёрским приложениям с API-ключом.');

function confirmedAbonent(ctx: RequestContext): Check {
  if (ctx.caller.kind !== 'abonent') return notLoggedIn();
  if (!ctx.caller.emailConfirmed) {
    return new AppError(
      ErrorCode.EMAIL_NOT_CONFIRMED,
      'Подтвердите адрес электронной почты по ссылке из письма, чтобы пользоваться этим разделом.',
    );
  }
  return true;
}

function partnerScope(ctx: RequestContext, scope: PartnerScope): Check {
  if (ctx.caller.kind !== 'partner') return notAPartner();
  if (!ctx.caller.scopes.includes(scope)) {
    return new AppError(ErrorCode.FORBIDDEN, `У API-ключа нет разрешения ${scope}.`, { scope });
  }
  return true;
}

/** Any logged-in abonent, confirmed or not: only login-level operations use this. */
export const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => ctx.caller.kind === 'abonent' || notLoggedIn(),
);

/** The default for everything an abonent does: logged in with a confirmed e-mail. */
export const isEmailConfirmed = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  confirmedAbonent(ctx),
);

/** A partner app (API key), any scope. An abonent's session never passes. */
export const isPartner = rule('partner', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => ctx.caller.kind === 'partner' || notAPartner(),
);

/** graphql-shield wants one rule object per name: rules made per scope are made once. */
function once<R>(make: (scope: PartnerScope) => R): (scope: PartnerScope) => R {
  const made = new Map<PartnerScope, R>();
  return (scope) => {
    if (!made.has(scope)) made.set(scope, make(scope));
    return made.get(scope)!;
  };
}

/** A partner app whose key carries `scope`. */
export const partnerWithScope = once((scope) =>
  rule(`partner:${scope}`, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => partnerScope(ctx, scope)),
);

/** A confirmed abonent, or a partner app whose key carries `scope` (each then sees only its own data). */
export const confirmedAbonentOrPartner = once((scope) =>
  rule(`abonent-or-partner:${scope}`, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
    ctx.caller.kind === 'partner' ? partnerScope(ctx, scope) : confirmedAbonent(ctx),
  ),
);
