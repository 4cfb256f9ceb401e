// Authorization coverage: every root field of every subgraph has an explicit rule, and anything else is denied.
import { execute, GraphQLObjectType, parse } from 'graphql';
import { rule, type IRules } from 'graphql-shield';
import { buildSchema as buildSdlSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../src/core/config.js';
import { allow, applyPermissions } from '../src/core/shield.js';
import { buildSubgraphSchemaOf } from '../src/core/subgraph.js';
import { SUBGRAPHS } from '../src/subgraphs/index.js';

function explicitRule(rules: IRules, type: string, field: string): unknown {
  const forType = (rules as Record<string, unknown>)[type];
  if (!forType || typeof forType !== 'object' || !(field in forType)) return undefined;
  return (forType as Record<string, unknown>)[field];
}

describe.each(SUBGRAPH_NAMES)('the %s subgraph', (name) => {
  it('has an explicit shield rule for every root field, _service and _entities included', async () => {
    const schema = await buildSubgraphSchemaOf(SUBGRAPHS[name]);
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (t): t is GraphQLObjectType => Boolean(t),
    );
    const missing: string[] = [];
    let checked = 0;
    for (const root of roots) {
      for (const field of Object.keys(root.getFields())) {
        checked++;
        if (!explicitRule(SUBGRAPHS[name].permissions, root.name, field)) missing.push(`${root.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    // The walk really sees the federation fields.
    expect(Object.keys(schema.getQueryType()!.getFields())).toContain('_service');
    if (schema.getType('_Entity')) expect(Object.keys(schema.getQueryType()!.getFields())).toContain('_entities');
  });

  it('serves _service to the gateway', async () => {
    const schema = applyPermissions(await buildSubgraphSchemaOf(SUBGRAPHS[name]), SUBGRAPHS[name].permissions);
    const result = await execute({ schema, document: parse('{ _service { sdl } }'), contextValue: {} });
    expect(result.errors).toBeUndefined();
    expect((result.data?._service as { sdl: string }).sdl).toContain('@link');
  });
});

describe('the fallback rule', () => {
  it('denies a field without a rule with FORBIDDEN, and a type without one', async () => {
    const schema = applyPermissions(
      buildSdlSchema('type Query { open: String, forgotten: String, thing: Thing } type Thing { secret: String }'),
      { Query: { open: allow, thing: allow } },
    );
    const rootValue = { open: 'yes', forgotten: 'leak', thing: { secret: 'leak' } };
    const result = await execute({
      schema,
      document: parse('{ open forgotten thing { secret } }'),
      rootValue,
      contextValue: {},
    });
    expect(result.data).toEqual({ open: 'yes', forgotten: null, thing: { secret: null } });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions.code])).toEqual([
      ['forgotten', 'FORBIDDEN'],
      ['thing.secret', 'FORBIDDEN'],
    ]);
  });
});

describe('fields whose rule is allow', () => {
  it('keep their own resolver (no rule check per row), while guarded and fallback fields still go through shield', async () => {
    const source = buildSdlSchema(
      'type Query { rows: [Row] } type Row { id: String, amount: Int, secret: String } type Other { x: String }',
    );
    const own = (row: { id: string }) => row.id.toUpperCase();
    (source.getType('Row') as GraphQLObjectType).getFields().id!.resolve = own;
    const owner = rule()((_parent, _args, ctx: { owner?: boolean }) => ctx.owner === true);
    const schema = applyPermissions(source, { Query: { rows: allow }, Row: { '*': allow, secret: owner } });
    const row = schema.getType('Row') as GraphQLObjectType;
    expect(row.getFields().id!.resolve).toBe(own);
    expect(row.getFields().amount!.resolve).toBeUndefined();
    expect(row.getFields().secret!.resolve).toBeDefined();
    expect((schema.getType('Other') as GraphQLObjectType).getFields().x!.resolve).toBeDefined();

    const rows = [{ id: 'a', amount: 1, secret: 's' }];
    const run = (owner: boolean) =>
      execute({
        schema,
        document: parse('{ rows { id amount secret } }'),
        rootValue: { rows },
        contextValue: { owner },
      });
    expect((await run(true)).data).toEqual({ rows: [{ id: 'A', amount: 1, secret: 's' }] });
    const denied = await run(false);
    expect(denied.data).toEqual({ rows: [{ id: 'A', amount: 1, secret: null }] });
    expect(denied.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
