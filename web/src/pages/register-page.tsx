// Registration page: the registration rules (the registration form comes later).
import { onMount, type Component } from 'solid-js';
import { InDevelopmentNotice } from '../section-notice';
import { setPageTitle } from '../page-title';

export const RegisterPage: Component = () => {
  onMount(() => setPageTitle('Регистрация'));

  return (
    <article class="prose">
      <h1>Регистрация</h1>
      <p>
        При первичной регистрации в Личном кабинете клиента Вам необходимо указать адрес электронной почты. Он будет
        использован в Личном кабинете в качестве Вашего имени пользователя (логина) для доступа к услугам Личного
        кабинета.
      </p>
      <ul class="rules">
        <li>
          <strong>Логин</strong> — адрес электронной почты.
        </li>
        <li>
          <strong>Пароль</strong> — любая комбинация букв и цифр на английском языке, не менее 5 и не более 10 символов.
        </li>
      </ul>
      <p>
        После регистрации к Вам на указанную при регистрации почту будет отправлено письмо с подтверждением регистрации.
        Вам необходимо подтвердить регистрацию, перейдя по ссылке, указанной в письме.
      </p>
      <InDevelopmentNotice />
    </article>
  );
};
