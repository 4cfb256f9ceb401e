// PostGraphile 4 over Kabinet's tables, for the bench: `node server.cjs` after setup.sql was applied.
// Env: DATABASE_URL (required), PORT (default 5678), POOL_MAX (default 10). Prints `ready <port>` once it serves.
'use strict';

const http = require('node:http');
const { createHash } = require('node:crypto');
const pg = require('pg');
const { postgraphile } = require('postgraphile');

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 5678);
const poolMax = Number(process.env.POOL_MAX ?? 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT: not a port number (${process.env.PORT})`);
  process.exit(2);
}
if (!Number.isInteger(poolMax) || poolMax < 1) {
  console.error(`POOL_MAX: a whole number from 1 (${process.env.POOL_MAX})`);
  process.exit(2);
}

const SESSION_COOKIE = 'kabinet_session';
// What the gateway accepts as a session token (server/src/core/session-cookie.ts).
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** The SHA-256 hex of the session cookie's token, as identity.session.token_hash holds it; '' without a valid one. */
function sessionHash(cookieHeader) {
  if (!cookieHeader) return '';
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return TOKEN_SHAPE.test(value) ? createHash('sha256').update(value, 'utf8').digest('hex') : '';
  }
  return '';
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
pool.on('error', (error) => console.error('idle pg client error:', error.message));

const middleware = postgraphile(pool, ['accounts', 'metering', 'payments', 'bench_pgl'], {
  graphqlRoute: '/graphql',
  graphiql: false,
  enhanceGraphiql: false,
  watchPg: false,
  disableQueryLog: true,
  enableQueryBatching: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  retryOnInitFail: false,
  // The bench only reads; no CRUD mutations keeps the schema (and its build) smaller.
  disableDefaultMutations: true,
  legacyRelations: 'omit',
  showErrorStack: false,
  extendedErrors: [],
  pgSettings: (req) => ({ 'bench.session_hash': sessionHash(req.headers.cookie) }),
});

const server = http.createServer(middleware);
server.keepAliveTimeout = 65_000;

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections?.();
  const force = setTimeout(() => {
    server.closeAllConnections?.();
  }, 2000);
  force.unref();
  try {
    await middleware.release(); // PostGraphile's own shutdown (it does not end a pool it was handed)
    await pool.end();
  } catch (error) {
    console.error(`stopping on ${signal}:`, error);
    process.exitCode = 1;
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

// Serve only once the schema is built (introspection done), so `ready` means the first request is answered at once.
middleware
  .getGraphQLSchema()
  .then(() => {
    server.listen(port, '127.0.0.1', () => {
      process.stdout.write(`ready ${server.address().port}\n`);
    });
  })
  .catch((error) => {
    console.error('building the PostGraphile schema failed:', error);
    process.exit(1);
  });
