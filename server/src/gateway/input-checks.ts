// Refuses what a client got wrong in a request (operation, variables, literal values) before any subgraph sees it.
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import {
  buildSchema,
  getVariableValues,
  Kind,
  OperationTypeNode,
  print,
  validate,
  ValuesOfCorrectTypeRule,
  visit,
  type DocumentNode,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLISODateTime } from 'type-graphql';
import { AppError, ErrorCode } from '../core/errors.js';
import { checkTextInDocument } from '../core/text-limits.js';

/**
 * The custom scalars of the public schema, as the subgraphs parse them. The supergraph knows only their names, so
 * behind @apollo/gateway any value would pass and fail later inside a subgraph (or its SQL) as an internal error.
 */
export const CUSTOM_SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map([
  [GraphQLISODateTime.name, GraphQLISODateTime],
]);

/**
 * How deeply a variable's value may nest. The deepest input of the schema is a handful of levels; unbounded nesting
 * would exhaust the stack in code that walks values (`Maximum call stack size exceeded`).
 */
export const MAX_INPUT_DEPTH = 32;

/** C0 control characters and DEL, except tab, line feed and carriage return, which a text may hold. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const BAD_INPUT = { http: { status: 400 } } as const;

const strictSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** The schema with the real parsing of its custom scalars, built once per (super)graph schema. */
export function strictSchema(schema: GraphQLSchema): GraphQLSchema {
  let strict = strictSchemas.get(schema);
  if (!strict) {
    strict = mapSchema(schema, {
      [MapperKind.SCALAR_TYPE]: (type) => CUSTOM_SCALARS.get(type.name) ?? type,
    });
    strictSchemas.set(schema, strict);
  }
  return strict;
}

/** A document with several operations needs `operationName`, and it must name one of them; no subscriptions. */
export function checkOperation(
  operation: OperationDefinitionNode | undefined,
  operationName: string | undefined,
): asserts operation is OperationDefinitionNode {
  if (!operation) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      operationName === undefined
        ? 'В документе несколько операций: укажите нужную в operationName.'
        : `В документе нет операции «${operationName}», указанной в operationName.`,
      BAD_INPUT,
    );
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      'Подписки (subscription) не поддерживаются: используйте query.',
      BAD_INPUT,
    );
  }
}

/**
 * Variables: nesting bounded, each fits its declared type (custom scalars parsed for real), no control characters
 * in strings. Messages name the variable and never repeat its value (it would land in logs and in the answer).
 */
export function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  for (const [name, value] of Object.entries(variables)) {
    if (nestingDepth(value) > MAX_INPUT_DEPTH) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Значение переменной «$${name}» вложено слишком глубоко: допускается не более ${MAX_INPUT_DEPTH} уровней.`,
        { ...BAD_INPUT, field: `$${name}` },
      );
    }
  }
  const definitions = operation.variableDefinitions ?? [];
  const coerced = getVariableValues(strictSchema(schema), definitions, variables, { maxErrors: 1 });
  if (coerced.errors) {
    const node = coerced.errors[0]?.nodes?.[0];
    const definition = node?.kind === Kind.VARIABLE_DEFINITION ? node : definitions[0];
    const name = definition ? `$${definition.variable.name.value}` : 'переменная';
    const type = definition ? print(definition.type) : '';
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Переменная «${name}» не подходит к своему типу ${type}: проверьте её значение.`,
      { ...BAD_INPUT, field: name },
    );
  }
  for (const [name, value] of Object.entries(coerced.coerced)) {
    const at = controlCharacterIn(value, `$${name}`);
    if (at) throw controlCharacterError(at);
  }
}

/** Literal values in the document: each fits its type (custom scalars parsed for real), no control characters. */
export function checkLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  const strict = strictSchema(schema);
  const invalid = validate(strict, document, [ValuesOfCorrectTypeRule], { maxErrors: 1 })[0];
  if (invalid) {
    const where = invalid.locations?.[0];
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Значение в запросе не подходит к своему типу${where ? ` (строка ${where.line}, столбец ${where.column})` : ''}: проверьте его.`,
      BAD_INPUT,
    );
  }
  visit(document, {
    [Kind.ARGUMENT](node) {
      const at = controlCharacterInLiteral(node.value, node.name.value);
      if (at) throw controlCharacterError(at);
    },
  });
}

function controlCharacterError(field: string): AppError {
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `Поле «${field.replace(/^\$/, '')}» содержит недопустимый управляющий символ (например, NUL): уберите его.`,
    { ...BAD_INPUT, field },
  );
}

/** The path of the first string holding a control character, or undefined. Values here are already coerced. */
function controlCharacterIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const at = controlCharacterIn(item, `${path}[${i}]`);
      if (at) return at;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const at = controlCharacterIn(item, `${path}.${key}`);
      if (at) return at;
    }
  }
  return undefined;
}

function controlCharacterInLiteral(node: ValueNode, path: string): string | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return CONTROL_CHARACTER.test(node.value) ? path : undefined;
    case Kind.LIST:
      for (const [i, item] of node.values.entries()) {
        const at = controlCharacterInLiteral(item, `${path}[${i}]`);
        if (at) return at;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const at = controlCharacterInLiteral(field.value, `${path}.${field.name.value}`);
        if (at) return at;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** How deeply arrays and objects nest in a JSON value; iterative, so no input can exhaust the stack here. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_INPUT_DEPTH) return deepest;
    for (const item of Array.isArray(current) ? current : Object.values(current)) stack.push([item, depth + 1]);
  }
  return deepest;
}

/**
 * Every String/ID argument and input field within its length and line limits (`core/text-limits.ts`), literal or
 * variable, before any subgraph runs. The limits are read from the supergraph: the API schema drops the
 * `@textLimit` declarations the subgraphs compose into it. Runs after the checks of `queryLimitsPlugin`.
 */
export function textLimitsPlugin<C extends BaseContext>(supergraphSdl: string): ApolloServerPlugin<C> {
  const declared = buildSchema(supergraphSdl, { assumeValidSDL: true });
  // Without variables the verdict depends on the document alone.
  const verdicts = new WeakMap<DocumentNode, AppError | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          if (operation?.variableDefinitions?.length) {
            return checkTextInDocument(declared, document, request.variables ?? {});
          }
          let verdict = verdicts.get(document);
          if (verdict === undefined) {
            try {
              checkTextInDocument(declared, document, {});
              verdict = null;
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              verdict = error;
            }
            verdicts.set(document, verdict);
          }
          if (verdict) throw verdict;
        },
      };
    },
  };
}
