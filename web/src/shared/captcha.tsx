// «Защита от роботов»: the ALTCHA widget fed with a challenge from the API; it hands its payload to the form.
import {
  createEffect,
  createSignal,
  on,
  onCleanup,
  onMount,
  Show,
  untrack,
  type Accessor,
  type Component,
} from 'solid-js';
import { createQuery } from '@urql/solid';
import type { AltchaWidgetElement } from 'altcha';
import { graphql } from '../graphql';

const CaptchaChallengeQuery = graphql(`
  query Captcha_Challenge($login: String) {
    captchaChallenge(login: $login) {
      challenge
    }
  }
`);

/** The form's handle on its CAPTCHA: the payload to send, and a way to start over with a new challenge. */
export interface Captcha {
  /** The widget's payload (base64 JSON of `{ challenge, solution }`) once verified, else null. */
  payload: Accessor<string | null>;
  /** A solution is accepted once: after a submit that used it, fetch a new challenge and reset the widget. */
  renew(): void;
  setPayload(payload: string | null): void;
  generation: Accessor<number>;
}

export function createCaptcha(): Captcha {
  const [payload, setPayload] = createSignal<string | null>(null);
  const [generation, setGeneration] = createSignal(0);
  return {
    payload,
    setPayload,
    generation,
    renew() {
      setPayload(null);
      setGeneration((g) => g + 1);
    },
  };
}

/** The message shown when the form is sent before the check is done. */
export const CAPTCHA_NOT_DONE = 'Подтвердите, что Вы не робот: отметьте «Я не робот» и дождитесь надписи «Проверено».';

interface CaptchaFieldProps {
  id: string;
  captcha: Captcha;
  error?: string;
  /** The login form's e-mail: its challenge costs what that login needs now (more after failed attempts). */
  login?: string;
}

export const CaptchaField: Component<CaptchaFieldProps> = (props) => {
  // The e-mail as it was when the challenge was asked for: a new challenge comes with renew(), not on each keystroke.
  const [result, reexecute] = createQuery({
    query: CaptchaChallengeQuery,
    variables: () => ({ login: untrack(() => props.login) ?? null }),
    requestPolicy: 'network-only',
  });
  const [widget, setWidget] = createSignal<AltchaWidgetElement>();
  const [loadFailed, setLoadFailed] = createSignal(false);
  let container: HTMLDivElement | undefined;

  // renew(): a fresh challenge from the server (never the cached one).
  createEffect(
    on(
      () => props.captcha.generation(),
      () => reexecute({ requestPolicy: 'network-only' }),
      { defer: true },
    ),
  );

  // The widget's code is loaded only on pages that show it.
  const [loaded, setLoaded] = createSignal(false);
  onMount(() => {
    let disposed = false;
    onCleanup(() => {
      disposed = true;
    });
    import('./altcha-widget').then(() => !disposed && setLoaded(true)).catch(() => setLoadFailed(true));
  });

  // The widget is created once both its code and the first challenge are here (it never fetches one itself);
  // each later challenge goes to it, and it starts over unverified.
  createEffect(() => {
    const challenge = result.data?.captchaChallenge.challenge;
    if (!loaded() || !challenge || !container) return;
    const existing = untrack(widget);
    if (existing) {
      existing.setAttribute('challenge', challenge);
      existing.reset?.();
      props.captcha.setPayload(null);
      return;
    }
    const element = document.createElement('altcha-widget');
    element.setAttribute('challenge', challenge);
    element.setAttribute('language', 'ru');
    element.setAttribute('name', 'altcha');
    element.setAttribute('auto', 'off');
    element.addEventListener('statechange', (event) => {
      const detail = (event as CustomEvent<{ state: string; payload: string | null }>).detail;
      props.captcha.setPayload(detail.state === 'verified' && detail.payload ? detail.payload : null);
    });
    // The challenge is valid for 10 minutes; after that the widget needs a new one.
    element.addEventListener('expired', () => props.captcha.renew());
    container.append(element);
    setWidget(element);
  });

  const legendId = () => `${props.id}-legend`;
  const errorId = () => `${props.id}-error`;
  // An error stands for the payload it was given with: once the widget says «Проверено» with a new one, the error
  // is stale and goes, while the form's next check (or the server) may bring it back.
  const [errorPayload, setErrorPayload] = createSignal<string | null>(null);
  createEffect(
    on(
      () => props.error,
      () => setErrorPayload(untrack(() => props.captcha.payload())),
    ),
  );
  const error = () => {
    const current = props.captcha.payload();
    return current !== null && current !== errorPayload() ? undefined : props.error;
  };

  return (
    <fieldset
      id={props.id}
      class="field captcha"
      classList={{ 'has-error': Boolean(error()) }}
      aria-describedby={error() ? errorId() : undefined}
      aria-busy={result.fetching}
    >
      <legend id={legendId()} class="field-label">
        Защита от роботов
      </legend>
      <div ref={container} class="captcha-widget" />
      <Show when={!widget() && !loadFailed() && !result.error}>
        <p class="status">Загрузка проверки…</p>
      </Show>
      <Show when={(result.error && !result.fetching) || loadFailed()}>
        <div class="alert" role="alert">
          <p>Не удалось загрузить проверку «Защита от роботов». Проверьте подключение к интернету.</p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => (loadFailed() ? location.reload() : props.captcha.renew())}
          >
            Повторить
          </button>
        </div>
      </Show>
      <Show when={error()}>
        <p id={errorId()} class="field-error">
          {error()}
        </p>
      </Show>
    </fieldset>
  );
};
