// What a page for abonents shows until it can show its own content: «Загрузка…», a session or data that failed to
// load, or what it takes (signing in, confirming the e-mail).
import {
  createEffect,
  Match,
  Show,
  Switch,
  type Accessor,
  type Component,
  type JSX,
  type ParentComponent,
} from 'solid-js';
import { errorCode } from './client';
import { ConfirmEmailRequired } from './confirm-email-required';
import { NETWORK_ERROR, requestFailure, type RequestError } from './forms';
import { Loading } from './loading';
import { RetryAlert } from './retry-alert';
import { currentAbonent, ensureSession, session, signedOut, type SessionAbonent } from './session';
import { SignInRequired } from './sign-in-required';

/** The children once the session is known, whoever the visitor turns out to be; «Загрузка…» until then. */
export const SessionKnown: ParentComponent = (props) => (
  <Show when={session().status !== 'loading'} fallback={<Loading />}>
    {props.children}
  </Show>
);

interface AbonentOnlyProps {
  /** Only an abonent with a confirmed e-mail gets the children; one without is told how to confirm it. */
  confirmed?: boolean;
  /** Shown above «sign in» or «confirm the e-mail» to whoever cannot have the children yet. */
  meanwhile?: JSX.Element;
  /** The page for the abonent (a function child is given the abonent). */
  children: JSX.Element | ((abonent: Accessor<SessionAbonent>) => JSX.Element);
}

/** Wraps a page that needs a signed-in abonent (the page calls `ensureSession()` on mount); anyone else is told what it takes. */
export const AbonentOnly: Component<AbonentOnlyProps> = (props) => {
  const admitted = () => {
    const abonent = currentAbonent();
    return abonent && (abonent.emailConfirmed || !props.confirmed) ? abonent : undefined;
  };
  return (
    <SessionKnown>
      <Switch>
        <Match when={session().status === 'error'}>
          <RetryAlert message={NETWORK_ERROR} onRetry={() => void ensureSession()} />
        </Match>
        <Match when={admitted()}>{props.children}</Match>
        <Match when={currentAbonent()}>
          {props.meanwhile}
          <ConfirmEmailRequired />
        </Match>
        <Match when={session().status === 'anonymous'}>
          {props.meanwhile}
          <SignInRequired />
        </Match>
      </Switch>
    </SessionKnown>
  );
};

/** A query's state as `createQuery` gives it. */
interface QueryState {
  fetching: boolean;
  data?: unknown;
  error?: RequestError;
}

/**
 * The children once a query of the abonent's own data has answered; until then «Загрузка…», and instead of them what
 * its failure takes: signing in (the session ended elsewhere, and the header follows), confirming the e-mail, or
 * trying again.
 */
export const AbonentData: ParentComponent<{ query: QueryState; onRetry: () => void }> = (props) => {
  const failure = () => errorCode(props.query.error);
  createEffect(() => {
    if (failure() === 'UNAUTHENTICATED') signedOut();
  });
  return (
    <Switch fallback={props.children}>
      <Match when={props.query.fetching && !props.query.data}>
        <Loading />
      </Match>
      <Match when={failure() === 'UNAUTHENTICATED'}>
        <SignInRequired />
      </Match>
      <Match when={failure() === 'EMAIL_NOT_CONFIRMED'}>
        <ConfirmEmailRequired />
      </Match>
      <Match when={props.query.error && !props.query.data && !props.query.fetching}>
        <RetryAlert message={requestFailure(props.query.error)} onRetry={props.onRetry} />
      </Match>
    </Switch>
  );
};
