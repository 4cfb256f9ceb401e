// The GraphQL client the whole app shares (POST to /graphql, document cache, the session cookie sent along).
import { cacheExchange, createClient, fetchExchange } from '@urql/solid';

// urql 6 sends queries as GET by default; the server's CSRF prevention rejects
// such requests without a preflight header, so every operation goes as a JSON POST.
// The session is an HttpOnly cookie on this origin: `same-origin` sends it and accepts its updates.
export const client = createClient({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
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
