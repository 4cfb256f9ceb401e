// Distributed mode: the gateway (ours, or another router with Kabinet's plugin) asks identity who is calling, and
// remembers the answer for a session as identity's own session cache does, for as long as it hears identity's
// session feed (every abonent whose sessions end or change): a signed-in abonent's request then goes straight to
// the subgraphs, with no caller lookup in between.
import { ANONYMOUS, CALLER_HEADER, signCaller, type Caller, type Credentials } from '../core/caller.js';
import { serviceUnavailableError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { hashToken } from '../core/tokens.js';
import { SessionCache } from '../subgraphs/identity/session/session-cache.js';
import { SESSION_FEED_PATH } from '../subgraphs/identity/session/session-feed.js';
import type { CallerResolver } from './gateway.js';

/** How long to wait before connecting to the feed again after it ended or failed. */
const FEED_RETRY_MS = 1000;
/** Silence after which the feed counts as dead (identity writes a heartbeat every 15 s): a peer gone without a word. */
const FEED_SILENCE_MS = 40_000;

export interface RemoteCallerResolver extends CallerResolver {
  /** Forgets what it remembers of this session (after the session's own mutation: a logout, a confirmation). */
  forgetSession(sessionToken: string): void;
  /** Stops hearing the feed (the gateway's shutdown). */
  close(): void;
  /** What it remembers (tests). */
  readonly sessions: SessionCache;
}

interface LookupAnswer {
  caller: Caller;
  /** The session's times, relative to the moment identity answered. */
  session?: { usedMsAgo: number; idleExpiresInMs: number; absoluteExpiresInMs: number };
}

/**
 * Asks the identity service (`POST /internal/caller`, signed) who presented these credentials, remembering sessions
 * while identity's feed (`GET /internal/sessions`) is heard. Partner API keys are asked about every time.
 */
export function remoteCallerResolver(
  identityGraphQLUrl: string,
  secret: string,
  options: { log?: Logger; now?: () => number } = {},
): RemoteCallerResolver {
  const url = new URL('/internal/caller', identityGraphQLUrl);
  const now = options.now ?? Date.now;
  const sessions = new SessionCache();
  const feed = new SessionFeed(new URL(SESSION_FEED_PATH, identityGraphQLUrl), secret, sessions, options.log);
  const signed = () => signCaller({ caller: ANONYMOUS, requestId: 'caller', clientIp: '127.0.0.1' }, secret);
  const lookup = async (credentials: Credentials): Promise<LookupAnswer> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: signed() },
      body: JSON.stringify(credentials),
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 503) throw serviceUnavailableError();
    if (!response.ok) throw new Error(`identity answered ${response.status} to a caller lookup`);
    return (await response.json()) as LookupAnswer;
  };
  const resolve = async (credentials: Credentials): Promise<Caller> => {
    const token = credentials.apiKey === undefined ? credentials.sessionToken : undefined;
    if (token === undefined) return (await lookup(credentials)).caller;
    feed.start();
    const tokenHash = hashToken(token);
    const remembered = sessions.get(tokenHash, now());
    if (remembered) return remembered.caller;
    const mark = sessions.mark();
    const answer = await lookup(credentials);
    if (answer.session && answer.caller.kind === 'abonent') {
      const at = now();
      const { usedMsAgo, idleExpiresInMs, absoluteExpiresInMs } = answer.session;
      sessions.put(
        tokenHash,
        {
          caller: answer.caller,
          lastUsedAt: at - usedMsAgo,
          idleExpiresAt: at + idleExpiresInMs,
          absoluteExpiresAt: at + absoluteExpiresInMs,
        },
        mark,
      );
    }
    return answer.caller;
  };
  return Object.assign(resolve, {
    forgetSession: (sessionToken: string) => sessions.forgetToken(hashToken(sessionToken)),
    close: () => feed.close(),
    sessions,
  });
}

/**
 * The stream of identity's session changes, kept connected (once started) until closed. Heard, the cache listens;
 * the stream ended or failed, it forgets everything and remembers nothing until it is heard again.
 */
class SessionFeed {
  private started = false;
  private closed = false;
  private failing = false;
  private abort: AbortController | undefined;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: URL,
    private readonly secret: string,
    private readonly sessions: SessionCache,
    private readonly log: Logger | undefined,
  ) {}

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.abort?.abort();
    this.sessions.setListening(false);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const abort = (this.abort = new AbortController());
    const silence = setTimeout(() => abort.abort(), FEED_SILENCE_MS);
    silence.unref();
    try {
      const response = await fetch(this.url, {
        headers: {
          [CALLER_HEADER]: signCaller(
            { caller: ANONYMOUS, requestId: 'session-feed', clientIp: '127.0.0.1' },
            this.secret,
          ),
        },
        signal: abort.signal,
      });
      // The embedded database (or an identity service without the feed): never remember.
      if (response.status === 404) {
        clearTimeout(silence);
        await response.body?.cancel();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`identity answered ${response.status} to the session feed`);
      const decoder = new TextDecoder();
      let buffered = '';
      const reader = response.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        silence.refresh();
        buffered += decoder.decode(read.value, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          this.event(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
      }
    } catch (error) {
      // Once per outage, not once a second.
      if (!this.closed && !this.failing)
        this.log?.warn({ err: error }, 'session feed from identity failed; connecting again');
      this.failing = true;
    }
    clearTimeout(silence);
    this.sessions.setListening(false);
    if (this.closed) return;
    this.retry = setTimeout(() => void this.connect(), FEED_RETRY_MS);
    this.retry.unref();
  }

  private event(text: string): void {
    const lines = text.split('\n');
    if (lines.includes('event: listening')) {
      this.failing = false;
      return this.sessions.setListening(true);
    }
    for (const line of lines) if (line.startsWith('data: ')) this.sessions.forgetAbonent(line.slice(6));
  }
}
