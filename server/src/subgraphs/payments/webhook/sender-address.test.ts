// Who sent an acquirer's notification: the client the gateway resolved (signed), never an X-Forwarded-For.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, CALLER_HEADER, signCaller } from '../../../core/caller.js';
import { senderAddress } from './webhook.route.js';

const SECRET = 'w'.repeat(32);

async function seen(headers: Record<string, string>): Promise<string> {
  const app = Fastify();
  app.post('/payments/webhooks/yookassa', async (request) => ({ sender: senderAddress(request, SECRET) }));
  const response = await app.inject({
    method: 'POST',
    url: '/payments/webhooks/yookassa',
    remoteAddress: '10.0.0.5',
    headers,
    payload: {},
  });
  await app.close();
  return response.json().sender;
}

const envelope = (clientIp: string, secret = SECRET) =>
  signCaller({ caller: ANONYMOUS, requestId: 'webhook-test', clientIp }, secret);

describe('senderAddress', () => {
  it('is the client named in the gateway’s signed envelope', async () => {
    expect(await seen({ [CALLER_HEADER]: envelope('185.71.76.10') })).toBe('185.71.76.10');
  });

  it('is the peer when there is no envelope, whatever X-Forwarded-For says', async () => {
    expect(await seen({ 'x-forwarded-for': '185.71.76.10' })).toBe('10.0.0.5');
  });

  it('is the peer when the envelope is signed with another secret', async () => {
    expect(await seen({ [CALLER_HEADER]: envelope('185.71.76.10', 'x'.repeat(32)) })).toBe('10.0.0.5');
  });
});
