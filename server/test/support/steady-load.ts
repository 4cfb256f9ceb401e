// A steady stream of requests, the way a load balancer sends them, kept up through a process's shutdown: every
// request is recorded with its answer or the error that ended it (a reset, a refused connection, a hang-up).
import http from 'node:http';

/** One kind of request the streams send in turn, with what a good answer is. */
export interface LoadRequest {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  /** Undefined when the answer is what a client wants; otherwise what is wrong with it. */
  check(status: number, body: string): string | undefined;
}

export interface LoadResult {
  readonly stream: string;
  /** What the test had marked (`SteadyLoad.mark`) when the request was sent. */
  readonly phase: string;
  readonly request: string;
  /** Set when the request got no answer: the socket error (ECONNRESET, ECONNREFUSED, …). */
  readonly error?: string;
  readonly status?: number;
  /** The answer's `Connection` header. */
  readonly connection?: string;
  /** Set when the answer was not what `check` wants. */
  readonly wrong?: string;
}

export interface SteadyLoad {
  /** Labels the requests sent from now on (their `phase`). */
  mark(phase: string): void;
  /** Resolves once every stream has had `count` requests answered (or failed) that were sent in `phase`. */
  completed(phase: string, count: number): Promise<void>;
  /** Sends no new request, waits for those under way, and returns everything recorded. */
  stop(): Promise<LoadReport>;
}

export interface LoadReport {
  readonly results: readonly LoadResult[];
  /** Every request that got no answer or a wrong one, described for a failure message. */
  readonly failures: readonly string[];
  /** TCP connections each keep-alive stream opened. */
  readonly keepAliveConnections: Readonly<Record<string, number>>;
}

/**
 * Starts `keepAlive` streams that each reuse one keep-alive connection (opening a new one when the server closes
 * it) and `fresh` streams that open a new connection for every request; each sends one request after another,
 * going through `requests` in turn, until stopped.
 */
export function startSteadyLoad(
  baseUrl: string,
  requests: readonly LoadRequest[],
  streams: { keepAlive: number; fresh: number },
): SteadyLoad {
  const { hostname, port } = new URL(baseUrl);
  const results: LoadResult[] = [];
  const connections: Record<string, Set<unknown>> = {};
  const waiters: Array<{ phase: string; count: number; resolve: () => void }> = [];
  const names = [
    ...Array.from({ length: streams.keepAlive }, (_, i) => `keep-alive-${i + 1}`),
    ...Array.from({ length: streams.fresh }, (_, i) => `fresh-${i + 1}`),
  ];
  let phase = 'start';
  let stopped = false;

  const settle = () => {
    for (const waiter of [...waiters]) {
      const done = names.every(
        (stream) => results.filter((r) => r.stream === stream && r.phase === waiter.phase).length >= waiter.count,
      );
      if (done) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const run = async (stream: string) => {
    const keepAlive = stream.startsWith('keep-alive');
    const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : false;
    connections[stream] = new Set();
    try {
      for (let n = 0; !stopped; n++) {
        const request = requests[n % requests.length]!;
        const sentIn = phase;
        try {
          const answer = await send(agent, request, (socket) => connections[stream]!.add(socket));
          const wrong = request.check(answer.status, answer.body);
          results.push({
            stream,
            phase: sentIn,
            request: request.name,
            status: answer.status,
            connection: answer.connection,
            ...(wrong ? { wrong } : {}),
          });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          results.push({ stream, phase: sentIn, request: request.name, error: code ?? String(error) });
        }
        settle();
      }
    } finally {
      if (agent) agent.destroy();
    }
  };

  const send = (
    agent: http.Agent | false,
    request: LoadRequest,
    onSocket: (socket: unknown) => void,
  ): Promise<{ status: number; connection?: string; body: string }> =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(
        {
          host: hostname,
          port,
          method: request.method,
          path: request.path,
          agent,
          headers: request.body ? { 'content-type': 'application/json' } : {},
        },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }),
          );
        },
      );
      outgoing.on('socket', onSocket);
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });

  const running = names.map((stream) => run(stream));
  return {
    mark(next) {
      phase = next;
    },
    completed(inPhase, count) {
      return new Promise((resolve) => {
        waiters.push({ phase: inPhase, count, resolve });
        settle();
      });
    },
    async stop() {
      stopped = true;
      await Promise.all(running);
      const failures = results
        .filter((r) => r.error !== undefined || r.wrong !== undefined)
        .map((r) => `${r.stream} ${r.request} sent in ${r.phase}: ${r.error ?? `${r.status} ${r.wrong}`}`);
      const keepAliveConnections = Object.fromEntries(
        Object.entries(connections)
          .filter(([stream]) => stream.startsWith('keep-alive'))
          .map(([stream, sockets]) => [stream, sockets.size]),
      );
      return { results, failures, keepAliveConnections };
    },
  };
}

/** GET /healthz: 200 `{"status":"ok"}`. */
export const HEALTHZ: LoadRequest = {
  name: 'GET /healthz',
  method: 'GET',
  path: '/healthz',
  check: (status, body) => (status === 200 && body.includes('"ok"') ? undefined : body.slice(0, 200)),
};

/** A small GraphQL query that reads the database: every supplier's code. */
export const SUPPLIERS: LoadRequest = {
  name: 'query suppliers',
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query: '{ suppliers { code } }' }),
  check: (status, body) => {
    if (status !== 200) return body.slice(0, 200);
    const parsed = JSON.parse(body) as { data?: { suppliers?: unknown[] }; errors?: unknown[] };
    return parsed.errors === undefined && parsed.data?.suppliers?.length === 11 ? undefined : body.slice(0, 200);
  },
};

/** One GET on a connection of its own (closed after the answer). */
export function getOnce(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.get(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
  });
}
