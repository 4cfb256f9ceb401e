// The supplier catalog through the public API, the federation entity path, and the idempotent seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_RESPONSE_EFFECTS } from '../../../core/context.js';
import { startTestKabinet, type TestKabinet } from '../../../../test/support/kabinet.js';
import {
  Migration20261124000100SeedSuppliers,
  SUPPLIER_CATALOG,
} from '../migrations/Migration20261124000100SeedSuppliers.js';

let app: TestKabinet;
beforeAll(async () => {
  app = await startTestKabinet();
});
afterAll(() => app?.close());

interface SupplierRow {
  id: string;
  code: string;
  name: string;
  region: string;
  legalName: string | null;
  inn: string | null;
}

describe('suppliers', () => {
  it('lists the eleven suppliers of the instruction, in Russian alphabetical order', async () => {
    const { status, body } = await app.graphql<{ suppliers: SupplierRow[] }>(
      '{ suppliers { id code name region legalName inn } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const names = body.data!.suppliers.map((s) => s.name);
    expect(names).toEqual([
      'Межрегионгаз Воронеж',
      'Межрегионгаз Жигулевск',
      'Межрегионгаз Иваново',
      'Межрегионгаз Ижевск',
      'Межрегионгаз Йошкар-Ола',
      'Межрегионгаз Калуга',
      'Межрегионгаз Кемерово',
      'Межрегионгаз Киров',
      'Межрегионгаз Краснодар',
      'Межрегионгаз Москва',
      'Межрегионгаз Санкт-Петербург',
    ]);
    const spb = body.data!.suppliers.find((s) => s.code === 'sankt-peterburg');
    expect(spb).toMatchObject({
      legalName: 'ЗАО "Газпром межрегионгаз Санкт-Петербург"',
      inn: '7838016481',
      region: 'Санкт-Петербург',
    });
    // Nothing is invented: suppliers whose legal details the documents do not give have none.
    expect(body.data!.suppliers.find((s) => s.code === 'voronezh')).toMatchObject({ legalName: null, inn: null });
  });

  it('finds one supplier by code, whatever the case and surrounding spaces, and null for an unknown code', async () => {
    const found = await app.graphql<{ supplier: SupplierRow | null }>(
      'query ($code: String!) { supplier(code: $code) { code name } }',
      { code: '  Sankt-Peterburg ' },
    );
    expect(found.body.data!.supplier).toEqual({ code: 'sankt-peterburg', name: 'Межрегионгаз Санкт-Петербург' });
    const missing = await app.graphql<{ supplier: SupplierRow | null }>('{ supplier(code: "atlantis") { code } }');
    expect(missing.body).toEqual({ data: { supplier: null } });
  });

  it('resolves Supplier entity references for other subgraphs in one batched SQL statement', async () => {
    const list = await app.graphql<{ suppliers: SupplierRow[] }>('{ suppliers { id code } }');
    const ids = list.body.data!.suppliers.map((s) => s.id);
    const accounts = app.kabinet.subgraphs.accounts;
    const context = accounts.createContext({
      requestId: 't',
      caller: { kind: 'anonymous' },
      clientIp: '127.0.0.1',
      log: silentLog(),
      response: NO_RESPONSE_EFFECTS,
    });
    const statements: string[] = [];
    const connection = context.em.getConnection();
    const original = connection.execute.bind(connection);
    connection.execute = ((...args: Parameters<typeof original>) => {
      statements.push(typeof args[0] === 'string' ? args[0] : args[0].toQuery());
      return original(...args);
    }) as typeof connection.execute;
    const { execute, parse } = await import('graphql');
    const result = await execute({
      schema: accounts.schema,
      document: parse('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { code } } }'),
      variableValues: {
        r: [...ids, '00000000-0000-0000-0000-000000000000', 'not-a-uuid'].map((id) => ({ __typename: 'Supplier', id })),
      },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as Array<{ code: string } | null>;
    expect(entities).toHaveLength(13);
    expect(entities.slice(0, 11).map((e) => e?.code)).toEqual(list.body.data!.suppliers.map((s) => s.code));
    expect(entities.slice(11)).toEqual([null, null]);
    expect(statements.filter((s) => /from "accounts"\."supplier"/.test(s))).toHaveLength(1);
  });

  it('seeds idempotently: running the seed again adds and changes nothing', async () => {
    const orm = app.kabinet.subgraphs.accounts.orm;
    const em = orm.em.fork();
    const before = await em
      .getConnection()
      .execute('select code, name, updated_at from "accounts"."supplier" order by code');
    const migration = new Migration20261124000100SeedSuppliers(em.getDriver(), orm.config);
    await migration.up();
    for (const query of migration.getQueries())
      await em.getConnection().execute(typeof query === 'string' ? query : query.toQuery());
    const after = await em
      .getConnection()
      .execute('select code, name, updated_at from "accounts"."supplier" order by code');
    expect(after).toEqual(before);
    expect(after).toHaveLength(SUPPLIER_CATALOG.length);
    expect(await app.kabinet.subgraphs.accounts.pendingMigrations()).toEqual([]);
  });
});

function silentLog() {
  // A pino logger at level silent satisfies the Logger type without printing.
  return app.kabinet.http.log.child({}, { level: 'silent' });
}
