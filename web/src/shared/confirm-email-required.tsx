// Shown instead of a section that needs a confirmed e-mail (the API answers EMAIL_NOT_CONFIRMED until then).
import type { Component } from 'solid-js';
import { A } from '@solidjs/router';

export const ConfirmEmailRequired: Component = () => (
  <div class="notice-block">
    <p>
      <strong>Подтвердите адрес электронной почты</strong>, чтобы подключать лицевые счета и работать с ними: перейдите
      по ссылке из письма, которое пришло Вам после регистрации.
    </p>
    <p>
      <A href="/confirm-pending">Письмо не пришло? Выслать ссылку ещё раз</A>
    </p>
  </div>
);
