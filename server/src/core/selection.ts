// What a resolver's caller asked for, when that lets it skip work.
import { getNamedType, isObjectType, Kind, type GraphQLResolveInfo } from 'graphql';

/**
 * Whether every field node of this field selects nothing but `fields` (no fragments, no other fields). Fields that
 * the resolver's own schema (`info.schema`) does not have on the returned type are another subgraph's to resolve
 * (one process runs one schema of all subgraphs) and do not count.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const own = info.schema.getType(getNamedType(info.returnType).name);
  const owned = isObjectType(own) ? own.getFields() : undefined;
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (selection) =>
        selection.kind === Kind.FIELD &&
        (fields.includes(selection.name.value) ||
          (owned !== undefined && !(selection.name.value in owned) && selection.name.value !== '__typename')),
    ),
  );
}
