// Login page: how signing in works (the sign-in form comes later).
import { onMount, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { InDevelopmentNotice } from '../section-notice';
import { setPageTitle } from '../page-title';

export const LoginPage: Component = () => {
  onMount(() => setPageTitle('Вход'));

  return (
    <article class="prose">
      <h1>Вход</h1>
      <p>
        Для входа в Личный кабинет используйте адрес электронной почты, указанный при регистрации, — он служит Вашим
        именем пользователя (логином), — и пароль.
      </p>
      <p>
        Ещё нет учётной записи? <A href="/register">Зарегистрируйтесь</A>.
      </p>
      <InDevelopmentNotice />
    </article>
  );
};
