// The partner API client: typed operations (./operations.ts, typed by codegen), pages followed to the end, bulk
// writes of any length split into calls the server takes, and retries of a request that may not have arrived or
// may not have finished, always with the same variables, so a write is never recorded twice.
//
// Plain fetch and nothing else at run time: the operations are sent as the strings codegen wrote.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type {
  AnswerSupportRequestInput,
  AnswerSupportRequestMutation,
  PartnerAccountsQuery,
  PartnerAccountsQueryVariables,
  PartnerAppQuery,
  PartnerPaymentsQuery,
  PartnerPaymentsQueryVariables,
  PartnerReadingsQuery,
  PartnerReadingsQueryVariables,
  ReadingRulesInput,
  RecordReadingsInput,
  SetBalancesInput,
  SetTariffsInput,
  SupplierSettingsInput,
  UpdateReadingRulesMutation,
  UpdateSupplierSettingsMutation,
  UpsertChargesInput,
  UpsertMetersInput,
  UpsertPersonalAccountsInput,
  UpsertPersonalAccountsMutation,
} from './graphql/graphql.js';
import {
  AnswerSupportRequestDocument,
  PartnerAccountsDocument,
  PartnerAppDocument,
  PartnerPaymentsDocument,
  PartnerReadingsDocument,
  RecordReadingsDocument,
  SetBalancesDocument,
  SetTariffsDocument,
  UpdateReadingRulesDocument,
  UpdateSupplierSettingsDocument,
  UpsertChargesDocument,
  UpsertMetersDocument,
  UpsertPersonalAccountsDocument,
} from './operations.js';

/**
 * Rows one bulk write takes at most: `MAX_ROWS` in server/src/core/partner-payloads.ts (copied, not imported: the
 * SDK carries no server code; sdk/test/client.test.ts checks the two are equal). More in one call is refused with
 * `LIST_ARGUMENT_TOO_LONG`, so the client sends longer lists in chunks of this many.
 */
export const MAX_ROWS = 1000;

/** The largest page the exports serve (`first`, 1 to 1000); the iterators ask for it unless told otherwise. */
export const MAX_PAGE_SIZE = 1000;

/** `recordReadings`' idempotency key: 8 to 100 characters (docs/partner-api.md, the schema's RecordReadingsInput). */
export const IDEMPOTENCY_KEY_MIN_LENGTH = 8;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;

/** HTTP answers that mean "try again": too busy, a proxy that got no answer, a blip, a time limit. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** GraphQL error codes that mean the same (docs/partner-api.md → Request errors). */
const RETRY_CODES: ReadonlySet<string> = new Set(['TIMEOUT', 'SERVER_BUSY', 'SERVICE_UNAVAILABLE']);
/** Connection errors raised before a byte of the request could leave: repeating is harmless whatever it was. */
const NOT_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Mutations that may be sent again with the same variables without doing twice what they do: the bulk upserts
 * and settings leave the same state however often they run, and `recordReadings` records once per idempotency key.
 * Any other mutation (`answerSupportRequest` would post its answer again) is repeated only when the request
 * provably never left (connection refused, no such host).
 */
export const REPEATABLE_MUTATIONS: ReadonlySet<string> = new Set([
  'upsertPersonalAccounts',
  'setBalances',
  'setTariffs',
  'upsertCharges',
  'upsertMeters',
  'recordReadings',
  'updateSupplierSettings',
  'updateReadingRules',
]);

export interface RetryOptions {
  /** Attempts in all, the first included (default 5; 1: never retry). */
  attempts?: number;
  /** The first wait; each next one doubles, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /**
   * The longest wait between attempts (default 30 s). A `Retry-After` longer than this ends the retries: the error
   * is thrown rather than waited out.
   */
  maxDelayMs?: number;
}

