// graphql-shield wiring shared by every subgraph: deny by default, with a coded error.
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { AppError, ErrorCode } from './errors.js';

export type { IRules };
export { allow, deny };

/** Rules every subgraph needs for the federation plumbing the gateway calls. */
export const FEDERATION_RULES = {
  Query: { _service: allow, _entities: allow },
  _Service: allow,
} as const;

export function applyPermissions(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  const permissions = shield(rules, {
    fallbackRule: deny,
    fallbackError: () => new AppError(ErrorCode.FORBIDDEN, 'Недостаточно прав для этой операции.'),
    // Our resolvers throw AppErrors on purpose; masking of the unexpected ones happens at the edge.
    allowExternalErrors: true,
    debug: false,
  });
  return applyMiddleware(schema, permissions);
}
