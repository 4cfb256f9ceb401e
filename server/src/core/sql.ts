// Raw SQL for the paths where ORM hydration costs more than it gives (see PERF.md): bulk writes, batched reads.
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs `query` (`?` placeholders) on the EntityManager's connection, inside its open transaction when it has one.
 * (`em.getConnection().execute` alone takes a fresh pool connection, outside the transaction.)
 */
export function runSql<T = any[]>(em: EntityManager, query: string, params: readonly unknown[] = []): Promise<T> {
  return em.getConnection().execute(query, [...params], 'all', em.getTransactionContext()) as Promise<T>;
}
