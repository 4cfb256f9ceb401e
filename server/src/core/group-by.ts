// Rows grouped by a key in one pass, keeping their order: how a loader answers many keys from one statement.

export function groupBy<R, K, V>(rows: readonly R[], key: (row: R) => K, map: (row: R) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(map(row));
    else groups.set(k, [map(row)]);
  }
  return groups;
}
