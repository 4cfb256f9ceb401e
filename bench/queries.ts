// The operations the scenarios send, shared with the benchmark's own test (server/test/bench.test.ts).

/** The dashboard of the issue: every account with its supplier, balance, meters' last readings and payments. */
export const DASHBOARD = `{ me { accounts { number supplier { name } balance { kopecks asOf }
  meters { serialNumber lastReading { value period submittedAt } } payments(last: 5) { id amount status createdAt } } } }`;

export const PARTNER_READINGS = `query ($after: String) { partnerReadings(first: 1000, after: $after) {
  nodes { id accountNumber serialNumber meterId zone value period submittedAt source current consumption }
  pageInfo { hasNextPage endCursor } } }`;

export const SUBMIT_READINGS = `mutation ($input: SubmitReadingsInput!) {
  submitReadings(input: $input) { ok errors { code } results { status code } } }`;

export const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ok errors { code } } }`;
