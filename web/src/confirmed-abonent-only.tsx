// Wraps a page that needs a signed-in abonent with a confirmed e-mail; anyone else is told what it takes.
import { Match, Switch, type ParentComponent } from 'solid-js';
import { ConfirmEmailRequired } from './confirm-email-required';
import { NETWORK_ERROR } from './forms';
import { RetryAlert } from './retry-alert';
import { currentAbonent, ensureSession, session } from './session';
import { SignInRequired } from './sign-in-required';

/** The children for a signed-in abonent with a confirmed e-mail (the page calls `ensureSession()` on mount). */
export const ConfirmedAbonentOnly: ParentComponent = (props) => (
  <Switch>
    <Match when={session().status === 'loading'}>
      <p class="status" role="status" aria-busy="true">
        Загрузка…
      </p>
    </Match>
    <Match when={session().status === 'error'}>
      <RetryAlert message={NETWORK_ERROR} onRetry={() => void ensureSession()} />
    </Match>
    <Match when={currentAbonent()?.emailConfirmed}>{props.children}</Match>
    <Match when={currentAbonent()}>
      <ConfirmEmailRequired />
    </Match>
    <Match when={session().status === 'anonymous'}>
      <SignInRequired />
    </Match>
  </Switch>
);
