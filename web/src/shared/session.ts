// Who is logged in, shared by the header and the pages: asked from `me`, updated on login and logout.
import { createSignal } from 'solid-js';
import { client, errorCode } from './client';
import { graphql } from '../graphql';
import type { Session_MeQuery } from '../graphql/graphql';

const MeQuery = graphql(`
  query Session_Me {
    me {
      id
      email
      emailConfirmed
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Session_Logout {
    logout
  }
`);

export type SessionAbonent = Omit<Session_MeQuery['me'], '__typename'>;

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'abonent'; abonent: SessionAbonent }
  | { status: 'error' };

/**
 * The session cookie is HttpOnly, so the page cannot see whether there is one. This flag in localStorage
 * remembers that this browser logged in, so that visitors who never did are not asked about `me` on every
 * page; pages that need to know for sure call `ensureSession()`, which always asks the server once.
 */
const SIGNED_IN_HINT = 'kabinet.signed-in';

function hinted(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
}

function setHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // storage unavailable (private mode): pages still ask the server when they need to
  }
}

const [state, setState] = createSignal<SessionState>(hinted() ? { status: 'loading' } : { status: 'anonymous' });
/** Whether the current state came from the server (not just from the absence of the hint). */
let answered = false;
let inflight: Promise<SessionState> | undefined;

/** The current session state (reactive). */
export const session = state;

/** The logged-in abonent, or undefined (reactive). */
export function currentAbonent(): SessionAbonent | undefined {
  const current = state();
  return current.status === 'abonent' ? current.abonent : undefined;
}

/** Asks the server who is logged in (one request at a time) and updates the state. */
export function refreshSession(): Promise<SessionState> {
  inflight ??= load().finally(() => {
    inflight = undefined;
  });
  return inflight;
}

/** The server's answer about the session: the one already known, or a fresh one. */
export function ensureSession(): Promise<SessionState> {
  if (answered && state().status !== 'error') return Promise.resolve(state());
  return refreshSession();
}

/** Called once by the layout: asks the server only when this browser has logged in before. */
export function startSession(): void {
  if (hinted()) void refreshSession();
  // Another tab logged in or out: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key === SIGNED_IN_HINT) void refreshSession();
  });
}

/** After a successful login (or anything else that returns the abonent). */
export function signedIn(abonent: SessionAbonent): void {
  answered = true;
  setHint(true);
  setState({
    status: 'abonent',
    abonent: { id: abonent.id, email: abonent.email, emailConfirmed: abonent.emailConfirmed },
  });
}

/** After the server ended the session (logout, password reset, deleted cabinet). */
export function signedOut(): void {
  answered = true;
  setHint(false);
  setState({ status: 'anonymous' });
}

/** Ends the session on the server; resolves false when the server could not be reached. */
export async function logout(): Promise<boolean> {
  const result = await client.mutation(LogoutMutation, {}).toPromise();
  // An expired session answers UNAUTHENTICATED: the abonent is logged out all the same.
  if (result.data?.logout || errorCode(result.error) === 'UNAUTHENTICATED') {
    signedOut();
    return true;
  }
  return false;
}

async function load(): Promise<SessionState> {
  const result = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.data?.me) {
    signedIn(result.data.me);
  } else if (errorCode(result.error) === 'UNAUTHENTICATED') {
    signedOut();
  } else {
    setState({ status: 'error' });
  }
  return state();
}
