// Support page: where to find help; the support request form comes later.
import { onMount, type Component } from 'solid-js';
import { InDevelopmentNotice } from '../section-notice';
import { setPageTitle } from '../page-title';

export const SupportPage: Component = () => {
  onMount(() => setPageTitle('Поддержка'));

  return (
    <article class="prose">
      <h1>Поддержка</h1>
      <p>
        При возникновении дополнительных вопросов пользуйтесь подсказками внутри Личного кабинета. Подсказки доступны по
        наведению мышкой на интересующий Вас раздел.
      </p>
      <p>
        В случае необходимости обращения в техническую поддержку Личного кабинета, Вы можете заполнить соответствующую
        форму. Форма обращения скоро появится на этой странице.
      </p>
      <InDevelopmentNotice />
    </article>
  );
};
