// The practical limit: the dashboard as one prepared SQL statement through node-postgres, its JSON (built by
// PostgreSQL) passed through to the HTTP response untouched. Prints `ready <port>` when listening.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const QUERY = readFileSync(new URL('./raw-dashboard.sql', import.meta.url), 'utf8');
// json columns come back as text: nothing is parsed or serialised again in Node.
pg.types.setTypeParser(pg.types.builtins.JSON, (text) => text);

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_MAX ?? 10),
  application_name: 'bench-raw',
});

const server = http.createServer((request, response) => {
  const token = /kabinet_session=([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? '')?.[1] ?? '';
  request.resume();
  request.on('end', () => {
    const hash = createHash('sha256').update(token).digest('hex');
    pool.query<{ body: string }>({ name: 'dashboard', text: QUERY, values: [hash] }).then(
      ({ rows }) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(rows[0]!.body);
      },
      () => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end('{"errors":[{"message":"internal error"}]}');
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
