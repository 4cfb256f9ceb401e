// Query limits on a small schema with paginated and list arguments: cost follows the variables.
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { checkQueryLimits, type QueryLimits } from './query-limits.js';

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
