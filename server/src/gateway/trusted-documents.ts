// Trusted documents: the web client's operations, registered by hash at build time; browsers may send only those.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../core/caller.js';
import type { RequestContext } from '../core/context.js';
import { AppError, ErrorCode } from '../core/errors.js';

/** `require`: callers without an API key send trusted documents only; `allow`: anyone may send any document. */
export type TrustedDocumentsMode = 'require' | 'allow';

/** Manifest keys as codegen's client preset writes them (the GraphQL over HTTP persisted documents form). */
const MANIFEST_KEY = /^sha256:([0-9a-f]{64})$/;

const REFUSED = { http: { status: 400 } } as const;

/**
 * Reads codegen's persisted-documents.json: the SHA-256 (hex, as `persistedQuery.sha256Hash` carries it) of each
 * document mapped to its text. Fails at start on a missing or malformed file, or on an entry whose hash is not its
 * text's: the server would otherwise refuse the very client it serves.
 */
export async function loadTrustedDocuments(file: string): Promise<ReadonlyMap<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `The trusted documents manifest ${file} cannot be read (${(error as Error).message}): ` +
        'run `npm run codegen` or set TRUSTED_DOCUMENTS_MANIFEST',
      { cause: error },
    );
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new Error(`The trusted documents manifest ${file} is not JSON: run \`npm run codegen\``, { cause: error });
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new Error(`The trusted documents manifest ${file} must be an object of "sha256:<hash>": "<document>"`);
  }
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(manifest)) {
    const hash = MANIFEST_KEY.exec(key)?.[1];
    if (hash === undefined || typeof document !== 'string' || sha256(document) !== hash) {
      throw new Error(
        `The trusted documents manifest ${file} has an entry "${key}" that is not "sha256:<hash of its document>": ` +
          'run `npm run codegen`',
      );
    }
    documents.set(hash, document);
  }
  return documents;
}

/** The document and the persisted query hash a request carries, as Apollo Server will read them. */
interface RequestedDocument {
  query: unknown;
  hash: unknown;
}

/** A POST's JSON body, or a GET's search parameters (where `extensions` is JSON text). */
function requestedDocument(request: FastifyRequest): RequestedDocument {
  if (request.method === 'GET') {
    const search = (request.query ?? {}) as Record<string, unknown>;
    let extensions: unknown;
    try {
      extensions = typeof search.extensions === 'string' ? JSON.parse(search.extensions) : undefined;
    } catch {
      extensions = undefined; // Apollo Server refuses it as malformed.
    }
    return { query: search.query, hash: persistedHash(extensions) };
  }
  const body = (request.body ?? {}) as Record<string, unknown>;
  return { query: body.query, hash: persistedHash(body.extensions) };
}

function persistedHash(extensions: unknown): unknown {
  if (extensions === null || typeof extensions !== 'object') return undefined;
  const persisted: unknown = (extensions as Record<string, unknown>).persistedQuery;
  return persisted !== null && typeof persisted === 'object'
    ? (persisted as Record<string, unknown>).sha256Hash
    : undefined;
}

export interface TrustedDocuments {
  /**
   * In `require` mode refuses, before anything is parsed, what a caller without an API key (an abonent's session or
   * nobody: a browser) may not send: a document that is not a trusted one, or a hash of none. Partners keep
   * arbitrary documents, within their cost limits, and Apollo Server's automatic persisted queries.
   */
  check(request: FastifyRequest, caller: Caller): void;
  /** Resolves the hash of a trusted document to its text, so the web client sends hashes only (in either mode). */
  plugin: ApolloServerPlugin<RequestContext>;
}

export function trustedDocuments(documents: ReadonlyMap<string, string>, mode: TrustedDocumentsMode): TrustedDocuments {
  return {
    check(request, caller) {
      if (mode !== 'require' || caller.kind === 'partner') return;
      const { query, hash } = requestedDocument(request);
      if (query === undefined || query === null) {
        if (typeof hash === 'string' && !documents.has(hash)) refuse(request, unknownDocument());
      } else if (typeof query === 'string' && !documents.has(sha256(query))) {
        refuse(request, documentRequired());
      }
    },
    plugin: {
      async requestDidStart({ request }) {
        const hash = persistedHash(request.extensions);
        if (request.query !== undefined || typeof hash !== 'string') return;
        // Apollo Server reads the query after this hook; with the text in place its own check of the hash passes.
        const trusted = documents.get(hash);
        if (trusted !== undefined) request.query = trusted;
      },
    },
  };
}

function unknownDocument(): AppError {
  return new AppError(
    ErrorCode.PERSISTED_QUERY_UNKNOWN,
    'Сервер не знает этот запрос: вероятно, страница устарела. Обновите страницу и попробуйте ещё раз.',
    REFUSED,
  );
}

function documentRequired(): AppError {
  return new AppError(
    ErrorCode.PERSISTED_QUERY_REQUIRED,
    'Произвольные запросы принимаются только с API-ключом партнёра; веб-клиент отправляет лишь хеши своих ' +
      'зарегистрированных запросов (extensions.persistedQuery.sha256Hash).',
    REFUSED,
  );
}

/**
 * A refusal here answers before Apollo Server's request hooks run, so it is logged the way clientErrorLogPlugin
 * logs every other refused request: at warn, the code only.
 */
function refuse(request: FastifyRequest, error: AppError): never {
  request.log.warn({ refused: [{ code: error.extensions.code }] }, 'request refused');
  throw error;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
