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

const ROOT_DESCRIPTIONS = {
  Query:
    "What a caller may read: the public supplier catalogue, an abonent's own cabinet (`me`), and a partner app's supplier data (`partner*`).",
  Mutation:
    'What a caller may change. Expected failures come back as data in each payload (`ok: false`, `errors`); only requests that cannot run at all answer `errors[]` with `extensions.code`.',
} as const;

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
  // type-graphql takes no description for the root types; every subgraph gives the same (composition keeps it).
  const query = schema.getQueryType();
  if (query) query.description = ROOT_DESCRIPTIONS.Query;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = ROOT_DESCRIPTIONS.Mutation;
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
