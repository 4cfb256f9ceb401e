// A client's mistakes are refused with 400 and a stable code, never INTERNAL_SERVER_ERROR: swept over the schema.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { MAX_INPUT_DEPTH } from '../src/gateway/input-checks.js';
import { createPartner } from './support/abonents.js';
import type { GraphQLResult } from './support/kabinet.js';
import { expectRefused, positions, withLiterals, withVariables } from './support/schema-sweep.js';
import { useTestKabinet } from './support/use-kabinet.js';

/** What Kabinet logged during the file, one parsed JSON line each. */
const logLines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
    done();
  },
});
const { app } = useTestKabinet({}, { log: createLogger('warn', {}, sink) });

async function post(payload: string | object, headers: Record<string, string> = {}): Promise<GraphQLResult> {
  const response = await app.kabinet.http.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.statusCode, body: response.json() };
}

describe('an invalid DateTimeISO', () => {
  const dates = positions(['DateTimeISO']);
  const invalid: unknown[] = ['not-a-date', '2026-02-30T10:00:00Z', '2026-01-01T25:61:00Z', '', 42, true, [], {}];

  it('is found in the schema (partner exports take one each)', () => {
    expect(dates.map((p) => `${p.field.name}(${p.fieldPath})`)).toEqual(
      expect.arrayContaining(['partnerAccounts($updatedSince)', 'partnerReadings($since)', 'partnerPayments($since)']),
    );
  });

  it('as a variable of any DateTimeISO argument is BAD_USER_INPUT naming the variable, for strangers and partners', async () => {
    const partner = await createPartner(app, 'sankt-peterburg', ['accounts:read', 'readings:read', 'payments:read']);
    for (const position of dates) {
      for (const bad of invalid) {
        const { query, variables } = withVariables(position, bad);
        const what = `${position.field.name} ${position.fieldPath} = ${JSON.stringify(bad)}`;
        for (const result of [await app.graphql(query, variables), await partner.graphql(query, variables)]) {
          expectRefused(result, 'BAD_USER_INPUT', what);
          expect(result.body.errors?.[0]?.extensions?.field, what).toBe(`$${position.argument.name}`);
        }
      }
      // The same operation with a valid date goes through to the field's own rules (a stranger is not a partner).
      const valid = withVariables(position, '2026-01-01T00:00:00Z');
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(
        (await app.graphql(valid.query, valid.variables)).body.errors?.[0]?.extensions?.code,
      );
      // A partner's reaches the resolver: whatever it says of the other sample arguments (a cursor), it says it there.
      for (const error of (await partner.graphql(valid.query, valid.variables)).body.errors ?? []) {
        expect(error.path).toEqual([position.field.name]);
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }
  });

  it('written in the document is BAD_USER_INPUT', async () => {
    for (const position of dates) {
      for (const bad of ['not-a-date', '2026-02-30T10:00:00Z']) {
        expectRefused(await app.graphql(withLiterals(position, bad)), 'BAD_USER_INPUT', position.field.name);
      }
    }
  });
});

describe('a control character in a String or ID', () => {
  const texts = positions(['String', 'ID']);

  it('is refused in every String and ID argument and input field of every root field, as a variable', async () => {
    // Dozens of root fields, nested inputs and lists among them.
    expect(texts.length).toBeGreaterThan(50);
    expect(new Set(texts.map((p) => p.field.name)).size).toBeGreaterThan(20);
    for (const position of texts) {
      const { query, variables } = withVariables(position, 'a\u0000b');
      const result = await app.graphql(query, variables);
      const what = `${position.field.name} ${position.fieldPath}`;
      expectRefused(result, 'BAD_USER_INPUT', what);
      expect(result.body.errors?.[0]?.extensions?.field, what).toBe(position.fieldPath);
      expect(result.body.errors?.[0]?.message, what).toContain(`«${position.fieldPath.slice(1)}»`);
    }
  });

  it('is refused written in the document, named by the argument path', async () => {
    for (const position of texts) {
      const result = await app.graphql(withLiterals(position, 'a\u0000b'));
      const what = `${position.field.name} ${position.fieldPath}`;
      expectRefused(result, 'BAD_USER_INPUT', what);
      expect(result.body.errors?.[0]?.extensions?.field, what).toBe(position.fieldPath.slice(1));
    }
  });

  it('covers the C0 controls and DEL; tab, line feed and carriage return only in multi-line text', async () => {
    const query = 'query ($code: String!) { supplier(code: $code) { code } }';
    for (const control of ['\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f']) {
      expectRefused(await app.graphql(query, { code: `x${control}` }), 'BAD_USER_INPUT', JSON.stringify(control));
    }
    // A code is one line (text-limits.test.ts sweeps the line breaks and the multi-line fields).
    for (const text of ['a\tb', 'a\nb', 'a\r\nb']) {
      const result = await app.graphql(query, { code: text });
      expectRefused(result, 'BAD_USER_INPUT', JSON.stringify(text));
      expect(result.body.errors?.[0]?.extensions?.field).toBe('$code');
    }
    const result = await app.graphql(query, { code: 'Воронеж «№ 1» — ₽' });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { supplier: null } });
  });
});