export interface PartnerClientOptions {
  /** Kabinet's GraphQL endpoint, e.g. `https://kabinet.example.ru/graphql`. */
  url: string;
  /** The partner app's API key (`kbp_…`). */
  apiKey: string;
  /** Default: Node's global fetch. */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** One attempt gives up (and counts as not answered) after this long (default 60 s; the server's own is 30 s). */
  timeoutMs?: number;
  /** Rows per bulk call, 1 to MAX_ROWS (default MAX_ROWS): lower it for a server with a lower MAX_LIST_ARGUMENT. */
  chunkSize?: number;
}

export interface RequestOptions {
  /**
   * Whether sending the operation again with the same variables is harmless. Default: true for queries and for
   * mutations whose every root field is in REPEATABLE_MUTATIONS, false for any other mutation.
   */
  repeatable?: boolean;
}

/** One GraphQL error as Kabinet answers it. */
export interface GraphQLErrorJson {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * A request Kabinet refused or did not answer: thrown for an error that is not retried, or after the last attempt.
 * Refusals of single rows or fields (the payloads' `errors`: RowError, UserError) are not thrown: they are data.
 */
export class KabinetApiError extends Error {
  /** `extensions.code` of the (first) GraphQL error; `NETWORK_ERROR` with no answer; `HTTP_<status>` without JSON. */
  readonly code: string;
  /** The HTTP status, undefined when nothing was answered. */
  readonly httpStatus: number | undefined;
  /** The `x-request-id` of the answer (or the one sent, when nothing came back): quote it to Kabinet's support. */
  readonly requestId: string | undefined;
  /** `extensions` of the first GraphQL error (e.g. `scope` of FORBIDDEN, `field` and `limit` of BAD_USER_INPUT). */
  readonly extensions: Record<string, unknown>;
  /** Every GraphQL error of the answer. */
  readonly errors: readonly GraphQLErrorJson[];
  /** How many attempts were made. */
  attempts = 1;
  /** Whether the error says "try again" (the client gave up on it only after its last attempt). */
  readonly retryable: boolean;
  /** For a failure without an answer: whether the request provably never left (no connection at all). */
  readonly notSent: boolean;
  /** How long the server asked to wait (`Retry-After`, `extensions.retryAfterSeconds`), ms. */
  readonly retryAfterMs: number | undefined;
  /**
   * A bulk write that failed midway: the chunks answered before this error (written, or refused with row errors).
   * The failed chunk and the ones after it were not answered; send the whole list again (the same key, for
   * `recordReadings`): what was written is not written twice.
   */
  completedChunks: ChunkResult[] | undefined;

  constructor(init: {
    code: string;
    message: string;
    httpStatus?: number;
    requestId?: string;
    errors?: readonly GraphQLErrorJson[];
    retryable?: boolean;
    notSent?: boolean;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'KabinetApiError';
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.extensions = this.errors[0]?.extensions ?? {};
    this.retryable = init.retryable ?? false;
    this.notSent = init.notSent ?? false;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** A document the client can send: codegen's (string or AST, typed), or a plain string (untyped). */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & object;

/** The shape of the exports' pages. */
export interface Page<TNode> {
  nodes: TNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page query's variables with `first` optional (the iterators and page methods default it to MAX_PAGE_SIZE). */
export type PageVariables<TVariables> = Omit<TVariables, 'first' | 'after'> & {
  first?: number;
  after?: string | null;
};

export type PartnerAccountsPage = PartnerAccountsQuery['partnerAccounts'];
export type PartnerAccount = PartnerAccountsPage['nodes'][number];
export type PartnerReadingsPage = PartnerReadingsQuery['partnerReadings'];
export type PartnerReading = PartnerReadingsPage['nodes'][number];
export type PartnerPaymentsPage = PartnerPaymentsQuery['partnerPayments'];
export type PartnerPayment = PartnerPaymentsPage['nodes'][number];
export type PartnerAppInfo = PartnerAppQuery['partnerApp'];

/** Why one row was refused (`index` from 0; -1: the whole call, e.g. its idempotency key). */
export type RowError = UpsertPersonalAccountsMutation['upsertPersonalAccounts']['errors'][number];
export type WritePayload = UpsertPersonalAccountsMutation['upsertPersonalAccounts'];

/** One call of a bulk write: rows `offset` to `offset + rows - 1` of the caller's list. */
export interface ChunkResult extends WritePayload {
  /** 0, 1, … in the order sent. */
  chunk: number;
  offset: number;
  rows: number;
  /** `recordReadings`: the key this call was sent with (`<your key>-<chunk>`). */
  idempotencyKey?: string;
}

/**
 * A bulk write of any number of rows, sent as one call per chunk of at most `chunkSize` rows. Each call is all or
 * nothing on its own: a refused chunk wrote none of its rows, the others were written.
 */
export interface BulkWriteResult {
  /** Every chunk was written. */
  ok: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /**
   * Every row error of every chunk, `index` being the row's position in the list you passed (from 0); an error of
   * a whole call keeps index -1 (its chunk in `chunks` is the one with `ok: false` and that error).
   */
  errors: RowError[];
  chunks: ChunkResult[];
}

export interface PartnerClient {
  /** Any operation: a codegen document (typed result and variables) or a plain string (untyped). */
  request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TResult>;
  request<TResult = unknown>(
    document: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<TResult>;
  /** Pages of any paged query, following `pageInfo.endCursor` as `after` until `hasNextPage` is false. */
  pages<TResult, TVariables extends { after?: string | null }, TNode>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    page: (data: TResult) => Page<TNode>,
  ): AsyncGenerator<Page<TNode>, void, undefined>;

  /** The app and supplier this key belongs to. */
  partnerApp(): Promise<PartnerAppInfo>;

  /** One page of accounts (`first` defaults to MAX_PAGE_SIZE). */
  partnerAccounts(variables?: PageVariables<PartnerAccountsQueryVariables>): Promise<PartnerAccountsPage>;
  partnerAccountsPages(
    variables?: PageVariables<PartnerAccountsQueryVariables>,
  ): AsyncGenerator<PartnerAccountsPage, void, undefined>;
  /** Every account (changed since `updatedSince`), page after page. */
  allPartnerAccounts(
    variables?: PageVariables<PartnerAccountsQueryVariables>,
  ): AsyncGenerator<PartnerAccount, void, undefined>;

  partnerReadings(variables?: PageVariables<PartnerReadingsQueryVariables>): Promise<PartnerReadingsPage>;
  partnerReadingsPages(
    variables?: PageVariables<PartnerReadingsQueryVariables>,
  ): AsyncGenerator<PartnerReadingsPage, void, undefined>;
  allPartnerReadings(
    variables?: PageVariables<PartnerReadingsQueryVariables>,
  ): AsyncGenerator<PartnerReading, void, undefined>;

  partnerPayments(variables?: PageVariables<PartnerPaymentsQueryVariables>): Promise<PartnerPaymentsPage>;
  partnerPaymentsPages(
    variables?: PageVariables<PartnerPaymentsQueryVariables>,
  ): AsyncGenerator<PartnerPaymentsPage, void, undefined>;
  allPartnerPayments(
    variables?: PageVariables<PartnerPaymentsQueryVariables>,
  ): AsyncGenerator<PartnerPayment, void, undefined>;

  /** Bulk writes: any number of rows, in chunks of at most `chunkSize`. */
  upsertPersonalAccounts(input: UpsertPersonalAccountsInput): Promise<BulkWriteResult>;
  setBalances(input: SetBalancesInput): Promise<BulkWriteResult>;
  setTariffs(input: SetTariffsInput): Promise<BulkWriteResult>;
  upsertCharges(input: UpsertChargesInput): Promise<BulkWriteResult>;
  upsertMeters(input: UpsertMetersInput): Promise<BulkWriteResult>;
  /**
   * Each chunk is sent with the key `<idempotencyKey>-<chunk>` (so `idempotencyKey` may have at most
   * 100 − 2 characters for up to 10 chunks, 100 − 3 for up to 100, …). Send the same rows with the same key again
   * (after a crash, a refused chunk fixed in place) and what was recorded is not recorded again.
   */
  recordReadings(input: RecordReadingsInput): Promise<BulkWriteResult>;

  updateSupplierSettings(
    input: SupplierSettingsInput,
  ): Promise<UpdateSupplierSettingsMutation['updateSupplierSettings']>;
  updateReadingRules(input: ReadingRulesInput): Promise<UpdateReadingRulesMutation['updateReadingRules']>;
  /** Not repeatable: retried only when the request provably never left. */
  answerSupportRequest(input: AnswerSupportRequestInput): Promise<AnswerSupportRequestMutation['answerSupportRequest']>;
}

/** Collects an async iterator into an array (`Array.fromAsync` where the runtime has it). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const attempts = Math.max(1, Math.floor(options.retry?.attempts ?? 5));
  const baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? 500);
  const maxDelayMs = Math.max(baseDelayMs, options.retry?.maxDelayMs ?? 30_000);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const chunkSize = options.chunkSize ?? MAX_ROWS;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_ROWS) {
    throw new RangeError(`chunkSize must be an integer from 1 to ${MAX_ROWS}`);
  }

  async function attempt(body: string, requestId: string): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${options.apiKey}`,
          'x-request-id': requestId,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const code = connectionErrorCode(error);
      throw new KabinetApiError({
        code: 'NETWORK_ERROR',
        message: `Kabinet did not answer: ${describe(error)}`,
        requestId,
        retryable: true,
        notSent: code !== undefined && NOT_SENT.has(code),
        cause: error,
      });
    }
    const answeredId = response.headers.get('x-request-id') ?? requestId;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The answer was cut off midway: the request arrived, whether it finished is unknown.
      throw new KabinetApiError({
        code: 'NETWORK_ERROR',
        message: `Kabinet's answer was cut off: ${describe(error)}`,
        httpStatus: response.status,
        requestId: answeredId,
        retryable: true,
        cause: error,
      });
    }
    const json = parseJson(text);
    const errors = Array.isArray(json?.errors) ? (json.errors as GraphQLErrorJson[]) : [];
    const retryAfterMs = retryAfterOf(response.headers.get('retry-after'), errors);
    const statusSaysRetry = RETRY_STATUSES.has(response.status);
    if (errors.length > 0) {
      const first = errors[0]!;
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : `HTTP_${response.status}`;
      throw new KabinetApiError({
        code,
        message: typeof first.message === 'string' ? first.message : code,
        httpStatus: response.status,
        requestId: answeredId,
        errors,
        retryable: statusSaysRetry || errors.every((e) => RETRY_CODES.has(String(e.extensions?.code))),
        retryAfterMs,
      });
    }
    if (!response.ok || json === undefined || json.data == null) {
      throw new KabinetApiError({
        code: `HTTP_${response.status}`,
        message: `Kabinet answered HTTP ${response.status} without a GraphQL result`,
        httpStatus: response.status,
        requestId: answeredId,
        retryable: statusSaysRetry,
        retryAfterMs,
      });
    }
    return json.data;
  }

  async function send(document: unknown, variables: unknown, requestOptions: RequestOptions = {}): Promise<unknown> {
    const text = await documentText(document);
    const operation = operationOf(document, text);
    const repeatable =
      requestOptions.repeatable ??
      (operation.kind === 'query' ||
        (operation.rootFields !== undefined &&
          operation.rootFields.length > 0 &&
          operation.rootFields.every((f) => REPEATABLE_MUTATIONS.has(f))));
    // The body is made once: every attempt sends the same bytes, the same idempotency key among them.
    const body = JSON.stringify({
      query: text,
      ...(operation.name ? { operationName: operation.name } : {}),
      variables: variables ?? {},
    });
    const requestId = newRequestId();
    for (let n = 1; ; n++) {
      try {
        return await attempt(body, `${requestId}-${n}`);
      } catch (error) {
        if (!(error instanceof KabinetApiError)) throw error;
        error.attempts = n;
        const mayRepeat = error.retryable && (repeatable || error.notSent);
        if (!mayRepeat || n >= attempts) throw error;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
        const jittered = backoff / 2 + Math.random() * (backoff / 2);
        if (error.retryAfterMs !== undefined && error.retryAfterMs > maxDelayMs) throw error;
        await sleep(Math.max(jittered, error.retryAfterMs ?? 0));
      }
    }
  }

  async function* pages<TResult, TVariables extends { after?: string | null }, TNode>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    page: (data: TResult) => Page<TNode>,
  ): AsyncGenerator<Page<TNode>, void, undefined> {
    let after = variables.after ?? null;
    const seen = new Set<string>();
    for (;;) {
      const current = page((await send(document, { ...variables, after })) as TResult);
      yield current;
      if (!current.pageInfo.hasNextPage) return;
      const next = current.pageInfo.endCursor;
      if (next === null || seen.has(next)) {
        throw new KabinetApiError({
          code: 'BAD_PAGE_INFO',
          message: `hasNextPage is true but endCursor ${next === null ? 'is null' : 'repeats an earlier one'}`,
        });
      }
      seen.add(next);
      after = next;
    }
  }

  async function* nodesOf<TNode>(source: AsyncIterable<Page<TNode>>): AsyncGenerator<TNode, void, undefined> {
    for await (const page of source) yield* page.nodes;
  }

  const withFirst = <V extends { first?: number }>(variables: V | undefined) =>
    ({ ...variables, first: variables?.first ?? MAX_PAGE_SIZE }) as V & { first: number };

  async function bulk<TRow>(
    document: TypedDocument<any, any>,
    field: string,
    rows: readonly TRow[],
    input: (chunk: TRow[], index: number) => Record<string, unknown>,
    keyOf?: (index: number) => string,
  ): Promise<BulkWriteResult> {
    const result: BulkWriteResult = { ok: true, created: 0, updated: 0, unchanged: 0, errors: [], chunks: [] };
    for (let offset = 0, chunk = 0; offset < rows.length; offset += chunkSize, chunk++) {
      const slice = rows.slice(offset, offset + chunkSize);
      let data: Record<string, WritePayload>;
      try {
        data = (await send(document, { input: input(slice, chunk) })) as Record<string, WritePayload>;
      } catch (error) {
        if (error instanceof KabinetApiError) error.completedChunks = result.chunks;
        throw error;
      }
      const payload = data[field]!;
      result.chunks.push({
        ...payload,
        chunk,
        offset,
        rows: slice.length,
        ...(keyOf ? { idempotencyKey: keyOf(chunk) } : {}),
      });
      result.ok &&= payload.ok;
      result.created += payload.created;
      result.updated += payload.updated;
      result.unchanged += payload.unchanged;
      for (const error of payload.errors) {
        result.errors.push({ ...error, index: error.index >= 0 ? error.index + offset : error.index });
      }
    }
    return result;
  }

  const client: PartnerClient = {
    request: (document: unknown, variables?: unknown, requestOptions?: RequestOptions) =>
      send(document, variables, requestOptions) as Promise<never>,
    pages,

    partnerApp: async () => ((await send(PartnerAppDocument, {})) as PartnerAppQuery).partnerApp,

    partnerAccounts: async (variables) =>
      ((await send(PartnerAccountsDocument, withFirst(variables))) as PartnerAccountsQuery).partnerAccounts,
    partnerAccountsPages: (variables) => pages(PartnerAccountsDocument, withFirst(variables), (d) => d.partnerAccounts),
    allPartnerAccounts: (variables) => nodesOf(client.partnerAccountsPages(variables)),

    partnerReadings: async (variables) =>
      ((await send(PartnerReadingsDocument, withFirst(variables))) as PartnerReadingsQuery).partnerReadings,
    partnerReadingsPages: (variables) => pages(PartnerReadingsDocument, withFirst(variables), (d) => d.partnerReadings),
    allPartnerReadings: (variables) => nodesOf(client.partnerReadingsPages(variables)),

    partnerPayments: async (variables) =>
      ((await send(PartnerPaymentsDocument, withFirst(variables))) as PartnerPaymentsQuery).partnerPayments,
    partnerPaymentsPages: (variables) => pages(PartnerPaymentsDocument, withFirst(variables), (d) => d.partnerPayments),
    allPartnerPayments: (variables) => nodesOf(client.partnerPaymentsPages(variables)),

    upsertPersonalAccounts: ({ accounts, ...rest }) =>
      bulk(UpsertPersonalAccountsDocument, 'upsertPersonalAccounts', accounts, (chunk) => ({
        ...rest,
        accounts: chunk,
      })),
    setBalances: ({ balances, ...rest }) =>
      bulk(SetBalancesDocument, 'setBalances', balances, (chunk) => ({ ...rest, balances: chunk })),
    setTariffs: ({ accounts, ...rest }) =>
      bulk(SetTariffsDocument, 'setTariffs', accounts, (chunk) => ({ ...rest, accounts: chunk })),
    upsertCharges: ({ charges, ...rest }) =>
      bulk(UpsertChargesDocument, 'upsertCharges', charges, (chunk) => ({ ...rest, charges: chunk })),
    upsertMeters: ({ meters, ...rest }) =>
      bulk(UpsertMetersDocument, 'upsertMeters', meters, (chunk) => ({ ...rest, meters: chunk })),
    recordReadings: async ({ readings, idempotencyKey, ...rest }) => {
      const chunks = Math.ceil(readings.length / chunkSize);
      const keyOf = (chunk: number) => chunkKey(idempotencyKey, chunk);
      // Checked before anything is sent: a key that fits the first chunk but not the last would stop midway.
      if (chunks > 0) checkKey(idempotencyKey, chunks);
      return bulk(
        RecordReadingsDocument,
        'recordReadings',
        readings,
        (chunk, index) => ({ ...rest, readings: chunk, idempotencyKey: keyOf(index) }),
        keyOf,
      );
    },

    updateSupplierSettings: async (input) =>
      ((await send(UpdateSupplierSettingsDocument, { input })) as UpdateSupplierSettingsMutation)
        .updateSupplierSettings,
    updateReadingRules: async (input) =>
      ((await send(UpdateReadingRulesDocument, { input })) as UpdateReadingRulesMutation).updateReadingRules,
    answerSupportRequest: async (input) =>
      ((await send(AnswerSupportRequestDocument, { input })) as AnswerSupportRequestMutation).answerSupportRequest,
  };
  return client;
}

/** The idempotency key of one chunk of `recordReadings`: the caller's key, a hyphen, the chunk's number. */
export function chunkKey(idempotencyKey: string, chunk: number): string {
  return `${idempotencyKey}-${chunk}`;
}

function checkKey(idempotencyKey: string, chunks: number): void {
  const longest = chunkKey(idempotencyKey, chunks - 1).length;
  const room = IDEMPOTENCY_KEY_MAX_LENGTH - (longest - idempotencyKey.length);
  if (idempotencyKey.length < IDEMPOTENCY_KEY_MIN_LENGTH || longest > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new RangeError(
      `idempotencyKey must have ${IDEMPOTENCY_KEY_MIN_LENGTH} to ${room} characters for ${chunks} chunk(s) ` +
        `(each chunk is sent as <key>-<chunk>, at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters)`,
    );
  }
}

interface OperationInfo {
  kind: 'query' | 'mutation' | 'subscription';
  name: string | undefined;
  /** The root fields selected; undefined when they cannot be told (a fragment spread at the root). */
  rootFields: string[] | undefined;
}

interface AstDocument {
  kind: 'Document';
  definitions: ReadonlyArray<{
    kind: string;
    operation?: OperationInfo['kind'];
    name?: { value: string };
    selectionSet?: { selections: ReadonlyArray<{ kind: string; name?: { value: string } }> };
  }>;
  loc?: { source?: { body?: string } };
}

const isAst = (document: unknown): document is AstDocument =>
  typeof document === 'object' && document !== null && (document as { kind?: unknown }).kind === 'Document';

async function documentText(document: unknown): Promise<string> {
  if (!isAst(document)) return String(document);
  if (document.loc?.source?.body) return document.loc.source.body;
  // A parsed document without its source (codegen's AST mode): printed by graphql-js, which whoever made the AST
  // has installed (an optional peer dependency; the SDK's own documents are strings and never need it).
  const graphqlModule = 'graphql';
  const graphql = (await import(graphqlModule)) as { print: (ast: unknown) => string };
  return graphql.print(document);
}

function operationOf(document: unknown, text: string): OperationInfo {
  if (isAst(document)) {
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    const selections = operation?.selectionSet?.selections ?? [];
    return {
      kind: operation?.operation ?? 'query',
      name: operation?.name?.value,
      rootFields: selections.every((s) => s.kind === 'Field') ? selections.map((s) => s.name!.value) : undefined,
    };
  }
  return scanOperation(text);
}

/**
 * The first operation of a document's text, without a GraphQL parser: its kind, name and root fields. Comments and
 * strings are blanked, then names are read at brace depth 0 (the operation) and 1 (its root fields; an alias's
 * field is the name after the colon; arguments and directives are skipped).
 */
export function scanOperation(text: string): OperationInfo {
  const blanked = text.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n\r]*/g, ' ');
  const tokens = blanked.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|[{}():@$]/g) ?? [];
  let depth = 0;
  let parens = 0;
  let inFragment = false;
  let info: OperationInfo | undefined;
  let rootFields: string[] | undefined;
  let pendingName = false;
  let skipNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '(') parens++;
    else if (token === ')') parens--;
    if (parens > 0 || token === ')') continue;
    if (token === '{') {
      if (depth === 0 && !inFragment && !info) info = { kind: 'query', name: undefined, rootFields: undefined };
      if (depth === 0 && !inFragment) rootFields = [];
      depth++;
      pendingName = false;
      continue;
    }
    if (token === '}') {
      depth--;
      if (depth === 0) {
        if (inFragment) inFragment = false;
        else if (info) return { ...info, rootFields };
      }
      continue;
    }
    if (depth === 0) {
      if (token === 'fragment') inFragment = true;
      else if (!inFragment && !info && (token === 'query' || token === 'mutation' || token === 'subscription')) {
        info = { kind: token, name: undefined, rootFields: undefined };
        pendingName = true;
      } else if (pendingName && info && /^[A-Za-z_]/.test(token)) {
        info.name = token;
        pendingName = false;
      } else if (token === '@' || token === '$') pendingName = false;
      continue;
    }
    if (depth !== 1 || inFragment || !rootFields) continue;
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (token === '@') skipNext = true;
    else if (token === '...') rootFields = undefined;
    else if (token === ':') rootFields.pop();
    else if (/^[A-Za-z_]/.test(token)) rootFields.push(token);
  }
  return info ? { ...info, rootFields } : { kind: 'query', name: undefined, rootFields: undefined };
}

function parseJson(text: string): { data?: unknown; errors?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds or as an HTTP date, else the first error's `extensions.retryAfterSeconds`; ms. */
function retryAfterOf(header: string | null, errors: readonly GraphQLErrorJson[]): number | undefined {
  if (header !== null && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const fromBody = errors.find((e) => typeof e.extensions?.retryAfterSeconds === 'number')?.extensions
    ?.retryAfterSeconds as number | undefined;
  return fromBody === undefined ? undefined : fromBody * 1000;
}

/** The system error code under a fetch failure (undici wraps it: `TypeError: fetch failed` → `cause.code`). */
function connectionErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return message + cause;
}

function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
