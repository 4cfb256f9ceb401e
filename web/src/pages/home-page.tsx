// Home page: greeting and the three steps to start using the cabinet.
import { onMount, type Component } from 'solid-js';
import { A } from '@solidjs/router';
import { setPageTitle } from '../page-title';

export const HomePage: Component = () => {
  onMount(() => setPageTitle());

  return (
    <article class="prose">
      <h1>Уважаемый абонент!</h1>
      <p class="lead">Добро пожаловать в Личный кабинет поставщика услуг.</p>
      <p>
        Данный сервис предоставляет возможность работы с Вашими лицевыми счетами: просмотр информации по счетам и
        тарифам, передачу показаний оборудования, оплату лицевого счета, и прочие услуги.
      </p>

      <section class="card" aria-labelledby="start-heading">
        <h2 id="start-heading">Как начать работу</h2>
        <ol class="steps">
          <li>
            <A href="/register">Зарегистрируйтесь</A>: укажите адрес электронной почты — он станет Вашим логином — и
            придумайте пароль.
          </li>
          <li>
            Подтвердите адрес электронной почты: перейдите по ссылке из письма, которое придёт на указанную почту, а
            затем выполните <A href="/login">вход</A>.
          </li>
          <li>
            <A href="/accounts">Подключите лицевые счета</A>: выберите поставщика услуг и введите номер лицевого счёта
            из квитанции.
          </li>
        </ol>
      </section>

      <p>
        <A href="/suppliers">Посмотреть список поставщиков услуг</A>
      </p>
    </article>
  );
};
