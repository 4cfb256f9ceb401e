// @kabinet/partner-sdk: a typed client of Kabinet's partner API (see sdk/README.md). Besides the client: every
// generated type (inputs, enums, each operation's result and variables) and the typed documents themselves
// (`PartnerAccountsDocument`, …) for `client.request`, from ./graphql/graphql.ts.
export * from './client.js';
export * from './graphql/graphql.js';
