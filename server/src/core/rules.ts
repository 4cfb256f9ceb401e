// The shield rules every subgraph shares: who the caller must be.
import { allow, rule } from 'graphql-shield';
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

/**
 * Who a rule lets through, in words, for the partner reference: the shared rules by identity, the scoped ones by
 * their name. Undefined for a rule this module did not make.
 */
export function whoMay(check: unknown): string | undefined {
  if (check === allow) return 'Anyone, without logging in.';
  if (check === isAuthenticated) return 'A logged-in abonent, confirmed or not (login level).';
  if (check === isEmailConfirmed) return 'An abonent who has confirmed the e-mail address.';
  if (check === isPartner) return 'A partner app (API key), with any scope.';
  const name = (check as { name?: unknown } | null)?.name;
  if (typeof name !== 'string') return undefined;
  const [kind, scope] = name.split(/:(.*)/s);
  if (kind === 'partner' && scope) return `A partner app whose API key has the scope \`${scope}\`.`;
  if (kind === 'abonent-or-partner' && scope) {
    return `An abonent with a confirmed e-mail (for the accounts linked to the cabinet), or a partner app whose API key has the scope \`${scope}\` (for its supplier's accounts).`;
  }
  return undefined;
}
