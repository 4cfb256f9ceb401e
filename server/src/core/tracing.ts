// Traces (OpenTelemetry), on only when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set:
// the Node tracing SDK exports over OTLP/HTTP, and the official instrumentations follow a request where they fit
// an ESM service: incoming HTTP (Fastify and every Kabinet server run on node:http), fetch (undici: the gateway's
// subgraph requests, carrying `traceparent` to the next process) and pg (each SQL statement, when it belongs to a
// trace). Kabinet adds the GraphQL operation (`traceExecution`) and the queue's jobs, whose trace context travels in
// the job enqueued in the request's transaction (`injectTraceContext`, `runJobInContext`; the operation's span is
// gateway/traced-execution.ts). Off, nothing is loaded or
// patched and every helper here is a no-op. This module imports nothing that loads node:http or pg before the
// instrumentations are registered.
//
// No span attribute carries personal data or secrets: query strings are reduced to their parameter names, headers
// and GraphQL variables are never recorded, SQL is recorded as its text with placeholders (never its values), and
// an operation's name is recorded only when the web client has it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';

/** The tracer Kabinet's own spans come from. */
export const TRACER = 'kabinet';

/** Where a job's trace context rides in its data (removed before the handler sees the data). */
export const TRACE_CONTEXT_KEY = '_traceContext';

/** Paths whose requests start no trace: probes and scrapes, which arrive every few seconds. */
const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

let shutdown: (() => Promise<void>) | undefined;

export function tracingEnabled(): boolean {
  return shutdown !== undefined;
}

/**
 * The service name of this process: OTEL_SERVICE_NAME, else from the entry point (`kabinet` for `npm start`,
 * `kabinet-gateway`, `kabinet-<subgraph>` for a subgraph service).
 */
export function serviceNameOf(env: NodeJS.ProcessEnv, argv: readonly string[]): string {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const entry = path.basename(argv[1] ?? '', path.extname(argv[1] ?? ''));
  if (entry === 'gateway-main') return 'kabinet-gateway';
  if (entry === 'subgraph-main' && argv[2]) return `kabinet-${argv[2]}`;
  return 'kabinet';
}

/**
 * Starts tracing when an OTLP endpoint is configured; must run before Fastify and pg are loaded (the instrumentations
 * patch them as they load), which is why entry points import `tracing-start.js` first. Returns whether it started.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): boolean {
  if (shutdown || !(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) return false;
  // Loaded only when on: an untraced process does not pay for the SDK's modules.
  const require = createRequire(import.meta.url);
  const { NodeTracerProvider } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } =
    require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceNameOf(env, argv) }),
    // Endpoint, headers, batch delay and size follow the standard OTEL_* variables.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // W3C trace context (traceparent) in and out: the default propagator.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!),
        // Nothing Kabinet sends over node:http needs a span of its own (fetch is undici's); nodemailer uses sockets.
        ignoreOutgoingRequestHook: () => true,
        // Applied after the instrumentation's own attributes: the query string keeps only its parameter names.
        startIncomingSpanHook: (request) => ({ 'url.query': namesOnly((request as { url?: string }).url) }),
      }),
      new UndiciInstrumentation(),
      // Only statements of a traced request or job: the queue's sweep every few seconds starts no trace.
      new PgInstrumentation({
        requireParentSpan: true,
        enhancedDatabaseReporting: false,
        // The ORM sends some statements with their values written in (an e-mail in a login's lookup): the text is
        // recorded with every literal replaced by `?`.
        requestHook: (span, { query }) => {
          const text = withoutLiterals(query.text);
          span.setAttribute('db.query.text', text);
          span.setAttribute('db.statement', text);
        },
      }),
    ],
  });
  shutdown = () => provider.shutdown();
  return true;
}

/** Sends what is still buffered and stops; at the end of a graceful shutdown. */
export async function stopTracing(): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  await stop?.();
}

/** SQL with every string literal (`'…'`, `E'…'`, `$tag$…$tag$`) replaced by `?`. */
export function withoutLiterals(sql: string): string {
  return sql.replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$|[Ee]?'(?:[^']|'')*'/g, '?');
}

/** `a=1&token=x` → `a&token`: which parameters a request had, never their values (tokens, e-mails). */
function namesOnly(url: string | undefined): string | undefined {
  const search = url?.split('?')[1];
  if (!search) return undefined;
  return [...new URLSearchParams(search).keys()].join('&');
}

/** The job's data with the current trace context added (when tracing and inside a trace). */
export function injectTraceContext<T extends object>(data: T): T {
  if (!tracingEnabled()) return data;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { ...data, [TRACE_CONTEXT_KEY]: carrier } : data;
}

/**
 * Runs a job's handler as a span (`job <queue>`) in the trace of the request that enqueued it, with the job's data
 * as the handler expects it (the trace context taken out).
 */
export async function runJobInContext<T>(
  queue: string,
  data: unknown,
  handle: (data: T) => Promise<void>,
): Promise<void> {
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  const carrier = record?.[TRACE_CONTEXT_KEY] as Record<string, string> | undefined;
  const plain = carrier ? withoutKey(record!, TRACE_CONTEXT_KEY) : data;
  if (!tracingEnabled()) return handle(plain as T);
  const parent: Context = carrier ? propagation.extract(context.active(), carrier) : context.active();
  return trace
    .getTracer(TRACER)
    .startActiveSpan(
      `job ${queue}`,
      { kind: SpanKind.CONSUMER, attributes: { 'messaging.destination.name': queue } },
      parent,
      async (span) => {
        try {
          await handle(plain as T);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}
