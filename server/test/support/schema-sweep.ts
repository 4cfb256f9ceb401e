// Walks the public schema for API tests that sweep a class of inputs: every place of a type in the arguments of
// every root field, a valid sample value with one place set to a bad value, and how a refusal must look.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  astFromValue,
  buildSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { expect } from 'vitest';
import type { GraphQLResult } from './kabinet.js';

/** The public API schema as committed (what partners and the web client read). */
export const api = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../schema/api.graphql'), 'utf8'));

/** A value of `type` that coerces, with `leaf` (a path of argument/field names and list indexes) set to `bad`. */
export type Step = string | number;
export function sample(type: GraphQLInputType, leaf?: { path: Step[]; bad: unknown }): unknown {
  if (leaf && leaf.path.length === 0) return leaf.bad;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const rest = leaf && leaf.path[0] === 0 ? { path: leaf.path.slice(1), bad: leaf.bad } : undefined;
    return [sample(nullable.ofType, rest)];
  }
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      const here = leaf?.path[0] === field.name;
      if (here) value[field.name] = sample(field.type, { path: leaf.path.slice(1), bad: leaf.bad });
      else if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  switch (nullable.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTimeISO':
      return '2026-01-01T00:00:00.000Z';
    default:
      return '1';
  }
}

/** Every leaf of `type` whose named type is one of `names`, as paths (list items at index 0); input types may nest. */
export function leavesOf(type: GraphQLInputType, names: string[], seen: Set<string> = new Set()): Step[][] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return leavesOf(nullable.ofType, names, seen).map((p) => [0, ...p]);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return [];
    const inner = new Set(seen).add(nullable.name);
    return Object.values(nullable.getFields()).flatMap((field) =>
      leavesOf(field.type, names, inner).map((p) => [field.name, ...p]),
    );
  }
  return names.includes(getNamedType(nullable).name) ? [[]] : [];
}

export interface Position {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  argument: GraphQLArgument;
  /** Inside the argument's value. */
  path: Step[];
  /** How the server names the place: `$argument.field[0].leaf` for variables. */
  fieldPath: string;
}

/** Every place of type `names` in the arguments of every root field of the public schema. */
export function positions(names: string[], schema: GraphQLSchema = api): Position[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([operation, root]) =>
    Object.values(root?.getFields() ?? {}).flatMap((field) =>
      field.args.flatMap((argument) =>
        leavesOf(argument.type, names).map((p) => ({
          operation,
          field,
          argument,
          path: p,
          fieldPath: `$${argument.name}${p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`,
        })),
      ),
    ),
  );
}

export const selectionOf = (field: GraphQLField<unknown, unknown>) => {
  const named = getNamedType(field.type);
  return isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
};

/** The operation with every argument of the field as a variable, the one at `position` holding `bad`. */
export function withVariables(position: Position, bad: unknown): { query: string; variables: Record<string, unknown> } {
  const { field } = position;
  const variables = Object.fromEntries(
    field.args.map((a) => [a.name, sample(a.type, a === position.argument ? { path: position.path, bad } : undefined)]),
  );
  const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${position.operation} Probe(${declared}) { ${field.name}(${passed})${selectionOf(field)} }`,
    variables,
  };
}

/** The same operation with every argument written inline in the document. */
export function withLiterals(position: Position, bad: unknown): string {
  const { field } = position;
  const passed = field.args
    .map((a) => {
      const value = sample(a.type, a === position.argument ? { path: position.path, bad } : undefined);
      return `${a.name}: ${print(astFromValue(value, a.type)!)}`;
    })
    .join(', ');
  return `${position.operation} Probe { ${field.name}(${passed})${selectionOf(field)} }`;
}

/** A refusal as the client sees it: the status, one error with the code, a Russian message, nothing internal. */
export function expectRefused(result: GraphQLResult, code: string, what: string) {
  expect(result.status, what).toBe(400);
  expect(result.body.data ?? undefined, what).toBeUndefined();
  expect(result.body.errors?.[0]?.extensions?.code, what).toBe(code);
  expect(result.body.errors?.[0]?.message, what).toMatch(/[а-яё]/i);
  const raw = JSON.stringify(result.body);
  expect(raw, what).not.toMatch(
    /INTERNAL_SERVER_ERROR|stacktrace|\bat .*\.[jt]s\b|select |insert |RangeError|call stack/i,
  );
}
