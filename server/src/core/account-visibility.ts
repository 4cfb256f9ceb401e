// Which personal accounts the caller may read in a subgraph that keeps a copy of the accounts facts (metering,
// payments), for its entity references: the copy answers first, in one statement per request; what it does not
// know yet (a link made seconds ago) the accounts subgraph, which owns the accounts, decides for the same caller.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { SubgraphName } from './config.js';
import type { RequestContext } from './context.js';
import { readRows, statement } from './sql.js';
import type { SubgraphClient } from './subgraph-client.js';
import { uuidsOf } from './uuid.js';

type ReplicaSchema = Extract<SubgraphName, 'metering' | 'payments'>;

/**
 * The most ids one request asks the accounts subgraph about. A real page needs a few (links made seconds ago); a
 * forged envelope with thousands would become one request with as many aliases, so the rest are refused.
 */
export const MAX_OWNER_LOOKUPS = 50;

const statements = (schema: ReplicaSchema) => ({
  linked: statement(
    `select x."account_id" as "id" from "${schema}"."account_access" x
      where x."abonent_id" = $1::uuid and x."account_id" = any($2::uuid[]) and x."linked"`,
  ),
  suppliers: statement(`select a."id", a."supplier_id" from "${schema}"."account" a where a."id" = any($1::uuid[])`),
});
const STATEMENTS = { metering: statements('metering'), payments: statements('payments') };

/**
 * One DataLoader per request: true for each account id the caller may read, with the same rule as the accounts
 * subgraph (an abonent with a confirmed e-mail: the accounts they linked; a partner: its supplier's accounts; nobody
 * else anything). Field rules still ask partners for the scope of each field's data.
 */
export function createAccountVisibilityLoader(
  em: EntityManager,
  schema: ReplicaSchema,
  request: RequestContext,
  subgraphs: SubgraphClient | undefined,
): DataLoader<string, boolean> {
  return new DataLoader<string, boolean>(async (accountIds) => {
    const caller = request.caller;
    const ids = uuidsOf(accountIds);
    const visible = new Set<string>();
    let undecided: string[] = [];
    if (ids.length && caller.kind === 'abonent' && caller.emailConfirmed) {
      const rows = await readRows<{ id: string }>(em, STATEMENTS[schema].linked, [caller.abonentId, ids]);
      for (const row of rows) visible.add(row.id);
      // Not linked in the copy: linked moments ago, or not at all (the owner knows which).
      undecided = ids.filter((id) => !visible.has(id));
    } else if (ids.length && caller.kind === 'partner') {
      const rows = await readRows<{ id: string; supplier_id: string }>(em, STATEMENTS[schema].suppliers, [ids]);
      const known = new Set(rows.map((r) => r.id));
      for (const row of rows) if (row.supplier_id === caller.supplierId) visible.add(row.id);
      // An account's supplier never changes: only accounts the copy has not heard of yet are the owner's to decide.
      undecided = ids.filter((id) => !known.has(id));
    }
    if (undecided.length && subgraphs) {
      const asked = undecided.slice(0, MAX_OWNER_LOOKUPS);
      for (const id of await visibleToOwner(schema, request, subgraphs, asked)) visible.add(id);
    }
    return accountIds.map((id) => visible.has(id));
  });
}

/** Asks the accounts subgraph which of `ids` it lets the caller read (`personalAccount(id)`, one request). */
async function visibleToOwner(
  origin: ReplicaSchema,
  request: RequestContext,
  subgraphs: SubgraphClient,
  ids: string[],
): Promise<string[]> {
  const variables = Object.fromEntries(ids.map((id, i) => [`a${i}`, id]));
  const query = `query (${ids.map((_, i) => `$a${i}: ID!`).join(', ')}) { ${ids
    .map((_, i) => `a${i}: personalAccount(id: $a${i}) { id }`)
    .join(' ')} }`;
  const result = await subgraphs
    .execute<Record<string, { id: string } | null>>('accounts', { ...request, origin }, query, variables)
    .catch((error: unknown) => {
      // Fail closed: what cannot be confirmed is not shown.
      request.log.warn({ err: error }, 'account visibility: the accounts subgraph did not answer');
      return null;
    });
  return Object.values(result?.data ?? {})
    .filter((account): account is { id: string } => Boolean(account?.id))
    .map((account) => account.id);
}
