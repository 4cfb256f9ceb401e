// Kabinet in one process executes a request once, against one executable schema assembled from the subgraphs' own
// schemas and resolvers: no query plan, no subgraph documents to re-execute, no merging of their answers.
//
// Each field is still resolved by the subgraph that owns it, with that subgraph's resolver, permissions (its shield
// rules are part of its resolvers), text limits and per-request context (its EntityManager and DataLoaders). Where a
// selection crosses from one subgraph's object to a field another subgraph owns (an account's `meters`), the hop goes
// through the owner's reference resolver with the entity's key, as the gateway's `_entities` fetch would. The
// supergraph, the subgraph SDL in `schema/` and distributed mode stay as they are; the differential test
// (`server/test/one-schema.test.ts`) holds the two paths to the same answers and errors.
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  buildSchema,
  defaultFieldResolver,
  getNamedType,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLScalarType,
  isEnumType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { jitExecution } from '../core/compiled-documents.js';
import type { SubgraphName } from '../core/config.js';
import type { RequestContext, SubgraphContext } from '../core/context.js';
import { timeoutError } from '../core/errors.js';
import type { SubgraphRuntime } from '../core/subgraph.js';

type Resolver = GraphQLFieldResolver<unknown, unknown>;

interface Part {
  readonly name: SubgraphName;
  readonly runtime: SubgraphRuntime;
  readonly schema: GraphQLSchema;
  /** This request's context of the subgraph (one per request, so its DataLoaders batch the whole operation). */
  readonly contexts: WeakMap<RequestContext, SubgraphContext>;
}

