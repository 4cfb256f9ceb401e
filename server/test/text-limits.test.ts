// Every String and ID argument and input field has a maximum length and a line rule, refused with 400 at the gateway
// and by each subgraph on its own before a resolver (or MikroORM, or SQL) sees the value: swept over the schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  execute,
  getNullableType,
  isInputObjectType,
  isListType,
  parse,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, CALLER_EXTENSION, PARTNER_SCOPES, signCaller, type Caller } from '../src/core/caller.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../src/core/config.js';
import { NO_RESPONSE_EFFECTS } from '../src/core/context.js';
import { DEFAULT_MAX_LENGTH, textLimitOf, type TextLimit } from '../src/core/text-limits.js';
import { createSubgraphServer } from '../src/subgraph-server.js';
import { confirmedAbonent, createPartner, type Partner } from './support/abonents.js';
import type { Browser, GraphQLResult } from './support/kabinet.js';
import { expectRefused, positions, withLiterals, withVariables, type Position } from './support/schema-sweep.js';
import { useTestKabinet } from './support/use-kabinet.js';

const { app, mail } = useTestKabinet({});

/** The supergraph keeps the `@textLimit` declarations the subgraphs composed into it (the API schema does not). */
const supergraph = buildSchema(
  readFileSync(path.resolve(import.meta.dirname, '../../schema/supergraph.graphql'), 'utf8'),
  { assumeValidSDL: true },
);

/** The declaration of the place a position names, read from `schema` (the supergraph or a subgraph's). */
function limitAt(schema: GraphQLSchema, position: Position): TextLimit {
  const root = position.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = root!.getFields()[position.field.name]!;
  let place: GraphQLArgument | GraphQLInputField = field.args.find((a) => a.name === position.argument.name)!;
  for (const step of position.path) {
    if (typeof step === 'number') continue;
    let type = getNullableType(place.type);
    while (isListType(type)) type = getNullableType(type.ofType);
    if (!isInputObjectType(type)) throw new Error(`no input object at ${position.fieldPath}`);
    place = type.getFields()[step]!;
  }
  return textLimitOf(place);
}

const texts = positions(['String', 'ID']);
const over = (limit: TextLimit) => 'x'.repeat(limit.maxLength + 1);
const what = (position: Position) => `${position.field.name} ${position.fieldPath}`;

/** Whether the gateway refused the request for the text at this place (rather than a resolver deciding on it). */
const refusedAt = (result: GraphQLResult, field: string) =>
  result.status === 400 && result.body.errors?.some((e) => e.extensions?.field === field) === true;

let abonent: Browser;
let partner: Partner;

beforeAll(async () => {
  abonent = (await confirmedAbonent(app, mail)).client;
  partner = await createPartner(app, 'sankt-peterburg', [...PARTNER_SCOPES]);
});

describe('the declared limits', () => {
  it('are in the supergraph for the long fields; everything else keeps the default single-line limit', () => {
    expect(texts.length).toBeGreaterThan(50);
    const declared = Object.fromEntries(
      texts
        .map((p) => [`${p.field.name}(${p.fieldPath})`, limitAt(supergraph, p)] as const)
        .filter(([, limit]) => limit.maxLength !== DEFAULT_MAX_LENGTH || limit.multiline),
    );
    expect(declared).toEqual({
      'createSupportRequest($input.message)': { maxLength: 10_000, multiline: true },
      'addSupportMessage($input.text)': { maxLength: 10_000, multiline: true },
      'answerSupportRequest($input.text)': { maxLength: 10_000, multiline: true },
      'createSupportRequest($input.captcha)': { maxLength: 4096, multiline: false },
      'register($input.captcha)': { maxLength: 4096, multiline: false },
      'login($input.captcha)': { maxLength: 4096, multiline: false },
      'startPayment($input.returnUrl)': { maxLength: 2048, multiline: false },
    });
  });
});

