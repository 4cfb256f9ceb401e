// An OTLP/HTTP trace receiver for tests: what Kabinet's processes export when OTEL_EXPORTER_OTLP_ENDPOINT points here.
import { createServer, type Server } from 'node:http';
import { freePort } from '../../src/core/database.js';

export interface OtlpReceiver {
  readonly url: string;
  /** Every span received so far, in arrival order. */
  readonly spans: ReceivedSpan[];
  /** Each request body as it came: for checks on everything sent. */
  readonly raw: string[];
  close(): Promise<void>;
}

/** A span as OTLP/HTTP JSON carries it, with its service. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP trace receiver (JSON, as the exporter sends by default): keeps every span it is sent. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const raw: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        raw.push(body);
        const payload = JSON.parse(body) as {
          resourceSpans: Array<{
            resource: { attributes: Array<{ key: string; value: Record<string, unknown> }> };
            scopeSpans: Array<{ spans: Array<Record<string, unknown>> }>;
          }>;
        };
        for (const resource of payload.resourceSpans) {
          const service = String(
            Object.values(resource.resource.attributes.find((a) => a.key === 'service.name')?.value ?? {})[0],
          );
          for (const scope of resource.scopeSpans) {
            for (const span of scope.spans) {
              const attributes = Object.fromEntries(
                ((span.attributes as Array<{ key: string; value: Record<string, unknown> }>) ?? []).map((a) => [
                  a.key,
                  Object.values(a.value)[0],
                ]),
              );
              spans.push({
                service,
                traceId: String(span.traceId),
                spanId: String(span.spanId),
                parentSpanId:
                  typeof span.parentSpanId === 'string' && span.parentSpanId ? span.parentSpanId : undefined,
                name: String(span.name),
                kind: Number(span.kind),
                attributes,
              });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    raw,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
