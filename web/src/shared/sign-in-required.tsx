// Shown instead of a page that needs a logged-in abonent.
import type { Component } from 'solid-js';
import { A } from '@solidjs/router';

export const SignInRequired: Component = () => (
  <div class="notice-block">
    <p>
      <strong>Войдите в Личный кабинет</strong>, чтобы открыть этот раздел.
    </p>
    <p>
      <A href="/login">Вход</A> · <A href="/register">Регистрация</A>
    </p>
  </div>
);