describe('protocol mistakes', () => {
  const twoOperations = 'query A { suppliers { code } } query B { suppliers { name } }';

  it('an operationName the document does not have', async () => {
    expectRefused(await post({ query: twoOperations, operationName: 'C' }), 'BAD_REQUEST', 'unknown');
    expectRefused(await post({ query: 'query A { suppliers { code } }', operationName: 'B' }), 'BAD_REQUEST', 'one');
  });

  it('several operations and no operationName', async () => {
    expectRefused(await post({ query: twoOperations }), 'BAD_REQUEST', 'named');
    // The named one still runs when asked for.
    expect((await post({ query: twoOperations, operationName: 'B' })).status).toBe(200);
  });

  it('a subscription', async () => {
    expectRefused(await post({ query: 'subscription { suppliers { code } }' }), 'BAD_REQUEST', 'subscription');
    expectRefused(
      await post({ query: `${twoOperations} subscription S { suppliers { code } }`, operationName: 'S' }),
      'BAD_REQUEST',
      'named subscription',
    );
  });

  it('an APQ hash that does not match the query, or an unknown APQ version', async () => {
    const query = '{ suppliers { code } }';
    const wrong = { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } };
    expectRefused(await post({ query, extensions: wrong }), 'BAD_REQUEST', 'mismatch');
    const version = { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } };
    expectRefused(await post({ query, extensions: version }), 'BAD_REQUEST', 'version');
    // The right hash registers the query, and the hash alone then runs it.
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    expect((await post({ query, extensions: persisted })).status).toBe(200);
    expect((await post({ extensions: persisted })).body.data).toMatchObject({ suppliers: expect.any(Array) });
  });

  it('variables nested deeper than the schema allows, whatever their declared type', async () => {
    const declared = [
      'query ($v: String!) { supplier(code: $v) { code } }',
      'query ($v: DateTimeISO) { partnerReadings(since: $v) { __typename } }',
      'query ($v: ID!) { personalAccount(id: $v) { __typename } }',
    ];
    for (const depth of [MAX_INPUT_DEPTH + 1, 10_000, 100_000]) {
      const lists = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
      const objects = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
      for (const query of declared) {
        for (const value of [lists, objects]) {
          const result = await post(`{"query":${JSON.stringify(query)},"variables":{"v":${value}}}`);
          expectRefused(result, 'BAD_USER_INPUT', `${query} at depth ${depth}`);
          expect(result.body.errors?.[0]?.extensions?.field).toBe('$v');
        }
      }
    }
  });

  it('a list of hundreds of thousands of items is LIST_ARGUMENT_TOO_LONG, not a stack overflow', async () => {
    // Any list of strings in an input of the schema; 200 000 one-letter items still fit the 1 MiB body limit.
    const position = positions(['String']).find((p) => p.path.at(-1) === 0)!;
    expect(position).toBeDefined();
    const list = Array.from({ length: 200_000 }, () => 'x');
    const { query, variables } = withVariables({ ...position, path: position.path.slice(0, -1) }, list);
    const result = await post({ query, variables });
    expectRefused(result, 'LIST_ARGUMENT_TOO_LONG', `${position.field.name} ${position.fieldPath}`);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ limit: 1000, actual: 200_000 });
  });
});

describe('logs', () => {
  it('record refusals at warn with their code, and no variable value, SQL or error-level line', () => {
    const refused = logLines.filter((line) => line.msg === 'request refused');
    expect(refused.length).toBeGreaterThan(100);
    for (const line of refused) expect(line.level).toBe('warn');
    const codes = new Set(refused.flatMap((line) => (line.refused as Array<{ code: string }>).map((r) => r.code)));
    expect([...codes].sort()).toEqual(['BAD_REQUEST', 'BAD_USER_INPUT', 'LIST_ARGUMENT_TOO_LONG']);
    expect(logLines.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
    const raw = logLines.map((line) => JSON.stringify(line)).join('\n');
    expect(raw).not.toMatch(/not-a-date|2026-02-30|a\\u0000b|select |insert |call stack/i);
  });
});
