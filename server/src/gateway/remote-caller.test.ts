// The gateway's side of the caller lookup against a small stand-in for identity's two internal endpoints: it
// remembers sessions only while identity's session feed is heard, forgets what the feed names, and remembers
// nothing once the feed ends or where identity has none (the embedded database). The whole path, with real
// subgraph services, is in server/test/distributed.test.ts.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../core/tokens.js';
import { remoteCallerResolver, type RemoteCallerResolver } from './remote-caller.js';

const ABONENT = { kind: 'abonent', abonentId: 'a1', emailConfirmed: true } as const;

interface StandIn {
  url: string;
  lookups: number;
  /** Writes one event to every open feed. */
  send(event: string): void;
  /** Ends every open feed. */
  endFeeds(): void;
  feedsOpened: number;
  close(): Promise<void>;
}

async function standIn(options: { feed: boolean }): Promise<StandIn> {
  const feeds = new Set<http.ServerResponse>();
  const state = { lookups: 0, feedsOpened: 0 };
  const server = http.createServer((request, response) => {
    if (request.url === '/internal/caller') {
      state.lookups++;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          caller: ABONENT,
          session: { usedMsAgo: 0, idleExpiresInMs: 3_600_000, absoluteExpiresInMs: 86_400_000 },
        }),
      );
      return;
    }
    if (request.url === '/internal/sessions') {
      if (!options.feed) {
        response.statusCode = 404;
        response.end('{}');
        return;
      }
      state.feedsOpened++;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('event: listening\ndata:\n\n');
      feeds.add(response);
      response.on('close', () => feeds.delete(response));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get lookups() {
      return state.lookups;
    },
    get feedsOpened() {
      return state.feedsOpened;
    },
    send: (event) => {
      for (const feed of feeds) feed.write(event);
    },
    endFeeds: () => {
      for (const feed of feeds) feed.end();
    },
    close: async () => {
      for (const feed of feeds) feed.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const until = async (condition: () => boolean, what: string) => {
  for (const deadline = Date.now() + 5000; !condition();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

let identity: StandIn | undefined;
let callers: RemoteCallerResolver | undefined;
afterEach(async () => {
  callers?.close();
  await identity?.close();
  identity = callers = undefined;
});

describe("the gateway's caller lookup", () => {
  it('remembers a session while the feed is heard, and forgets an abonent the feed names', async () => {
    identity = await standIn({ feed: true });
    callers = remoteCallerResolver(identity.url, 'secret-0123456789abcdef-0123456789');
    // The first request starts the feed; until it is heard, nothing is remembered.
    expect(await callers({ sessionToken: 't1' })).toEqual(ABONENT);
    await until(() => callers!.sessions.isListening, 'the feed to be heard');
    await callers({ sessionToken: 't1' });
    const looked = identity.lookups;
    for (let i = 0; i < 5; i++) expect(await callers({ sessionToken: 't1' })).toEqual(ABONENT);
    expect(identity.lookups).toBe(looked);

    identity.send('data: a1\n\n');
    await until(() => callers!.sessions.get(hashToken('t1'), Date.now()) === undefined, 'the session to be forgotten');
    await callers({ sessionToken: 't1' });
    expect(identity.lookups).toBe(looked + 1);

    // The session's own mutation (a logout) forgets it at the gateway before the answer leaves.
    callers.forgetSession('t1');
    await callers({ sessionToken: 't1' });
    expect(identity.lookups).toBe(looked + 2);
  });

  it('remembers nothing once the feed ends, and again after it is heard anew', async () => {
    identity = await standIn({ feed: true });
    callers = remoteCallerResolver(identity.url, 'secret-0123456789abcdef-0123456789');
    await callers({ sessionToken: 't1' });
    await until(() => callers!.sessions.isListening, 'the feed to be heard');
    await callers({ sessionToken: 't1' });
    identity.endFeeds();
    await until(() => !callers!.sessions.isListening, 'the feed to end');
    const looked = identity.lookups;
    await callers({ sessionToken: 't1' });
    expect(identity.lookups).toBe(looked + 1);
    // It connects again by itself.
    await until(() => identity!.feedsOpened === 2 && callers!.sessions.isListening, 'the feed to be heard again');
    await callers({ sessionToken: 't1' });
    await callers({ sessionToken: 't1' });
    expect(identity.lookups).toBe(looked + 2);
  });

  it('asks every time where identity has no feed (the embedded database)', async () => {
    identity = await standIn({ feed: false });
    callers = remoteCallerResolver(identity.url, 'secret-0123456789abcdef-0123456789');
    for (let i = 0; i < 4; i++) expect(await callers({ sessionToken: 't1' })).toEqual(ABONENT);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await callers({ sessionToken: 't1' });
    expect(identity.lookups).toBe(5);
    expect(callers.sessions.isListening).toBe(false);
  });
});
