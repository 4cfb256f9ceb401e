// The GraphQL client the whole app shares (POST to /graphql, document cache, the session cookie sent along).
import { persistedExchange } from '@urql/exchange-persisted';
import { cacheExchange, createClient, fetchExchange } from '@urql/solid';
import { unavailableRetryExchange } from './unavailable-retry';

/**
 * The hash codegen gave the operation (`sha256:<hex>` in its manifest; Apollo Server's APQ takes the hex). A document
 * codegen did not see has none and goes as text, which a production server refuses: visibly, not silently.
 */
function documentHash(_query: string, document: object): Promise<string | null> {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return Promise.resolve(typeof hash === 'string' ? hash.replace(/^sha256:/, '') : null);
}

// urql 6 sends queries as GET by default; the server's CSRF prevention rejects
// such requests without a preflight header, so every operation goes as a JSON POST.
// The session is an HttpOnly cookie on this origin: `same-origin` sends it and accepts its updates.
// Every operation is a trusted document: the server knows it by its hash, and a built client sends nothing else
// (in production the server refuses other documents from browsers). The development server may fall back to the
// text when the server does not know a hash yet.
export const client = createClient({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    // A read answered 503 SERVICE_UNAVAILABLE (the database restarting) goes once more after a short pause.
    unavailableRetryExchange(),
    persistedExchange({
      generateHash: documentHash,
      enableForMutation: true,
      enforcePersistedQueries: import.meta.env.PROD,
      preferGetForPersistedQueries: false,
    }),
    fetchExchange,
  ],
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin' },
});

/** The `extensions.code` of the first GraphQL error in a result, e.g. `UNAUTHENTICATED`. */
export function errorCode(
  error: { graphQLErrors: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | undefined,
) {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
