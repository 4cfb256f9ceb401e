// The gateway's input checks on their own: the scalars they parse, how they bound nesting and long lists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isScalarType, isSpecifiedScalarType, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { checkVariables, CUSTOM_SCALARS, MAX_INPUT_DEPTH, nestingDepth, strictSchema } from './input-checks.js';
import { longestList } from './query-limits.js';

const api = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../schema/api.graphql'), 'utf8'));

describe('custom scalars', () => {
  it('every custom scalar of the public schema is parsed for real at the gateway', () => {
    const custom = Object.values(api.getTypeMap()).filter((type) => isScalarType(type) && !isSpecifiedScalarType(type));
    expect(custom.length).toBeGreaterThan(0);
    for (const type of custom) {
      expect(CUSTOM_SCALARS.has(type.name), `${type.name} is missing from CUSTOM_SCALARS`).toBe(true);
      const strict = strictSchema(api).getType(type.name);
      expect(isScalarType(strict) && strict.parseValue).toBe(CUSTOM_SCALARS.get(type.name)!.parseValue);
      expect(isScalarType(strict) && strict.parseLiteral).toBe(CUSTOM_SCALARS.get(type.name)!.parseLiteral);
    }
  });

  it('the strict schema is built once per schema', () => {
    expect(strictSchema(api)).toBe(strictSchema(api));
  });
});

describe('checkVariables', () => {
  const operation = parse('query ($since: DateTimeISO, $code: String!) { supplier(code: $code) { code } }')
    .definitions[0] as OperationDefinitionNode;
  const refusal = (variables: Record<string, unknown>) => {
    try {
      checkVariables(api, operation, variables);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).extensions;
    }
  };

  it('accepts well-formed variables', () => {
    expect(refusal({ since: '2026-01-01T00:00:00Z', code: 'voronezh' })).toBeNull();
    expect(refusal({ code: 'line\nbreak\tand tab' })).toBeNull();
  });

  it('names the variable and never repeats its value', () => {
    for (const [variables, field] of [
      [{ since: 'secret-looking-value', code: 'x' }, '$since'],
      [{ code: 'x\u0000secret' }, '$code'],
      [{}, '$code'],
    ] as const) {
      let message = '';
      try {
        checkVariables(api, operation, variables);
      } catch (error) {
        message = (error as Error).message;
        expect((error as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(message).toMatch(/[а-яё]/i);
      expect(message).not.toMatch(/secret/);
    }
  });
});

describe('nestingDepth and longestList', () => {
  const nested = (depth: number, wrap: (inner: unknown) => unknown) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
  };

  it('measure without recursion, however deep or long the value', () => {
    expect(nestingDepth('x')).toBe(0);
    expect(nestingDepth({ a: [1, { b: 2 }] })).toBe(3);
    // Deep values stop being measured just past the bound.
    expect(nestingDepth(nested(1_000_000, (v) => [v]))).toBe(MAX_INPUT_DEPTH + 1);
    expect(nestingDepth(nested(1_000_000, (v) => ({ a: v })))).toBe(MAX_INPUT_DEPTH + 1);
    expect(longestList(nested(200_000, (v) => [v]))).toBe(1);
    expect(longestList({ rows: [{ codes: Array.from({ length: 500_000 }, () => 'x') }] })).toBe(500_000);
    expect(longestList({ since: new Date(), codes: ['a', 'b'] })).toBe(2);
  });
});
