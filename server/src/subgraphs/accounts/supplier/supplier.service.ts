// Reads of the supplier catalog.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Supplier } from './supplier.entity.js';

const byName = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

export class SupplierService {
  constructor(private readonly em: EntityManager) {}

  /** All suppliers, in Russian alphabetical order of their names (the same on every database collation). */
  async list(): Promise<Supplier[]> {
    const suppliers = await this.em.find(Supplier, {});
    return suppliers.sort((a, b) => byName.compare(a.name, b.name) || a.code.localeCompare(b.code));
  }

  async findByCode(code: string): Promise<Supplier | null> {
    return this.em.findOne(Supplier, { code: code.trim().toLowerCase() });
  }
}
