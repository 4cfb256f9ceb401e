// The honest "this section is not ready yet" note shown on unfinished sections.
import type { Component } from 'solid-js';

export const InDevelopmentNotice: Component = () => (
  <p class="notice" role="note">
    Этот раздел ещё в разработке.
  </p>
);
