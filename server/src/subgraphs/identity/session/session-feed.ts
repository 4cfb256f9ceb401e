// Distributed mode: the identity service tells each gateway, as a stream of server-sent events, every abonent whose
// sessions its session cache forgets, so that a gateway may remember callers too and skip the caller lookup. The
// stream says `listening` first, and ends whenever identity's own cache stops listening (its listening connection
// dropped): the gateway then forgets everything and connects again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionCache } from './session-cache.js';

export const SESSION_FEED_PATH = '/internal/sessions';

/** A comment line every so often, so that a dead peer or a proxy's idle timeout shows up. */
const HEARTBEAT_MS = 15_000;

/** Serves the feed; `authorized` checks the gateway's signed header and answers 401 itself when it fails. */
export function registerSessionFeed(
  http: FastifyInstance,
  cache: SessionCache,
  authorized: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  const streams = new Set<() => void>();
  // Before the server waits for requests in flight to finish: a feed never finishes by itself.
  http.addHook('preClose', (done) => {
    for (const end of [...streams]) end();
    done();
  });
  http.get(SESSION_FEED_PATH, (request, reply) => {
    if (!authorized(request, reply)) return reply;
    if (!cache.canListen) {
      // The embedded database: nothing here ever hears a change, so no gateway may remember.
      return reply.code(404).send({ error: 'no session changes are heard here' });
    }
    if (!cache.isListening) return reply.code(503).header('retry-after', '1').send({ error: 'not listening yet' });
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    raw.write('event: listening\ndata:\n\n');
    const heartbeat = setInterval(() => raw.write(':\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(end);
      raw.end();
    };
    const unsubscribe = cache.subscribe((change) => {
      if ('abonentId' in change) raw.write(`data: ${change.abonentId}\n\n`);
      else end();
    });
    streams.add(end);
    raw.on('close', end);
    return reply;
  });
}
