// Entity classes are also GraphQL types: a read path may build them from raw rows, without the ORM's hydration.
import type { EntityManager } from '@mikro-orm/postgresql';

type Mapper = (row: Record<string, unknown>) => object;
const mappers = new WeakMap<Function, Mapper>();

/**
 * An instance of `entity` with its scalar properties taken from a row keyed by column names, not managed by any
 * EntityManager: for reads only. `em.map` does the same with identity map and change-tracking snapshots; the bench
 * profile put it at ~60 µs per entity on the dashboard path (bench/results).
 */
export function plainEntity<T extends object>(em: EntityManager, entity: new () => T, row: Record<string, unknown>): T {
  let mapper = mappers.get(entity);
  if (!mapper) {
    const columns = Object.values(em.getMetadata().get(entity.name).properties)
      .filter((prop) => prop.fieldNames?.length === 1 && prop.persist !== false)
      .map((prop) => ({ name: prop.name, column: prop.fieldNames[0]!, isDate: prop.runtimeType === 'Date' }));
    mapper = (source) => {
      const target = new entity() as Record<string, unknown>;
      for (const { name, column, isDate } of columns) {
        const value = source[column];
        if (value === undefined) continue;
        target[name] = isDate && typeof value === 'string' ? new Date(value) : value;
      }
      return target;
    };
    mappers.set(entity, mapper);
  }
  return mapper(row) as T;
}