describe('through the gateway', () => {
  it('one character over the limit is BAD_USER_INPUT naming the field and the limit, for an abonent and a partner', async () => {
    for (const position of texts) {
      const limit = limitAt(supergraph, position);
      const { query, variables } = withVariables(position, over(limit));
      for (const [who, result] of [
        ['abonent', await abonent.graphql(query, variables)],
        ['partner', await partner.graphql(query, variables)],
        ['stranger', await app.graphql(query, variables)],
      ] as const) {
        const at = `${what(position)} as ${who}`;
        expectRefused(result, 'BAD_USER_INPUT', at);
        expect(result.body.errors?.[0]?.extensions, at).toMatchObject({
          field: position.fieldPath,
          limit: limit.maxLength,
        });
        expect(result.body.errors?.[0]?.message, at).toContain(`«${position.fieldPath.slice(1)}»`);
        expect(result.body.errors?.[0]?.message, at).toContain(`${limit.maxLength} символов`);
        // The value is never echoed back.
        expect(JSON.stringify(result.body), at).not.toContain('x'.repeat(20));
      }
    }
  });

  it('one character over the limit written in the document is refused, named by the argument path', async () => {
    for (const position of texts) {
      const result = await abonent.graphql(withLiterals(position, over(limitAt(supergraph, position))));
      expectRefused(result, 'BAD_USER_INPUT', what(position));
      expect(result.body.errors?.[0]?.extensions?.field, what(position)).toBe(position.fieldPath.slice(1));
    }
  });

  it('a value exactly at the limit passes the check and reaches the field (which may refuse it, never with a 5xx)', async () => {
    for (const position of texts) {
      const limit = limitAt(supergraph, position);
      const { query, variables } = withVariables(position, 'x'.repeat(limit.maxLength));
      for (const [who, result] of [
        ['abonent', await abonent.graphql(query, variables)],
        ['partner', await partner.graphql(query, variables)],
      ] as const) {
        const at = `${what(position)} as ${who}`;
        expect(refusedAt(result, position.fieldPath), `${at}: ${JSON.stringify(result.body)}`).toBe(false);
        expect(result.status, at).toBeLessThan(500);
        expect(JSON.stringify(result.body), at).not.toContain('INTERNAL_SERVER_ERROR');
      }
    }
  });

  it('a line feed, carriage return or tab is refused in single-line fields and kept in multi-line text', async () => {
    for (const position of texts) {
      const limit = limitAt(supergraph, position);
      for (const control of ['a\nb', 'a\rb', 'a\tb']) {
        const { query, variables } = withVariables(position, control);
        const result = await abonent.graphql(query, variables);
        const at = `${what(position)} = ${JSON.stringify(control)}`;
        if (limit.multiline) {
          expect(refusedAt(result, position.fieldPath), at).toBe(false);
        } else {
          expectRefused(result, 'BAD_USER_INPUT', at);
          expect(result.body.errors?.[0]?.extensions?.field, at).toBe(position.fieldPath);
          expect(result.body.errors?.[0]?.message, at).toMatch(/одной строкой/);
        }
      }
    }
  });

  it('a support question keeps its line breaks; past 5000 characters its own rule answers, past 10 000 the check', async () => {
    const mutation = `mutation ($input: CreateSupportRequestInput!) {
      createSupportRequest(input: $input) { ok errors { field code } } }`;
    const input = { topic: 'Вопрос', contactEmail: 'a@example.ru', message: 'Строка 1\nСтрока 2\r\n\tи ещё' };
    const multiLine = await abonent.graphql(mutation, { input });
    expect(multiLine.status).toBe(200);
    expect(multiLine.body.data).toMatchObject({ createSupportRequest: { ok: true } });
    const long = await abonent.graphql(mutation, { input: { ...input, message: 'я'.repeat(10_000) } });
    expect(long.body.data).toEqual({
      createSupportRequest: { ok: false, errors: [{ field: 'message', code: 'MESSAGE_TOO_LONG' }] },
    });
    const tooLong = await abonent.graphql(mutation, { input: { ...input, message: 'я'.repeat(10_001) } });
    expectRefused(tooLong, 'BAD_USER_INPUT', 'past 10 000');
    expect(tooLong.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: '$input.message',
      limit: 10_000,
    });
  });

  it('a 900 KB supplier code is refused before any subgraph, as a variable and as a literal', async () => {
    const code = 'a'.repeat(900_000);
    const variable = await app.graphql('query ($code: String!) { supplier(code: $code) { name } }', { code });
    expectRefused(variable, 'BAD_USER_INPUT', 'variable');
    expect(variable.body.errors?.[0]?.extensions).toMatchObject({ field: '$code', limit: DEFAULT_MAX_LENGTH });
    const literal = await app.graphql(`{ supplier(code: "${code}") { name } }`);
    expectRefused(literal, 'BAD_USER_INPUT', 'literal');
    expect(literal.body.errors?.[0]?.extensions?.field).toBe('code');
  });

  it('characters are counted as people count them: 256 Cyrillic letters or emoji pass, 257 do not', async () => {
    const query = 'query ($code: String!) { supplier(code: $code) { name } }';
    for (const letter of ['ж', '😀']) {
      const atLimit = await app.graphql(query, { code: letter.repeat(DEFAULT_MAX_LENGTH) });
      expect(atLimit.body, letter).toEqual({ data: { supplier: null } });
      expectRefused(
        await app.graphql(query, { code: letter.repeat(DEFAULT_MAX_LENGTH + 1) }),
        'BAD_USER_INPUT',
        letter,
      );
    }
  });

  it('a request body over 1 MiB is refused with 413 and a code', async () => {
    const response = await app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ suppliers { code } }', variables: { pad: 'x'.repeat(1024 * 1024) } }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      errors: [
        {
          message: 'Запрос слишком большой: допускается не более 1 МиБ.',
          extensions: { code: 'BAD_REQUEST', limit: 1024 * 1024 },
        },
      ],
    });
  });
});

