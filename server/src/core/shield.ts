// graphql-shield wiring shared by every subgraph: deny by default, with a coded error.
import { isObjectType, type GraphQLSchema } from 'graphql';
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
  return withoutAllowedChecks(applyMiddleware(schema, permissions), schema, rules);
}

/**
 * Shield wraps every field of the schema in an async rule check, `allow` ones too: a 1000-row page of 11 fields
 * was 11 000 promises for nothing (bench/results). Fields whose rule is `allow` get their own resolver back, so
 * only fields with a real rule (root fields, guarded fields) and fields that fall back to `deny` pay for it.
 */
function withoutAllowedChecks(guarded: GraphQLSchema, original: GraphQLSchema, rules: IRules): GraphQLSchema {
  for (const [typeName, typeRules] of Object.entries(rules)) {
    const type = guarded.getType(typeName);
    const source = original.getType(typeName);
    if (!isObjectType(type) || !isObjectType(source)) continue;
    const sourceFields = source.getFields();
    // A type's rules are one rule for all its fields, or a plain object of rules per field ('*': the rest).
    const perField =
      Object.getPrototypeOf(typeRules) === Object.prototype ? (typeRules as Record<string, unknown>) : null;
    for (const [name, field] of Object.entries(type.getFields())) {
      const rule = perField ? (perField[name] ?? perField['*']) : typeRules;
      if (rule === allow) field.resolve = sourceFields[name]?.resolve;
    }
  }
  return guarded;
}
