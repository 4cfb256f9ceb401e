// Ids that arrive from clients are strings: only well-formed uuids may reach PostgreSQL's uuid parser.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** The distinct ids that can be uuids; anything else cannot match and must not fail the whole batch. */
export function uuidsOf(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(isUuid))];
}