type ReferenceResolver = (reference: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * The API schema (`apiSdl`, as composed from the subgraphs) made executable by the subgraphs in `runtimes`. Throws
 * when the subgraphs cannot be assembled this way (a key other than `id`, an enum whose values differ between
 * subgraphs): the start fails rather than a request answering wrong.
 */
export function assembleOneSchema(apiSdl: string, runtimes: Readonly<Record<SubgraphName, SubgraphRuntime>>) {
  const parts = Object.values(runtimes).map((runtime): Part => ({
    name: runtime.name,
    runtime,
    schema: runtime.schema,
    contexts: new WeakMap(),
  }));
  const byName = new Map(parts.map((part) => [part.name, part]));
  /**
   * What one request's execution knows of its objects: which subgraph made each (the one whose resolver returned
   * it), and the entities already fetched from other subgraphs for it (one hop per object and subgraph). Kept per
   * request, so that an object two requests share (a cached one) can never carry one caller's hop into another's.
   */
  interface Seen {
    readonly origin: WeakMap<object, SubgraphName>;
    readonly hops: WeakMap<object, Map<SubgraphName, Promise<unknown>>>;
  }
  const requests = new WeakMap<RequestContext, Seen>();
  const seenBy = (request: RequestContext): Seen => {
    let seen = requests.get(request);
    if (!seen) {
      seen = { origin: new WeakMap(), hops: new WeakMap() };
      requests.set(request, seen);
    }
    return seen;
  };

  const producers = (typeName: string): Part[] => parts.filter((part) => isObjectType(part.schema.getType(typeName)));
  /** Objects of these types may come from more than one subgraph: the execution notes which one made each. */
  const shared = (type: GraphQLNamedType): boolean => isObjectType(type) && producers(type.name).length > 1;

  const contextOf = (part: Part, request: RequestContext): SubgraphContext => {
    let context = part.contexts.get(request);
    if (!context) {
      context = part.runtime.createContext(request);
      part.contexts.set(request, context);
    }
    return context;
  };

  const mark = (value: unknown, name: SubgraphName, origin: Seen['origin']): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (isPromiseLike(value)) return Promise.resolve(value).then((resolved) => mark(resolved, name, origin));
    if (Array.isArray(value)) {
      for (const item of value) mark(item, name, origin);
      return value;
    }
    origin.set(value, name);
    return value;
  };

  /**
   * A subgraph's resolver for one field, called with that subgraph's context. A root field's resolver also gets its
   * own subgraph's schema in `info` (what `selectsOnly` reads to tell its fields from other subgraphs'); deeper
   * down `info` is the execution's own (a copy per call was a twentieth of the CPU of a dashboard).
   */
  const resolverOf = (
    part: Part,
    field: GraphQLField<unknown, unknown>,
    tag: boolean,
    root = false,
  ): Resolver | undefined => {
    const own = field.resolve;
    if (!own && !tag) return undefined;
    const resolve = own ?? defaultFieldResolver;
    const schema = part.schema;
    return (source, args, request, info) => {
      const value = resolve(
        source,
        args,
        contextOf(part, request as RequestContext),
        own && root ? withSchema(info, schema) : info,
      );
      return tag ? mark(value, part.name, seenBy(request as RequestContext).origin) : value;
    };
  };

  /** The entity `source` (made by `from`) as subgraph `to` knows it, through `to`'s reference resolver. */
  const entityIn = (
    to: Part,
    from: Part,
    typeName: string,
    source: object,
    request: RequestContext,
    info: GraphQLResolveInfo,
  ): Promise<unknown> => {
    const seen = seenBy(request);
    let known = seen.hops.get(source);
    if (!known) {
      known = new Map();
      seen.hops.set(source, known);
    }
    let entity = known.get(to.name);
    if (!entity) {
      entity = (async () => {
        // The client has had its TIMEOUT answer: the rest of the selection is not worth fetching.
        if (request.signal?.aborted) throw timeoutError();
        const idField = (from.schema.getType(typeName) as GraphQLObjectType).getFields().id!;
        const id = idField.resolve
          ? await idField.resolve(source, {}, contextOf(from, request), info)
          : (source as { id?: unknown }).id;
        const reference = { __typename: typeName, id: GraphQLID.serialize(id) };
        const resolveReference = referenceResolverOf(to.schema.getType(typeName));
        const resolved = resolveReference ? await resolveReference(reference, contextOf(to, request), info) : reference;
        return mark(resolved, to.name, seen.origin);
      })();
      known.set(to.name, entity);
    }
    return entity;
  };

  const resolveField = (typeName: string, fieldName: string, returnType: GraphQLOutputType): Resolver | undefined => {
    const tag = shared(getNamedType(returnType));
    const makers = producers(typeName);
    const owners = makers.filter(
      (part) => fieldName in (part.schema.getType(typeName) as GraphQLObjectType).getFields(),
    );
    if (owners.length === 0) throw new Error(`no subgraph resolves ${typeName}.${fieldName}`);
    const own = (part: Part) => (part.schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!;
    // A root field has one owner (composition requires it); so has a field of a type only one subgraph makes.
    if (makers.length === 1 || roots.has(typeName)) {
      if (owners.length > 1) throw new Error(`${typeName}.${fieldName} is resolved by more than one subgraph`);
      return resolverOf(owners[0]!, own(owners[0]!), tag, roots.has(typeName));
    }
    // Shared by several subgraphs: resolved by the one that made the object, or by the field's owner after a hop.
    const resolvers = new Map(owners.map((part) => [part.name, resolverOf(part, own(part), tag)] as const));
    const ownedBy = new Set(owners.map((part) => part.name));
    const everyoneReads = owners.length === makers.length && [...resolvers.values()].every((r) => r === undefined);
    if (everyoneReads) return undefined;
    const owner = owners[0]!;
    const ownerResolves = resolvers.get(owner.name) ?? defaultFieldResolver;
    return (source, args, request, info) => {
      const made = seenBy(request as RequestContext).origin.get(source as object);
      if (made === undefined) {
        throw new Error(`${typeName}.${fieldName}: the object's subgraph is unknown`);
      }
      if (ownedBy.has(made)) return (resolvers.get(made) ?? defaultFieldResolver)(source, args, request, info);
      return entityIn(owner, byName.get(made)!, typeName, source as object, request as RequestContext, info).then(
        (entity) => (entity == null ? null : ownerResolves(entity, args, request, info)),
      );
    };
  };

  checkKeys(parts);
  const api = buildSchema(apiSdl);
  const roots = new Set(
    [api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].flatMap((type) => (type ? [type.name] : [])),
  );
  const schema = mapSchema(api, {
    [MapperKind.SCALAR_TYPE]: (type) => {
      if (isSpecifiedScalarType(type)) return type;
      const own = producersOfNamed(parts, type.name).find(isScalarType);
      if (!own) throw new Error(`no subgraph defines the scalar ${type.name}`);
      return new GraphQLScalarType({
        ...type.toConfig(),
        serialize: own.serialize,
        parseValue: own.parseValue,
        parseLiteral: own.parseLiteral,
      });
    },
    [MapperKind.ENUM_TYPE]: (type) => {
      const defined = producersOfNamed(parts, type.name).filter(isEnumType);
      if (defined.length === 0) throw new Error(`no subgraph defines the enum ${type.name}`);
      const values = enumValues(defined[0]!);
      for (const other of defined.slice(1)) {
        if (JSON.stringify(enumValues(other)) !== JSON.stringify(values)) {
          throw new Error(`the enum ${type.name} has different values in different subgraphs`);
        }
      }
      const config = type.toConfig();
      return new GraphQLEnumType({
        ...config,
        values: Object.fromEntries(
          Object.entries(config.values).map(([name, value]) => [name, { ...value, value: values[name] }]),
        ),
      });
    },
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => ({
      ...field,
      resolve: resolveField(typeName, fieldName, field.type),
    }),
  });
  return { schema };
}

/**
 * Apollo Server's executor of the assembled schema (compiled by graphql-jit). An error raised while executing
 * carries its path but no `locations`, as the federated path's errors do (the gateway drops them): a client sees the
 * same error from Kabinet in one process as from distributed mode. Errors of parsing and validation keep theirs.
 */
export function oneSchemaExecution(
  apiSdl: string,
  runtimes: Readonly<Record<SubgraphName, SubgraphRuntime>>,
): GatewayInterface {
  // Validated against the API schema as the gateway has it (custom scalars by name only), so that a bad literal
  // reaches the edge's input checks (BAD_USER_INPUT naming the place) as it does behind the gateway.
  const compiled = jitExecution(assembleOneSchema(apiSdl, runtimes).schema, buildSchema(apiSdl));
  return {
    onSchemaLoadOrUpdate: (callback) => compiled.onSchemaLoadOrUpdate(callback),
    stop: () => compiled.stop(),
    async load(options) {
      const loaded = await compiled.load(options);
      const execute = loaded.executor!;
      return {
        ...loaded,
        executor: async (requestContext) => {
          const result = await execute(requestContext);
          if (!result.errors) return result;
          const errors = result.errors.map((error) =>
            error.locations && error.path
              ? new GraphQLError(error.message, {
                  path: error.path,
                  originalError: error.originalError ?? error,
                  extensions: error.extensions,
                })
              : error,
          );
          return { ...result, errors };
        },
      };
    },
  };
}

/** Every entity type is keyed by `id` alone (what the hop sends); anything else must be taught to it first. */
function checkKeys(parts: readonly Part[]): void {
  for (const part of parts) {
    for (const type of Object.values(part.schema.getTypeMap())) {
      for (const directive of type.astNode?.directives ?? []) {
        if (directive.name.value !== 'key') continue;
        const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
        if (fields?.kind !== Kind.STRING || fields.value.trim() !== 'id') {
          throw new Error(`${part.name}: ${type.name} has a key other than "id"`);
        }
      }
    }
  }
}

function producersOfNamed(parts: readonly Part[], name: string): GraphQLNamedType[] {
  return parts.map((part) => part.schema.getType(name)).filter((type) => type !== undefined);
}

function enumValues(type: GraphQLEnumType): Record<string, unknown> {
  return Object.fromEntries(type.getValues().map((value) => [value.name, value.value]));
}

function referenceResolverOf(type: GraphQLNamedType | undefined | null): ReferenceResolver | undefined {
  const extensions = type?.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } };
  return extensions?.apollo?.subgraph?.resolveReference;
}

/**
 * `info` with the subgraph's own schema: a resolver that looks at what its caller selected (`selectsOnly`) sees
 * which of the selected fields are its subgraph's to resolve.
 */
function withSchema(info: GraphQLResolveInfo, schema: GraphQLSchema): GraphQLResolveInfo {
  return Object.create(info, { schema: { value: schema } }) as GraphQLResolveInfo;
}

function isPromiseLike(value: object): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown }).then === 'function';
}
