// What a resolver's caller asked for, when that lets it skip work.
import { Kind, type GraphQLResolveInfo } from 'graphql';

/** Whether every field node of this field selects nothing but `fields` (no fragments, no other fields). */
export function selectsOnly(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (selection) => selection.kind === Kind.FIELD && fields.includes(selection.name.value),
    ),
  );
}
