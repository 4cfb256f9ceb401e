// «Поддержка»: a request to technical support (a CAPTCHA unless logged in with a confirmed e-mail) and the abonent's own requests.
import { SUPPORT_TEXT_MAX, supportTextTooLong } from '@kabinet/common/support';
import { createEffect, createSignal, For, onMount, Show, type Component } from 'solid-js';
import { createMutation } from '@urql/solid';
import { SessionKnown } from '../shared/abonent-only';
import { graphql } from '../graphql';
import { CAPTCHA_NOT_DONE, CaptchaField, createCaptcha } from '../shared/captcha';
import {
  createErrors,
  emailProblem,
  FieldShell,
  FormAlert,
  submitErrors,
  SubmitButton,
  TextField,
} from '../shared/forms';
import { setPageTitle } from '../shared/page-title';
import { currentAbonent, ensureSession } from '../shared/session';
import { MyRequests } from './my-requests';

const CreateSupportRequestMutation = graphql(`
  mutation SupportPage_CreateRequest($input: CreateSupportRequestInput!) {
    createSupportRequest(input: $input) {
      ok
      errors {
        field
        code
        message
      }
      supportRequest {
        id
        number
        topic
        status
        contactEmail
        createdAt
      }
    }
  }
`);

const TOPICS = ['Регистрация и вход', 'Лицевые счета', 'Показания счётчиков', 'Оплата', 'Другое'];
const MESSAGE_MAX = SUPPORT_TEXT_MAX;
const FIELDS = ['topic', 'message', 'contactEmail', 'captcha'];

export const SupportPage: Component = () => {
  onMount(() => {
    setPageTitle('Поддержка');
    void ensureSession();
  });
  const confirmed = () => currentAbonent()?.emailConfirmed === true;
  // Each new request refreshes «Мои обращения».
  const [created, setCreated] = createSignal(0);

  return (
    <article class="prose">
      <h1>Поддержка</h1>
      <p>
        При возникновении дополнительных вопросов пользуйтесь подсказками внутри Личного кабинета. Подсказки доступны по
        наведению мышкой на интересующий Вас раздел.
      </p>
      <p>В случае необходимости обращения в техническую поддержку Личного кабинета, Вы можете заполнить форму ниже.</p>
      <SessionKnown>
        <SupportForm onCreated={() => setCreated((n) => n + 1)} />
        <Show when={confirmed()}>
          <MyRequests version={created()} />
        </Show>
      </SessionKnown>
    </article>
  );
};

const SupportForm: Component<{ onCreated: () => void }> = (props) => {
  const captcha = createCaptcha();
  const [, createRequest] = createMutation(CreateSupportRequestMutation);
  const [topic, setTopic] = createSignal('');
  const [message, setMessage] = createSignal('');
  const [contactEmail, setContactEmail] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [accepted, setAccepted] = createSignal<{ id: string; number: number; contactEmail: string }>();
  let form: HTMLFormElement | undefined;
  let successBox: HTMLDivElement | undefined;

  // Only a confirmed e-mail spares the CAPTCHA, as the server decides.
  const vouched = () => currentAbonent()?.emailConfirmed === true;
  // The address for the answer starts as the login, while the person has not typed another.
  let emailTouched = false;
  createEffect(() => {
    const email = currentAbonent()?.email;
    if (email && !emailTouched) setContactEmail(email);
  });

  const { errors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    topic: () => (topic() ? undefined : 'Выберите тему обращения.'),
    message: () => {
      const text = message().trim();
      if (!text) return 'Опишите Ваш вопрос.';
      return text.length > MESSAGE_MAX ? supportTextTooLong : undefined;
    },
    contactEmail: () => emailProblem(contactEmail()),
    captcha: () => (vouched() || captcha.payload() ? undefined : CAPTCHA_NOT_DONE),
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const sentCaptcha = vouched() ? null : captcha.payload();
    const result = await createRequest({
      input: { topic: topic(), message: message().trim(), contactEmail: contactEmail().trim(), captcha: sentCaptcha },
    });
    setBusy(false);
    const payload = result.data?.createSupportRequest;
    if (payload?.ok && payload.supportRequest) {
      setAccepted({
        id: payload.supportRequest.id,
        number: payload.supportRequest.number,
        contactEmail: payload.supportRequest.contactEmail,
      });
      setTopic('');
      setMessage('');
      props.onCreated();
      successBox?.focus();
      return;
    }
    const sorted = submitErrors(payload, result.error, FIELDS);
    // A solution the server checked is used up.
    if (sentCaptcha && (sorted.fields.captcha || !payload)) captcha.renew();
    showErrors(sorted, form);
  };

  const remaining = () => MESSAGE_MAX - message().length;

  return (
    <section aria-labelledby="support-form-heading">
      <h2 id="support-form-heading">Обращение в поддержку</h2>
      <Show
        when={accepted()}
        fallback={
          <form ref={form} class="form card" novalidate onSubmit={(event) => void submit(event)}>
            <FormAlert messages={errors().form} />
            <FieldShell id="support-topic" label="Тема обращения" error={errors().fields.topic}>
              {(aria) => (
                <select
                  id="support-topic"
                  class="input"
                  required
                  value={topic()}
                  onChange={(event) => {
                    setTopic(event.currentTarget.value);
                    recheck('topic');
                  }}
                  aria-describedby={aria.describedBy()}
                  aria-invalid={aria.invalid()}
                >
                  <option value="">— Выберите тему —</option>
                  <For each={TOPICS}>{(name) => <option value={name}>{name}</option>}</For>
                </select>
              )}
            </FieldShell>
            <FieldShell
              id="support-message"
              label="Сообщение"
              hint={`Осталось символов: ${remaining()} из ${MESSAGE_MAX}.`}
              error={errors().fields.message}
            >
              {(aria) => (
                <textarea
                  id="support-message"
                  class="input textarea"
                  rows={8}
                  required
                  maxLength={MESSAGE_MAX}
                  value={message()}
                  onInput={(event) => {
                    setMessage(event.currentTarget.value);
                    recheck('message');
                  }}
                  aria-describedby={aria.describedBy()}
                  aria-invalid={aria.invalid()}
                />
              )}
            </FieldShell>
            <TextField
              id="support-contact-email"
              label="Адрес электронной почты для ответа"
              type="email"
              autocomplete="email"
              value={contactEmail()}
              onInput={(value) => {
                emailTouched = true;
                setContactEmail(value);
                recheck('contactEmail');
              }}
              error={errors().fields.contactEmail}
              maxLength={254}
            />
            <Show when={!vouched()}>
              <CaptchaField id="support-captcha" captcha={captcha} error={errors().fields.captcha} />
            </Show>
            <div class="form-actions">
              <SubmitButton busy={busy()} label="Отправить" />
            </div>
          </form>
        }
      >
        {(request) => (
          <div ref={successBox} class="success" role="status" tabindex="-1">
            <p>
              Обращение № {request().number} принято. Ответ придёт на {request().contactEmail}.
            </p>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setAccepted(undefined);
                captcha.renew();
              }}
            >
              Написать ещё одно обращение
            </button>
          </div>
        )}
      </Show>
    </section>
  );
};
