// Entity references straight at each subgraph, as anyone holding a signed caller envelope could send them: every
// entity type a subgraph resolves (its `_Entity` union, present and future) gives nothing to a stranger, another
// abonent or another supplier's partner, and the data to whom it belongs; and the dashboard through the gateway
// still works while metering's and payments' copies of a new link are on their way.
import { execute, isUnionType, parse, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, PARTNER_SCOPES, type Caller, type PartnerScope } from '../src/core/caller.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/core/config.js';
import { NO_RESPONSE_EFFECTS } from '../src/core/context.js';
import { runSql } from '../src/core/sql.js';
import { confirmedAbonent, createPartner, type Partner } from './support/abonents.js';
import { payer } from './support/payments.js';
import { useTestKabinet } from './support/use-kabinet.js';

const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' });

/** The owner's data, as the cases below refer to it. */
interface Owned {
  abonentId: string;
  accountId: string;
  meterId: string;
  supplierId: string;
}

interface EntityCase {
  representation(owned: Owned): Record<string, unknown>;
  /** What is asked of the entity (inside `... on <Type>`). */
  selection: string;
  /** Who the data belongs to: the abonent, and the partner of the account's supplier (with every scope). */
  owners: ReadonlyArray<'abonent' | 'partner'>;
  /** Holds when the answer really is the owner's data (so the test fails if the owner got nothing). */
  isData(entity: any, owned: Owned): boolean;
  /** Login-level data (like `me`): the owner reads it before confirming the e-mail too. */
  unconfirmedOwnerSees?: true;
  /** The scope a partner's key needs for this data. */
  scope?: PartnerScope;
  /** Public data (the supplier catalog): everyone gets what `supplier(code)` gives a stranger. */
  public?: true;
  /** A key-only stub of another subgraph's entity (`resolvable: false`): the key it was sent, nothing else. */
  stub?: true;
}

/** One case per `<subgraph>.<entity type>`; a type without a case fails the test below. */
const CASES: Record<string, EntityCase> = {
  'identity.Abonent': {
    representation: (o) => ({ __typename: 'Abonent', id: o.abonentId }),
    selection: 'id email readingReminders',
    owners: ['abonent'],
    unconfirmedOwnerSees: true,
    isData: (e, o) => e?.id === o.abonentId && /@example\.ru$/.test(e.email),
  },
  'accounts.Abonent': {
    representation: (o) => ({ __typename: 'Abonent', id: o.abonentId }),
    selection: 'accounts { id number }',
    owners: ['abonent'],
    isData: (e, o) => e?.accounts?.some((a: { id: string }) => a.id === o.accountId),
  },
  'accounts.PersonalAccount': {
    representation: (o) => ({ __typename: 'PersonalAccount', id: o.accountId }),
    selection: 'id number balance { kopecks } charges { month amount }',
    owners: ['abonent', 'partner'],
    scope: 'accounts:read',
    isData: (e, o) => e?.id === o.accountId && e.number === '702062012' && e.charges.length > 0,
  },
  'accounts.Supplier': {
    representation: (o) => ({ __typename: 'Supplier', id: o.supplierId }),
    selection: 'id code name inn',
    owners: ['abonent', 'partner'],
    isData: (e) => e?.code === 'sankt-peterburg',
    public: true,
  },
  'identity.Supplier': {
    representation: (o) => ({ __typename: 'Supplier', id: o.supplierId }),
    selection: 'id',
    owners: [],
    isData: () => false,
    stub: true,
  },
  'metering.PersonalAccount': {
    representation: (o) => ({ __typename: 'PersonalAccount', id: o.accountId }),
    selection:
      'id meters { id serialNumber readings(last: 3) { value } } monthlyConsumption(months: 12) { month volume }',
    owners: ['abonent', 'partner'],
    scope: 'readings:read',
    isData: (e, o) =>
      e?.meters?.some((m: { id: string; readings: unknown[] }) => m.id === o.meterId && m.readings.length > 0) &&
      e.monthlyConsumption.length > 0,
  },
  'metering.Meter': {
    representation: (o) => ({ __typename: 'Meter', id: o.meterId }),
    selection: 'id serialNumber lastReading { value } readings(last: 3) { value }',
    owners: ['abonent', 'partner'],
    scope: 'readings:read',
    isData: (e, o) => e?.id === o.meterId && e.serialNumber === 'G4-0418237' && e.readings.length > 0,
  },
  'payments.PersonalAccount': {
    representation: (o) => ({ __typename: 'PersonalAccount', id: o.accountId }),
    selection: 'id payments(last: 5) { id amount } amountDue { debt due } onlinePayment { available code }',
    owners: ['abonent', 'partner'],
    scope: 'payments:read',
    isData: (e) => e?.payments?.length > 0 && e.amountDue.debt === 123456,
  },
};

