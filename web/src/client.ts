// The GraphQL client the whole app shares (POST to /graphql, document cache).
import { cacheExchange, createClient, fetchExchange } from '@urql/solid';

// urql 6 sends queries as GET by default; the server's CSRF prevention rejects
// such requests without a preflight header, so every operation goes as a JSON POST.
export const client = createClient({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
});
