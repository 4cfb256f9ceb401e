// A minimal HTTP client interface, so a caller runs over real sockets (fetch) or in-process (Fastify's inject):
// payment providers call their acquirer with it, and Kabinet calls the sandbox acquirer it serves itself.
import type { FastifyInstance } from 'fastify';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** The transport over the network, with a timeout. */
export function fetchTransport(timeoutMs = 10_000): HttpTransport {
  return async (request) => {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body: await response.text() };
  };
}

/** Requests to this process's own HTTP server, without a socket (the URL's origin is ignored). */
export function injectTransport(app: FastifyInstance): HttpTransport {
  return async (request) => {
    const url = new URL(request.url, 'http://localhost');
    const response = await app.inject({
      method: request.method,
      url: url.pathname + url.search,
      headers: request.headers,
      payload: request.body,
    });
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { status: response.statusCode, headers, body: response.body };
  };
}
