// Refuses malformed requests (see input-checks.ts), then operations too deep, too aliased, too costly (with their variables) or with oversized list arguments.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  Kind,
  TypeInfo,
  validate,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../core/errors.js';
import { checkLiterals, checkOperation, checkVariables } from './input-checks.js';

export interface QueryLimits {
  depth: number;
  aliases: number;
  cost: number;
  /** The cost limit for partner apps (API keys): an export page of 1000 rows costs more than any page a person sees. */
  partnerCost: number;
  listArgument: number;
  /** The cost of the costly fields (COSTLY_FIELDS) one operation may ask for, whoever the caller. */
  costly: number;
}

/**
 * Fields whose resolver does CPU-bound work, with their cost in the units of the cost limit (a plain field is 1).
 * A payment notice renders a PDF with a QR code: about 70 ms of a core when warm and up to 0.9 s on a loaded
 * machine, against well under a millisecond for a field read from a loaded row; a whole dashboard costs about 60.
 * They count in the operation's cost and, separately, against `costly`, which partners' higher limit does not raise.
 */
export const COSTLY_FIELDS: Readonly<Record<string, number>> = Object.freeze({
  'PersonalAccount.paymentNotice': 1000,
});

/** Arguments that say how many items a list field returns: they multiply the cost of what is selected below. */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** How many items a list field returns by its page-size argument, or 1. */
function pageSize(args: Record<string, unknown>): number {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const n = args[name];
    if (typeof n === 'number' && n > 0) return n;
  }
  return 1;
}

const costlyEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  const weight = COSTLY_FIELDS[`${type.name}.${field.name}`];
  return weight === undefined ? undefined : weight + childComplexity;
};

const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const n = args[name];
    if (typeof n === 'number' && n > 0) return 1 + childComplexity * n;
  }
  return undefined;
};

/** Only the costly fields count (multiplied by the pages they are in): the part of the cost no caller may raise. */
const onlyCostlyEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
  (COSTLY_FIELDS[`${type.name}.${field.name}`] ?? 0) + childComplexity * pageSize(args);

/** Names of the costly fields, for messages: «PersonalAccount.paymentNotice (1000)». */
const COSTLY_NAMES = Object.entries(COSTLY_FIELDS)
  .map(([name, weight]) => `${name} (${weight})`)
  .join(', ');

export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limits: QueryLimits,
): void {
  const rejections: { code: ErrorCode; limit: number; message: string }[] = [];
  validate(schema, document, [
    maxDepthRule({
      n: limits.depth,
      ignoreIntrospection: false,
      propagateOnRejection: false,
      onReject: [
        () =>
          rejections.push({
            code: ErrorCode.DEPTH_LIMIT_EXCEEDED,
            limit: limits.depth,
            message: `Запрос слишком глубокий: допускается не более ${limits.depth} уровней вложенности.`,
          }),
      ],
    }),
    maxAliasesRule({
      n: limits.aliases,
      propagateOnRejection: false,
      onReject: [
        () =>
          rejections.push({
            code: ErrorCode.ALIAS_LIMIT_EXCEEDED,
            limit: limits.aliases,
            message: `В запросе слишком много псевдонимов (alias): допускается не более ${limits.aliases}.`,
          }),
      ],
    }),
  ]);
  const first = rejections[0];
  if (first) throw new AppError(first.code, first.message, { limit: first.limit });

  checkListArguments(schema, document, variables, limits.listArgument);

  const costly = getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [onlyCostlyEstimator],
  });
  if (costly > limits.costly) {
    throw new AppError(
      ErrorCode.COST_LIMIT_EXCEEDED,
      `Запрос слишком тяжёлый: поля, которые формируются долго (${COSTLY_NAMES}), стоят в нём ${costly}, ` +
        `допускается ${limits.costly}. Запросите меньше извещений за раз.`,
      { limit: limits.costly, actual: costly },
    );
  }

  const cost = getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [costlyEstimator, pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  if (cost > limits.cost) {
    throw new AppError(
      ErrorCode.COST_LIMIT_EXCEEDED,
      `Запрос слишком сложный (стоимость ${cost}, допускается ${limits.cost}): запросите меньше данных за раз.`,
      { limit: limits.cost, actual: cost },
    );
  }
}

/** Lists passed as arguments (literal or variable) and page sizes may not exceed `max` items. */
function checkListArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  max: number,
): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.ARGUMENT](node) {
        const definition = typeInfo.getArgument();
        if (!definition) return;
        const value = valueFromAST(node.value, definition.type, variables);
        const size = Array.isArray(value)
          ? longestList(value)
          : (PAGE_SIZE_ARGUMENTS as readonly string[]).includes(definition.name) && typeof value === 'number'
            ? value
            : longestList(value);
        if (size > max) {
          throw new AppError(
            ErrorCode.LIST_ARGUMENT_TOO_LONG,
            `Аргумент «${definition.name}» слишком велик: допускается не более ${max} элементов за один запрос.`,
            { argument: definition.name, limit: max, actual: size },
          );
        }
      },
    }),
  );
}

/**
 * The longest list anywhere inside an argument value (input objects may nest lists). A loop, not recursion or
 * `Math.max(...list)`: a list of a few hundred thousand items would otherwise overflow the stack.
 */
export function longestList(value: unknown): number {
  let longest = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object' || current instanceof Date) continue;
    const items = Array.isArray(current) ? (current as unknown[]) : Object.values(current);
    if (Array.isArray(current)) longest = Math.max(longest, current.length);
    for (const item of items) pending.push(item);
  }
  return longest;
}

export function queryLimitsPlugin<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  const forPartners = { ...limits, cost: limits.partnerCost };
  // Apollo Server hands the same parsed document for the same query text (its document store).
  const verdicts = new WeakMap<DocumentNode, Map<string, AppError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation, contextValue }) {
          // The client's mistakes first, so the limits below only ever see well-formed input.
          checkOperation(operation, request.operationName ?? undefined);
          checkVariables(schema, operation, request.variables ?? {});
          const partner = (contextValue as { caller?: { kind: string } }).caller?.kind === 'partner';
          const applied = partner ? forPartners : limits;
          const check = () => {
            checkLiterals(schema, document);
            checkQueryLimits(schema, document, request.variables ?? {}, operationName ?? undefined, applied);
          };
          if (operation?.variableDefinitions?.length) return check();
          // Without variables the verdict depends on the document alone: the same dashboard is checked once.
          let byKey = verdicts.get(document);
          if (!byKey) verdicts.set(document, (byKey = new Map()));
          const key = `${partner}|${operationName ?? ''}`;
          let verdict = byKey.get(key);
          if (verdict === undefined) {
            try {
              check();
              verdict = null;
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              verdict = error;
            }
            byKey.set(key, verdict);
          }
          if (verdict) throw verdict;
        },
      };
    },
  };
}
