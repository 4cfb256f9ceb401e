// «Настройки» → «Удалить Личный кабинет»: confirmed with the password; the cabinet and its data are deleted.
import { createSignal, type Component } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { graphql } from '../graphql';
import { createErrors, FormAlert, submitErrors, SubmitButton, TextField } from '../shared/forms';
import { signedOut } from '../shared/session';

const DeleteCabinetMutation = graphql(`
  mutation SettingsPage_DeleteCabinet($password: String!) {
    deleteCabinet(password: $password) {
      ok
      errors {
        field
        code
        message
      }
    }
  }
`);

export const DeleteCabinetSection: Component = () => {
  const navigate = useNavigate();
  const [, deleteCabinet] = createMutation(DeleteCabinetMutation);
  const [password, setPassword] = createSignal('');
  const { errors, showErrors, passesChecks, clearErrors } = createErrors({
    password: () => (password() ? undefined : 'Укажите пароль, чтобы подтвердить удаление.'),
  });
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await deleteCabinet({ password: password() });
    setBusy(false);
    const payload = result.data?.deleteCabinet;
    if (payload?.ok) {
      signedOut();
      navigate('/', {
        state: { notice: 'Ваш Личный кабинет удалён вместе со всеми данными. Сеанс входа завершён.' },
      });
      return;
    }
    showErrors(submitErrors(payload, result.error, ['password']), form);
  };

  return (
    <section aria-labelledby="delete-cabinet-heading">
      <h2 id="delete-cabinet-heading">Удалить Личный кабинет</h2>
      <p>
        Личный кабинет будет удалён без возможности восстановления: подключённые лицевые счета, история показаний и
        обращений в поддержку. Это также отзывает согласие на обработку персональных данных.
      </p>
      <form ref={form} class="form card danger-zone" novalidate onSubmit={(event) => void submit(event)}>
        <FormAlert messages={errors().form} />
        <TextField
          id="delete-password"
          label="Пароль для подтверждения"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={errors().fields.password}
        />
        <div class="form-actions">
          <SubmitButton busy={busy()} label="Удалить Личный кабинет" busyLabel="Удаляем…" class="button-danger" />
        </div>
      </form>
    </section>
  );
};