/** Counts any use of what a resolver would reach the database with. */
function tripwire(touched: string[], name: string): any {
  return new Proxy(
    {},
    {
      get(_target, property) {
        touched.push(`${name}.${String(property)}`);
        return tripwire(touched, name);
      },
      apply() {
        return tripwire(touched, name);
      },
    },
  );
}

/** A subgraph's own schema run in-process, as its service runs it for a caller whose envelope verified. */
async function atSubgraph(
  name: SubgraphName,
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
  touched: string[] = [],
) {
  const runtime = app.kabinet.subgraphs[name];
  const context = runtime.createContext({
    requestId: `text-limits-${name}`,
    caller,
    clientIp: '127.0.0.1',
    log: app.kabinet.http.log.child({}, { level: 'silent' }),
    response: NO_RESPONSE_EFFECTS,
  });
  return execute({
    schema: runtime.schema,
    document: parse(query),
    variableValues: variables,
    contextValue: { ...context, em: tripwire(touched, 'em'), loaders: tripwire(touched, 'loaders') },
  });
}

describe('straight at each subgraph', () => {
  const callers = (): Record<string, Caller> => ({
    abonent: { kind: 'abonent', abonentId: '00000000-0000-4000-8000-000000000001', emailConfirmed: true },
    partner: { kind: 'partner', partnerAppId: partner.appId, supplierId: partner.supplierId, scopes: PARTNER_SCOPES },
  });

  describe.each(SUBGRAPH_NAMES)('%s', (name) => {
    const schemaOf = () => app.kabinet.subgraphs[name].schema;

    it('refuses text over its limit or with a line break where one line is due, before touching the database', async () => {
      const places = positions(['String', 'ID'], schemaOf());
      expect(places.length, name).toBeGreaterThan(0);
      for (const position of places) {
        const limit = limitAt(schemaOf(), position);
        const bad = [over(limit), ...(limit.multiline ? [] : ['a\nb'])];
        for (const value of bad) {
          for (const [who, caller] of Object.entries(callers())) {
            const touched: string[] = [];
            const { query, variables } = withVariables(position, value);
            const result = await atSubgraph(name, caller, query, variables, touched);
            const at = `${name} ${what(position)} (${value.length} characters) as ${who}`;
            expect(result.errors?.[0]?.extensions, at).toMatchObject({
              code: 'BAD_USER_INPUT',
              field: position.fieldPath.slice(1),
              http: { status: 400 },
            });
            expect(result.errors?.[0]?.message, at).toMatch(/[а-яё]/i);
            expect(touched, at).toEqual([]);
          }
        }
      }
    });

    it('keeps the same declarations as the supergraph', () => {
      for (const position of positions(['String', 'ID'], schemaOf())) {
        const inSupergraph = texts.find(
          (p) => p.field.name === position.field.name && p.fieldPath === position.fieldPath,
        );
        if (inSupergraph)
          expect(limitAt(schemaOf(), position), what(position)).toEqual(limitAt(supergraph, inSupergraph));
      }
    });

    it('refuses an entity representation with an oversized key', async () => {
      const touched: string[] = [];
      const result = await atSubgraph(
        name,
        ANONYMOUS,
        'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        { r: [{ __typename: 'Supplier', id: 'x'.repeat(900_000) }] },
        touched,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations[0].id' });
      expect(touched).toEqual([]);
    });
  });

  it('a subgraph service answers 400 BAD_USER_INPUT over HTTP to a signed request with a 900 KB code, 413 past 1 MiB', async () => {
    const server = await createSubgraphServer('accounts', {
      config: app.config,
      log: app.kabinet.http.log.child({}, { level: 'silent' }),
      database: app.database,
    });
    try {
      const response = await server.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          query: 'query ($code: String!) { supplier(code: $code) { name } }',
          variables: { code: 'a'.repeat(900_000) },
          extensions: {
            [CALLER_EXTENSION]: signCaller(
              { caller: ANONYMOUS, requestId: 'r', clientIp: '127.0.0.1' },
              app.config.gatewaySecret,
            ),
          },
        }),
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'code', limit: DEFAULT_MAX_LENGTH });
      expect(response.body).not.toContain('a'.repeat(20));
      const tooLarge = await server.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: '{ suppliers { code } }', variables: { pad: 'x'.repeat(1024 * 1024) } }),
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().errors[0].extensions).toEqual({ code: 'BAD_REQUEST', limit: 1024 * 1024 });
    } finally {
      await server.close();
    }
  });
});
