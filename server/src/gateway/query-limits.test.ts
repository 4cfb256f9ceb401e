// Query limits on a small schema with paginated and list arguments: cost follows the variables.
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { checkQueryLimits, COSTLY_FIELDS, type QueryLimits } from './query-limits.js';

const schema = buildSchema(`
  type Query {
    items(first: Int!): [Item!]!
    byIds(ids: [ID!]!): [Item!]!
    search(filter: Filter!): [Item!]!
  }
  input Filter { codes: [String!]! }
  type Item { id: ID! name: String! children(first: Int!): [Item!]! }
`);

const limits: QueryLimits = { depth: 5, aliases: 3, cost: 1000, partnerCost: 10_000, listArgument: 100, costly: 3000 };

function check(query: string, variables: Record<string, unknown> = {}): string | null {
  try {
    checkQueryLimits(schema, parse(query), variables, undefined, limits);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).extensions.code as string;
  }
}

describe('checkQueryLimits', () => {
  const nested = 'query ($n: Int!, $m: Int!) { items(first: $n) { id children(first: $m) { id name } } }';

  it('computes cost with the variables: the same document passes or fails by page sizes', () => {
    expect(check(nested, { n: 10, m: 10 })).toBeNull();
    expect(check(nested, { n: 100, m: 100 })).toBe('COST_LIMIT_EXCEEDED');
  });

  it('caps list arguments, literal or in variables, and nested in input objects', () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(i));
    expect(check('query ($ids: [ID!]!) { byIds(ids: $ids) { id } }', { ids: ids.slice(0, 100) })).toBeNull();
    expect(check('query ($ids: [ID!]!) { byIds(ids: $ids) { id } }', { ids })).toBe('LIST_ARGUMENT_TOO_LONG');
    expect(check(`{ byIds(ids: [${ids.map((i) => `"${i}"`).join(',')}]) { id } }`)).toBe('LIST_ARGUMENT_TOO_LONG');
    expect(check('query ($f: Filter!) { search(filter: $f) { id } }', { f: { codes: ids } })).toBe(
      'LIST_ARGUMENT_TOO_LONG',
    );
  });

  it('caps page sizes at the same bound', () => {
    expect(check('{ items(first: 100) { id } }')).toBeNull();
    expect(check('{ items(first: 101) { id } }')).toBe('LIST_ARGUMENT_TOO_LONG');
  });

  it('counts depth through fragments', () => {
    const deep = `
      fragment F on Item { children(first: 1) { children(first: 1) { id } } }
      { items(first: 1) { children(first: 1) { ...F } } }`;
    expect(check(deep)).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(check('{ items(first: 1) { children(first: 1) { children(first: 1) { id } } } }')).toBeNull();
  });

  it('counts aliases', () => {
    expect(check('{ a: items(first: 1) { id } b: items(first: 1) { id } c: items(first: 1) { id } }')).toBeNull();
    expect(
      check(
        '{ a: items(first: 1) { id } b: items(first: 1) { id } c: items(first: 1) { id } d: items(first: 1) { x: id } }',
      ),
    ).toBe('ALIAS_LIMIT_EXCEEDED');
  });
});

describe('costly fields', () => {
  const accounts = buildSchema(`
    type Query { account: PersonalAccount accounts(first: Int!): [PersonalAccount!]! }
    type PersonalAccount { number: String! paymentNotice: Notice }
    type Notice { period: String! }
  `);
  // A partner's cost limit: high enough for pages of rows, and it still does not raise the costly part.
  const partner: QueryLimits = { ...limits, aliases: 30, cost: 200_000 };
  const refusal = (query: string, applied: QueryLimits) => {
    try {
      checkQueryLimits(accounts, parse(query), {}, undefined, applied);
      return null;
    } catch (error) {
      return (error as AppError).extensions;
    }
  };
  const aliases = (n: number) =>
    `{ account { ${Array.from({ length: n }, (_, i) => `n${i}: paymentNotice { period }`).join(' ')} } }`;

  it(`weigh ${COSTLY_FIELDS['PersonalAccount.paymentNotice']} in the operation's cost`, () => {
    // account 1 + paymentNotice 1000 + period 1.
    expect(refusal(aliases(1), { ...partner, cost: 1002 })).toBeNull();
    expect(refusal(aliases(1), { ...partner, cost: 1001 })).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      limit: 1001,
      actual: 1002,
    });
  });

  it('may cost at most `costly` an operation, multiplied by pages, whatever the caller’s cost limit', () => {
    expect(refusal(aliases(3), partner)).toBeNull();
    expect(refusal(aliases(4), partner)).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 3000, actual: 4000 });
    expect(refusal('{ accounts(first: 3) { number paymentNotice { period } } }', partner)).toBeNull();
    expect(refusal('{ accounts(first: 4) { number paymentNotice { period } } }', partner)).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      actual: 4000,
    });
  });
});