function entityTypes(name: SubgraphName): string[] {
  const union = app.kabinet.subgraphs[name].schema.getType('_Entity');
  return union && isUnionType(union) ? union.getTypes().map((t) => t.name) : [];
}

const ALL_ENTITY_TYPES = () => SUBGRAPH_NAMES.flatMap((name) => entityTypes(name).map((type) => `${name}.${type}`));

/** `_entities` on one subgraph's schema, in-process, with the caller as a verified envelope would carry it. */
async function entities(
  name: SubgraphName,
  caller: Caller,
  representations: Record<string, unknown>[],
  selection: string,
) {
  const runtime = app.kabinet.subgraphs[name];
  const type = String(representations[0]!.__typename);
  const result = await execute({
    schema: runtime.schema,
    document: parse(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`),
    variableValues: { r: representations },
    contextValue: runtime.createContext({
      requestId: `entities-${name}`,
      caller,
      clientIp: '127.0.0.1',
      log: app.kabinet.http.log.child({}, { level: 'silent' }),
      response: NO_RESPONSE_EFFECTS,
    }),
  });
  return { entities: (result.data?._entities ?? null) as unknown[] | null, errors: result.errors ?? [] };
}

const abonentCaller = (abonentId: string): Caller => ({ kind: 'abonent', abonentId, emailConfirmed: true });
const partnerCaller = (partner: Partner, scopes: readonly string[] = PARTNER_SCOPES): Caller => ({
  kind: 'partner',
  partnerAppId: partner.appId,
  supplierId: partner.supplierId,
  scopes,
});

let owned: Owned;
let callers: {
  owner: Caller;
  ownPartner: Caller;
  stranger: Caller;
  otherAbonent: Caller;
  unconfirmedOwner: Caller;
  otherPartner: Caller;
  /** The supplier's own app, whose key has every scope but `scope`. */
  ownPartnerWithout(scope: PartnerScope): Caller;
};

beforeAll(async () => {
  // Linked to the demo account 702062012 (a meter with a year of readings, a debt), known to metering and payments.
  const owner = await payer(app, mail);
  const started = (await owner.start({})).body.data.startPayment;
  expect(started.errors).toEqual([]);
  const meters = await runSql<Array<{ id: string; supplier_id: string }>>(
    app.kabinet.subgraphs.metering.orm.em.fork(),
    `select "id", "supplier_id" from "metering"."meter" where "account_id" = ? and "serial_number" = 'G4-0418237'`,
    [owner.accountId],
  );
  owned = {
    abonentId: owner.id,
    accountId: owner.accountId,
    meterId: meters[0]!.id,
    supplierId: meters[0]!.supplier_id,
  };
  // Another abonent with an account of their own (Kaluga asks no proof).
  const other = await confirmedAbonent(app, mail);
  const linked = await other.client.graphql(
    `mutation { linkPersonalAccount(input: { supplierCode: "kaluga", number: "4000111222" }) { ok } }`,
  );
  expect(linked.body.data.linkPersonalAccount.ok).toBe(true);
  const ownPartner = await createPartner(app, 'sankt-peterburg', [...PARTNER_SCOPES]);
  const otherPartner = await createPartner(app, 'kaluga', [...PARTNER_SCOPES]);
  expect(ownPartner.supplierId).toBe(owned.supplierId);
  callers = {
    owner: abonentCaller(owner.id),
    ownPartner: partnerCaller(ownPartner),
    stranger: ANONYMOUS,
    otherAbonent: abonentCaller(other.id),
    unconfirmedOwner: { kind: 'abonent', abonentId: owner.id, emailConfirmed: false },
    otherPartner: partnerCaller(otherPartner),
    ownPartnerWithout: (scope) =>
      partnerCaller(
        ownPartner,
        PARTNER_SCOPES.filter((s) => s !== scope),
      ),
  };
});

describe('entity references straight at a subgraph', () => {
  it('have a case for every entity type of every subgraph', () => {
    const types = ALL_ENTITY_TYPES();
    // What the subgraphs resolve today; a new one needs a case in CASES.
    expect(types).toEqual(expect.arrayContaining(['metering.Meter', 'payments.PersonalAccount', 'identity.Abonent']));
    expect(types.filter((key) => !CASES[key])).toEqual([]);
  });

  describe.each(Object.keys(CASES))('%s', (key) => {
    const [name, typeName] = key.split('.') as [SubgraphName, string];
    const entityCase = CASES[key]!;

    it('is still a type the subgraph resolves', () => {
      expect(entityTypes(name)).toContain(typeName);
    });

    it('gives its data to whom it belongs', async () => {
      if (entityCase.stub) {
        // Nobody owns a stub here; the supplier's abonent gets the key back like everyone (see below).
        const { entities: answer } = await entities(name, callers.owner, [entityCase.representation(owned)], 'id');
        expect(answer).toEqual([{ id: owned.supplierId }]);
      }
      const owners = [...entityCase.owners, ...(entityCase.unconfirmedOwnerSees ? ['unconfirmed abonent'] : [])];
      for (const who of owners) {
        const caller =
          who === 'abonent' ? callers.owner : who === 'partner' ? callers.ownPartner : callers.unconfirmedOwner;
        const { entities: answer, errors } = await entities(
          name,
          caller,
          [entityCase.representation(owned)],
          entityCase.selection,
        );
        expect(errors, `${key} as the ${who}`).toEqual([]);
        expect(entityCase.isData(answer?.[0], owned), `${key} as the ${who}: ${JSON.stringify(answer)}`).toBe(true);
      }
    });

    it('gives nothing to a stranger, another abonent, another supplier’s partner or a key without the scope', async () => {
      const others: Record<string, Caller> = {
        stranger: callers.stranger,
        'another abonent': callers.otherAbonent,
        'another supplier’s partner': callers.otherPartner,
      };
      if (!entityCase.owners.includes('partner')) others['the supplier’s own partner'] = callers.ownPartner;
      for (const [who, caller] of Object.entries(others)) {
        const { entities: answer, errors } = await entities(
          name,
          caller,
          [entityCase.representation(owned)],
          entityCase.selection,
        );
        if (entityCase.stub) {
          expect(errors, `${key} as ${who}`).toEqual([]);
          expect(answer, `${key} as ${who}`).toEqual([entityCase.representation(owned)].map(({ id }) => ({ id })));
          const type = app.kabinet.subgraphs[name].schema.getType(typeName);
          expect(Object.keys((type as GraphQLObjectType).getFields()), key).toEqual(['id']);
        } else if (entityCase.public) {
          // The catalog is public: the entity says exactly what `supplier(code)` tells anyone.
          expect(errors, `${key} as ${who}`).toEqual([]);
          const { body } = await app.graphql<{ supplier: unknown }>(
            `{ supplier(code: "sankt-peterburg") { ${entityCase.selection} } }`,
          );
          expect(answer, `${key} as ${who}`).toEqual([body.data?.supplier]);
        } else {
          expect(errors, `${key} as ${who}`).toEqual([]);
          expect(answer, `${key} as ${who}`).toEqual([null]);
        }
      }
      if (!entityCase.public && !entityCase.stub && !entityCase.unconfirmedOwnerSees) {
        // The owner before confirming the e-mail: null, or at most the id with every data field refused.
        const { entities: answer } = await entities(
          name,
          callers.unconfirmedOwner,
          [entityCase.representation(owned)],
          entityCase.selection,
        );
        expect(answer, key).toHaveLength(1);
        expect(nothingIn(answer![0]), `${key} before confirmation: ${JSON.stringify(answer)}`).toBe(true);
      }
      if (entityCase.scope) {
        // The supplier's own app without the scope: null, or at most the id with every data field refused.
        const { entities: answer } = await entities(
          name,
          callers.ownPartnerWithout(entityCase.scope),
          [entityCase.representation(owned)],
          entityCase.selection,
        );
        expect(answer, key).toHaveLength(1);
        expect(nothingIn(answer![0]), `${key} without ${entityCase.scope}: ${JSON.stringify(answer)}`).toBe(true);
      }
    });
  });

  it('batch: one request with the owner’s and someone else’s references resolves only the owner’s', async () => {
    const { entities: answer, errors } = await entities(
      'metering',
      callers.otherAbonent,
      [
        { __typename: 'PersonalAccount', id: owned.accountId },
        { __typename: 'PersonalAccount', id: 'not-a-uuid' },
        { __typename: 'PersonalAccount', id: '00000000-0000-0000-0000-000000000000' },
      ],
      'id meters { id }',
    );
    expect(errors).toEqual([]);
    expect(answer).toEqual([null, null, null]);
  });
});

/** Null, or an object whose only non-null value is its id. */
function nothingIn(entity: unknown): boolean {
  if (entity === null) return true;
  return Object.entries(entity as Record<string, unknown>).every(([field, value]) => field === 'id' || value === null);
}

describe('a link metering and payments have not heard of yet', () => {
  it('is decided by the accounts subgraph: the owner gets the data, the dashboard loads, others still get nothing', async () => {
    // Voronezh takes online payments, so the only reason payment is not available yet is the missing copy.
    const abonent = await payer(app, mail, '3600123456', 'voronezh', '2468');
    // As if the link event had not arrived yet: their copies do not know the link.
    for (const name of ['metering', 'payments'] as const) {
      await runSql(
        app.kabinet.subgraphs[name].orm.em.fork(),
        `delete from "${name}"."account_access" where "abonent_id" = ?`,
        [abonent.id],
      );
    }
    const representation = [{ __typename: 'PersonalAccount', id: abonent.accountId }];
    const meters = await entities('metering', abonentCaller(abonent.id), representation, 'meters { serialNumber }');
    expect(meters.entities).toEqual([{ meters: [{ serialNumber: expect.any(String) }] }]);
    const meter = (meters.entities as Array<{ meters: Array<{ serialNumber: string }> }>)[0]!.meters[0]!;
    const pay = await entities('payments', abonentCaller(abonent.id), representation, 'onlinePayment { code }');
    expect(pay.entities).toEqual([{ onlinePayment: { code: 'NOT_READY' } }]);
    expect((await entities('metering', callers.otherAbonent, representation, 'id')).entities).toEqual([null]);

    const dashboard = await abonent.client.graphql(`{ me { accounts { number
      meters { serialNumber } amountDue { due } onlinePayment { available code } } } }`);
    expect(dashboard.body.errors).toBeUndefined();
    expect(dashboard.body.data.me.accounts).toEqual([
      {
        number: '3600123456',
        meters: [{ serialNumber: meter.serialNumber }],
        amountDue: expect.objectContaining({ due: expect.any(Number) }),
        onlinePayment: { available: false, code: 'NOT_READY' },
      },
    ]);
  });
});
