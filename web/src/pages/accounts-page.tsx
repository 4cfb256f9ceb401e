// Personal accounts page: how linking a personal account works (the section itself comes later).
import { onMount, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { InDevelopmentNotice } from '../section-notice';
import { setPageTitle } from '../page-title';

export const AccountsPage: Component = () => {
  onMount(() => setPageTitle('Лицевые счета'));

  return (
    <article class="prose">
      <h1>Лицевые счета</h1>
      <p>
        Для подключения лицевого счёта к Вашему Личному кабинету необходимо выбрать{' '}
        <A href="/suppliers">поставщика услуг</A> и ввести номер Вашего лицевого счёта, указанный в квитанции.
      </p>
      <p class="hint">Лицевой счет должен содержать не более 10 цифр.</p>
      <p>
        Для добавления дополнительных лицевых счетов, Вам необходимо зайти в раздел <A href="/settings">«Настройки»</A>,
        далее нажать на кнопку «Подключение ЛС».
      </p>
      <InDevelopmentNotice />
    </article>
  );
};
