// The signed caller envelope: accepted only as the gateway signed it, and only for a short while.
import { describe, expect, it } from 'vitest';
import { signCaller, verifyCaller, type Caller } from './caller.js';

const secret = 'x'.repeat(40);
const abonent: Caller = { kind: 'abonent', abonentId: 'a1', emailConfirmed: true };

describe('caller envelope', () => {
  it('round-trips the caller and request id', () => {
    expect(
      verifyCaller(signCaller({ caller: abonent, requestId: 'req-1', clientIp: '10.0.0.1' }, secret), secret),
    ).toEqual({
      ok: true,
      caller: abonent,
      requestId: 'req-1',
      clientIp: '10.0.0.1',
    });
  });

  it('carries the subgraph that called for the caller, and only a known one', () => {
    const from = (origin: string) =>
      verifyCaller(signCaller({ caller: abonent, requestId: 'r', clientIp: '::1', origin } as never, secret), secret);
    expect(from('payments')).toMatchObject({ ok: true, origin: 'payments' });
    expect(from('billing')).toMatchObject({ ok: true, origin: undefined });
  });

  it('refuses a missing, malformed, tampered, foreign or stale envelope', () => {
    const header = signCaller({ caller: abonent, requestId: 'req-1', clientIp: '10.0.0.1' }, secret);
    const [body, signature] = header.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({
        caller: { ...abonent, abonentId: 'a2' },
        requestId: 'r',
        clientIp: '1.1.1.1',
        exp: Date.now() + 1e5,
      }),
    ).toString('base64url');
    expect(verifyCaller(undefined, secret)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyCaller('garbage', secret)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCaller(`${forged}.${signature}`, secret)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyCaller(`${body}.${signature}`, 'y'.repeat(40))).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyCaller(header, secret, Date.now() + 61_000)).toEqual({ ok: false, reason: 'expired' });
  });
});
