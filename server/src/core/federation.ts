// Builds an Apollo Federation 2 subgraph schema from type-graphql resolvers (type-graphql's apollo-federation-2 example).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { TEXT_LIMIT_DIRECTIVE, TEXT_LIMIT_DIRECTIVE_SDL, TEXT_LIMIT_SPEC_URL } from './text-limits.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@composeDirective"])';

/** Text limits declared on fields (`@textLimit`) travel into the supergraph, where the gateway reads them. */
const TEXT_LIMIT_LINK =
  `extend schema @link(url: "${TEXT_LIMIT_SPEC_URL}", import: ["@${TEXT_LIMIT_DIRECTIVE}"]) ` +
  `@composeDirective(name: "@${TEXT_LIMIT_DIRECTIVE}")\n${TEXT_LIMIT_DIRECTIVE_SDL}`;

export type ReferenceResolvers<Context> = Record<
  string,
  { __resolveReference(reference: Record<string, unknown>, context: Context): unknown }
>;

export async function buildFederatedSchema<Context>(
  resolvers: NonEmptyArray<Function>,
  referenceResolvers: ReferenceResolvers<Context> = {},
  orphanedTypes: Function[] = [],
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, orphanedTypes, skipCheck: true, validate: false });
  const resolverMap: Record<string, object> = createResolversMap(schema);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolverMap[typeName] = { ...resolverMap[typeName], ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: gql(`${FEDERATION_LINK}\n${TEXT_LIMIT_LINK}\n${printSchemaWithDirectives(schema)}`),
    // buildSubgraphSchema's resolver map type is not exported; the shape is the same.
    resolvers: resolverMap as Parameters<typeof buildSubgraphSchema>[0] extends { resolvers?: infer R } ? R : never,
  });
}
