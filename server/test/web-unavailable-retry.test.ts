// The web client's one retry of a read answered 503 SERVICE_UNAVAILABLE (web/src/shared/unavailable-retry.ts),
// driven through a real urql client whose fetch answers as the gateway does during a database restart.
import { Client, fetchExchange, gql } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { unavailableRetryExchange } from '../../web/src/shared/unavailable-retry.js';

const MESSAGE = 'Сервис ненадолго недоступен. Повторите попытку через несколько секунд.';
const UNAVAILABLE = {
  errors: [{ message: MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } }],
};

/** A server that answers each request with the next of `answers` (status and body), counting what it got. */
function server(answers: Array<[number, unknown]>) {
  const requests: string[] = [];
  const fetch = (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(typeof init?.body === 'string' ? init.body : '');
    const [status, body] = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...(status === 503 ? { 'retry-after': '2' } : {}) },
      }),
    );
  };
  const client = new Client({
    url: 'http://kabinet.test/graphql',
    exchanges: [unavailableRetryExchange(5), fetchExchange],
    fetch,
    preferGetMethod: false,
  });
  return { client, requests };
}

const SUPPLIERS = gql`
  query Suppliers {
    suppliers {
      code
    }
  }
`;
const LOGOUT = gql`
  mutation Logout {
    logout
  }
`;

describe('the web client during a brief outage', () => {
  it('sends a read answered SERVICE_UNAVAILABLE once more, and shows its data when that succeeds', async () => {
    const { client, requests } = server([
      [503, UNAVAILABLE],
      [200, { data: { suppliers: [{ code: 'spb' }] } }],
    ]);
    const result = await client.query(SUPPLIERS, {}).toPromise();
    expect(requests).toHaveLength(2);
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ suppliers: [{ code: 'spb' }] });
  });

  it('retries a read only once: a second SERVICE_UNAVAILABLE reaches the page with the server’s message', async () => {
    const { client, requests } = server([[503, UNAVAILABLE]]);
    const result = await client.query(SUPPLIERS, {}).toPromise();
    expect(requests).toHaveLength(2);
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(result.error?.graphQLErrors[0]?.message).toBe(MESSAGE);
  });

  it('never sends a mutation again on its own', async () => {
    const { client, requests } = server([
      [503, UNAVAILABLE],
      [200, { data: { logout: true } }],
    ]);
    const result = await client.mutation(LOGOUT, {}).toPromise();
    expect(requests).toHaveLength(1);
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('does not retry other failures (a bug is not a blip)', async () => {
    const { client, requests } = server([
      [500, { errors: [{ message: 'Внутренняя ошибка', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }],
      [200, { data: { suppliers: [] } }],
    ]);
    const result = await client.query(SUPPLIERS, {}).toPromise();
    expect(requests).toHaveLength(1);
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
