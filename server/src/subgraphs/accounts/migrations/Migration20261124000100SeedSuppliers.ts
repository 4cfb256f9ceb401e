// Seeds the suppliers the abonent instruction lists. Idempotent: an existing code is left as it is.
import { Migration } from '@mikro-orm/migrations';

/** Only what the source documents state; unknown legal names and INNs stay null until billing provides them. */
export const SUPPLIER_CATALOG: ReadonlyArray<{
  code: string;
  name: string;
  region: string;
  legalName: string | null;
  inn: string | null;
}> = [
  { code: 'voronezh', name: 'Межрегионгаз Воронеж', region: 'Воронежская область', legalName: null, inn: null },
  { code: 'zhigulevsk', name: 'Межрегионгаз Жигулевск', region: 'Самарская область', legalName: null, inn: null },
  { code: 'ivanovo', name: 'Межрегионгаз Иваново', region: 'Ивановская область', legalName: null, inn: null },
  { code: 'izhevsk', name: 'Межрегионгаз Ижевск', region: 'Удмуртская Республика', legalName: null, inn: null },
  { code: 'yoshkar-ola', name: 'Межрегионгаз Йошкар-Ола', region: 'Республика Марий Эл', legalName: null, inn: null },
  { code: 'kaluga', name: 'Межрегионгаз Калуга', region: 'Калужская область', legalName: null, inn: null },
  { code: 'krasnodar', name: 'Межрегионгаз Краснодар', region: 'Краснодарский край', legalName: null, inn: null },
  {
    code: 'kemerovo',
    name: 'Межрегионгаз Кемерово',
    region: 'Кемеровская область — Кузбасс',
    legalName: null,
    inn: null,
  },
  { code: 'kirov', name: 'Межрегионгаз Киров', region: 'Кировская область', legalName: null, inn: null },
  { code: 'moskva', name: 'Межрегионгаз Москва', region: 'Москва', legalName: null, inn: null },
  {
    code: 'sankt-peterburg',
    name: 'Межрегионгаз Санкт-Петербург',
    region: 'Санкт-Петербург',
    legalName: 'ЗАО "Газпром межрегионгаз Санкт-Петербург"',
    inn: '7838016481',
  },
];

export class Migration20261124000100SeedSuppliers extends Migration {
  override async up(): Promise<void> {
    for (const s of SUPPLIER_CATALOG) {
      this.addSql(
        this.getKnex().raw(
          `insert into "accounts"."supplier" ("code", "name", "region", "legal_name", "inn") values (?, ?, ?, ?, ?)
           on conflict ("code") do nothing`,
          [s.code, s.name, s.region, s.legalName, s.inn],
        ),
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(
      this.getKnex().raw(`delete from "accounts"."supplier" where "code" = any(?)`, [
        SUPPLIER_CATALOG.map((s) => s.code),
      ]),
    );
  }
}
