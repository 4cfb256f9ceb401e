// The welcome text of the seed document, shared by the home page and the confirmed registration.
import type { Component } from 'solid-js';
import { A } from '@solidjs/router';

/** «Данный сервис предоставляет возможность…» */
export const ServiceIntro: Component = () => (
  <p>
    Данный сервис предоставляет возможность работы с Вашими лицевыми счетами: просмотр информации по счетам и тарифам,
    передачу показаний оборудования, оплату лицевого счёта, и прочие услуги.
  </p>
);

/** For an abonent with no linked accounts yet: where to link them. */
export const ConnectAccountsPrompt: Component = () => (
  <p>
    Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета. Для получения инструкции
    по подключению лицевых счетов перейдите в раздел <A href="/accounts">Подключить ЛС</A>.
  </p>
);
