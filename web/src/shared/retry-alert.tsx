// A load that failed: what went wrong and a «Повторить» button that tries again.
import type { Component } from 'solid-js';

export const RetryAlert: Component<{ message: string; onRetry: () => void }> = (props) => (
  <div class="alert" role="alert">
    <p>{props.message}</p>
    <button type="button" class="button" onClick={() => props.onRetry()}>
      Повторить
    </button>
  </div>
);
