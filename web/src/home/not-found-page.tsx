// Not-found page for any URL that matches no route.
import { onMount, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { setPageTitle } from '../shared/page-title';

export const NotFoundPage: Component = () => {
  onMount(() => setPageTitle('Страница не найдена'));

  return (
    <article class="prose">
      <h1>Страница не найдена</h1>
      <p>Возможно, адрес набран с ошибкой или страница была перемещена.</p>
      <p>
        <A href="/">Перейти на главную страницу</A>
      </p>
    </article>
  );
};
