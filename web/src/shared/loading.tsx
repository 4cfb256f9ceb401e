// «Загрузка…» while something is on its way.
import type { Component } from 'solid-js';

export const Loading: Component = () => (
  <p class="status" role="status" aria-busy="true">
    Загрузка…
  </p>
);
