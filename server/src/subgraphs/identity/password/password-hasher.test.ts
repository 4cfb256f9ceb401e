// Password hashes take turns: with one at a time and one waiting, a login that finds both taken is refused at once
// with SERVER_BUSY (HTTP 429, Retry-After), the waiting one is let in when the turn frees, and later ones go through.
// The hash in progress is held by the test through the same turns, so the order does not depend on timing.
import { describe, expect, it, vi } from 'vitest';
import { registeredAbonent } from '../../../../test/support/abonents.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { inHashingTurn, passwordHashingLoad, SERVER_BUSY_MESSAGE } from './password-hasher.js';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { ok errors { code } } }';

describe('password hashing turns', () => {
  const { app } = useTestKabinet({ PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '1' });

  it('refuses a login with SERVER_BUSY when the turn and the line are taken, and lets the others in', async () => {
    const { email, password } = await registeredAbonent(app);
    const input = { input: { email, password } };
    let release!: () => void;
    const held = inHashingTurn(() => new Promise<void>((resolve) => (release = resolve)));
    await vi.waitFor(() => expect(passwordHashingLoad()).toEqual({ running: 1, waiting: 0 }));

    const waiting = app.browser().graphql(LOGIN, input);
    await vi.waitFor(() => expect(passwordHashingLoad()).toEqual({ running: 1, waiting: 1 }));

    const refused = await app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: LOGIN, variables: input }),
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toEqual({
      data: null,
      errors: [
        {
          message: SERVER_BUSY_MESSAGE,
          path: ['login'],
          extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 1 },
        },
      ],
    });

    release();
    await held;
    expect((await waiting).body.data).toEqual({ login: { ok: true, errors: [] } });
    expect((await app.browser().graphql(LOGIN, input)).body.data).toEqual({ login: { ok: true, errors: [] } });
    expect(passwordHashingLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
