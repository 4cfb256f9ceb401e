// Who holds a session token, remembered for the minute between two touches of its idle expiry, so that a signed-in
// abonent's requests do not each start with a lookup statement. Safe only because every change that ends a session
// or changes what the caller carries is heard at once, in every process: triggers on identity's tables notify
// SESSIONS_CHANNEL at commit (Migration20261203000000NotifySessionChanges), whichever process or tool made the
// change, and this process's own changes forget at the call too. Without a listening connection (the embedded
// database, or PostgreSQL while that connection is down and until it is back) nothing is cached.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../core/caller.js';
import { afterCommit, type JobQueue } from '../../../core/queue.js';

/** The channel identity's triggers notify, with the abonent's id, when a session ends or the abonent changes. */
export const SESSIONS_CHANNEL = 'kabinet_sessions';

/** Touch a session's idle expiry at most this often; a remembered session is looked up again when one is due. */
export const TOUCH_EVERY_MS = 60_000;

/** Sessions remembered at most (the least recently used go first): about 300 bytes each. */
const DEFAULT_MAX_SESSIONS = 20_000;

export interface CachedSession {
  readonly caller: Extract<Caller, { kind: 'abonent' }>;
  /** Milliseconds since the epoch, by the app's clock. */
  readonly lastUsedAt: number;
  readonly idleExpiresAt: number;
  readonly absoluteExpiresAt: number;
}

/** What a session cache's subscribers hear: an abonent's sessions to forget, or whether the cache listens. */
export type SessionChange = { readonly abonentId: string } | { readonly listening: boolean };

export class SessionCache {
  private listening = false;
  private readonly subscribers = new Set<(change: SessionChange) => void>();
  /** Moves on at every forget, so a lookup that read the database before it cannot put back what it forgot. */
  private generation = 0;
  private readonly byToken = new Map<string, CachedSession>();
  private readonly byAbonent = new Map<string, Set<string>>();

  /** False where nothing can ever tell it of a change (the embedded database): it never remembers. */
  canListen = true;

  constructor(private readonly maxSessions = DEFAULT_MAX_SESSIONS) {}

  /** The remembered session of a token hash, while no touch is due and neither expiry has passed by `now`. */
  get(tokenHash: string, now: number): CachedSession | undefined {
    const session = this.byToken.get(tokenHash);
    if (!session) return undefined;
    if (
      !this.listening ||
      now - session.lastUsedAt > TOUCH_EVERY_MS ||
      now < session.lastUsedAt ||
      now >= session.idleExpiresAt ||
      now >= session.absoluteExpiresAt
    ) {
      // Looked up again: the touch is due, or the expiry may have moved on in another process.
      this.delete(tokenHash, session.caller.abonentId);
      return undefined;
    }
    // Most recently used last, so the oldest is first to go.
    this.byToken.delete(tokenHash);
    this.byToken.set(tokenHash, session);
    return session;
  }

  /** Taken before a lookup reads the database; `put` then keeps its answer only if nothing was forgotten since. */
  mark(): number {
    return this.generation;
  }

  put(tokenHash: string, session: CachedSession, mark: number): void {
    if (!this.listening || mark !== this.generation) return;
    this.delete(tokenHash, session.caller.abonentId);
    this.byToken.set(tokenHash, session);
    let tokens = this.byAbonent.get(session.caller.abonentId);
    if (!tokens) this.byAbonent.set(session.caller.abonentId, (tokens = new Set()));
    tokens.add(tokenHash);
    while (this.byToken.size > this.maxSessions) {
      const [oldest, dropped] = this.byToken.entries().next().value as [string, CachedSession];
      this.delete(oldest, dropped.caller.abonentId);
    }
  }

  /** Every remembered session of the abonent (one ended, all ended, the abonent confirmed or deleted). */
  forgetAbonent(abonentId: string): void {
    this.generation++;
    for (const subscriber of this.subscribers) subscriber({ abonentId });
    for (const tokenHash of this.byAbonent.get(abonentId) ?? []) this.byToken.delete(tokenHash);
    this.byAbonent.delete(abonentId);
  }

  /** One remembered session, by its token's hash (logout, or the session a login replaces). */
  forgetToken(tokenHash: string): void {
    this.generation++;
    const session = this.byToken.get(tokenHash);
    if (session) this.delete(tokenHash, session.caller.abonentId);
  }

  /** The listening connection came or went: what was remembered may have missed a notification. */
  setListening(listening: boolean): void {
    this.generation++;
    this.byToken.clear();
    this.byAbonent.clear();
    this.listening = listening;
    for (const subscriber of this.subscribers) subscriber({ listening });
  }

  /** Whether it remembers (and so hears every change) now. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Hears every forget by abonent and every change of listening (a gateway's feed, session-feed.ts). */
  subscribe(subscriber: (change: SessionChange) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.byToken.size;
  }

  private delete(tokenHash: string, abonentId: string): void {
    this.byToken.delete(tokenHash);
    const tokens = this.byAbonent.get(abonentId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byAbonent.delete(abonentId);
  }
}

const caches = new WeakMap<JobQueue, SessionCache>();

/**
 * The process's session cache: one per job queue, whose listening connection hears SESSIONS_CHANNEL. Never
 * listening (the embedded database), it remembers nothing.
 */
export function sessionCacheOf(queue: JobQueue): SessionCache {
  let cache = caches.get(queue);
  if (!cache) {
    const created = new SessionCache();
    caches.set(queue, created);
    created.canListen = queue.listenTo(SESSIONS_CHANNEL, {
      notify: (abonentId) => created.forgetAbonent(abonentId),
      reset: (listening) => created.setListening(listening),
    });
    cache = created;
  }
  return cache;
}

/**
 * This process forgets the abonent's sessions at once, and again when the transaction of `em` (if any) commits, so
 * that a lookup running meanwhile cannot keep what the change ends; the other processes hear it from the trigger.
 */
export function forgetSessionsOf(em: EntityManager, queue: JobQueue, abonentId: string): void {
  const cache = sessionCacheOf(queue);
  cache.forgetAbonent(abonentId);
  afterCommit(em, () => cache.forgetAbonent(abonentId));
}
