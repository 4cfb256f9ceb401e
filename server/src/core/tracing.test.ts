import { describe, expect, it } from 'vitest';
import { serviceNameOf, tracingEnabled, withoutLiterals, injectTraceContext, runJobInContext } from './tracing.js';

describe('tracing', () => {
  it('records SQL without its literals: quoted, escaped and dollar-quoted strings become ?', () => {
    expect(withoutLiterals(`select * from "identity"."abonent" where "email" = 'o''brien@example.ru' and n = 5`)).toBe(
      `select * from "identity"."abonent" where "email" = ? and n = 5`,
    );
    expect(withoutLiterals(`insert into t values (E'a\\nb', $x$Иванов$x$, $$x$$, $1)`)).toBe(
      'insert into t values (?, ?, ?, $1)',
    );
  });

  it('names each process after its entry point unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(serviceNameOf({}, ['node', '/app/server/src/main.ts'])).toBe('kabinet');
    expect(serviceNameOf({}, ['node', '/app/server/src/gateway-main.ts'])).toBe('kabinet-gateway');
    expect(serviceNameOf({}, ['node', '/app/server/src/subgraph-main.ts', 'metering'])).toBe('kabinet-metering');
    expect(serviceNameOf({ OTEL_SERVICE_NAME: 'lk-spb' }, ['node', 'main.ts'])).toBe('lk-spb');
  });

  it('is off without an endpoint: job data goes as it is, and comes back without the context key', async () => {
    expect(tracingEnabled()).toBe(false);
    const data = { to: 'x' };
    expect(injectTraceContext(data)).toBe(data);
    let seen: unknown;
    await runJobInContext('mail.send', { to: 'x', _traceContext: { traceparent: '00-1-2-01' } }, async (d) => {
      seen = d;
    });
    expect(seen).toEqual({ to: 'x' });
  });
});
