// Settings page: password change and linking more personal accounts (the section itself comes later).
import { onMount, type Component } from 'solid-js';
import { InDevelopmentNotice } from '../section-notice';
import { setPageTitle } from '../page-title';

export const SettingsPage: Component = () => {
  onMount(() => setPageTitle('Настройки'));

  return (
    <article class="prose">
      <h1>Настройки</h1>
      <p>В этом разделе можно сменить пароль и подключить дополнительные лицевые счета.</p>

      <h2>Смена пароля</h2>
      <p>
        Паролем может использоваться любая комбинация букв и цифр на английском языке, количество символов не менее 5,
        не более 10.
      </p>

      <h2>Подключение ЛС</h2>
      <p>
        Для добавления дополнительных лицевых счетов нажмите на кнопку «Подключение ЛС», выберите поставщика услуг и
        введите номер лицевого счёта, указанный в квитанции.
      </p>
      <p class="hint">Лицевой счет должен содержать не более 10 цифр.</p>

      <InDevelopmentNotice />
    </article>
  );
};
