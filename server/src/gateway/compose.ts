// Composes the supergraph and the public API schema from the subgraphs' SDL.
import { composeServices } from '@apollo/composition';
import { printSchema } from 'graphql';
import { gql } from 'graphql-tag';

export interface ComposedSchema {
  supergraphSdl: string;
  /** The schema clients see: no federation machinery. */
  apiSdl: string;
}

export function composeSupergraph(
  subgraphs: ReadonlyArray<{ name: string; sdl: string; url: string }>,
): ComposedSchema {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: gql(s.sdl) })));
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl.trim() + '\n',
    apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim() + '\n',
  };
}
