// Refuses operations too deep, too aliased, too costly (with their variables) or with oversized list arguments.
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
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../core/errors.js';

export interface QueryLimits {
  depth: number;
  aliases: number;
  cost: number;
  /** The cost limit for partner apps (API keys): an export page of 1000 rows costs more than any page a person sees. */
  partnerCost: number;
  listArgument: number;
}

/** Arguments that say how many items a list field returns: they multiply the cost of what is selected below. */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const n = args[name];
    if (typeof n === 'number' && n > 0) return 1 + childComplexity * n;
  }
  return undefined;
};

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

  const cost = getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
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

/** The longest list anywhere inside an argument value (input objects may nest lists). */
function longestList(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestList));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

/**
 * Variables that do not fit their declared types are the client's mistake (400, BAD_USER_INPUT). Behind
 * @apollo/gateway they would otherwise surface as codeless errors, masked as internal ones.
 */
export function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
) {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
  const first = coerced.errors?.[0];
  if (first) throw new AppError(ErrorCode.BAD_USER_INPUT, first.message, { http: { status: 400 } });
}

export function queryLimitsPlugin<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  const forPartners = { ...limits, cost: limits.partnerCost };
  // Apollo Server hands the same parsed document for the same query text (its document store).
  const verdicts = new WeakMap<DocumentNode, Map<string, AppError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation, contextValue }) {
          if (operation) checkVariables(schema, operation, request.variables ?? {});
          const partner = (contextValue as { caller?: { kind: string } }).caller?.kind === 'partner';
          const applied = partner ? forPartners : limits;
          const check = () =>
            checkQueryLimits(schema, document, request.variables ?? {}, operationName ?? undefined, applied);
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
