// One of «Мои обращения» opened: the text sent, the additions and support's answers, and a form to add to it.
import { SUPPORT_TEXT_MAX, supportTextTooLong } from '@kabinet/common/support';
import { createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { createMutation, createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import type { SupportRequestStatus } from '../graphql/graphql';
import { createErrors, FieldShell, FormAlert, requestFailure, submitErrors, SubmitButton } from '../shared/forms';
import { formatDateTime } from '../shared/format';
import { RetryAlert } from '../shared/retry-alert';

const SupportThreadQuery = graphql(`
  query SupportThread_Request($number: Int!) {
    mySupportRequest(number: $number) {
      id
      number
      topic
      message
      status
      createdAt
      messages {
        id
        author
        text
        createdAt
      }
    }
  }
`);

const AddSupportMessageMutation = graphql(`
  mutation SupportThread_Add($input: AddSupportMessageInput!) {
    addSupportMessage(input: $input) {
      ok
      errors {
        field
        code
        message
      }
      supportRequest {
        id
        status
      }
    }
  }
`);

export const STATUS_NAMES: Record<SupportRequestStatus, string> = {
  NEW: 'Новое',
  IN_PROGRESS: 'Дополнено, ждёт ответа',
  ANSWERED: 'Есть ответ',
  WAITING_FOR_ABONENT: 'Ждём Вашего ответа',
  CLOSED: 'Закрыто',
};

const STATUS_NOTES: Partial<Record<SupportRequestStatus, string>> = {
  WAITING_FOR_ABONENT: 'Поддержка задала вопрос: ответьте ниже, чтобы мы могли продолжить.',
  CLOSED: 'Обращение закрыто. Если вопрос остался, напишите новое обращение.',
};

const TEXT_MAX = SUPPORT_TEXT_MAX;

export const SupportThread: Component<{ number: number; onChanged: () => void }> = (props) => {
  // Per-abonent data: always from the server.
  const [thread, refetch] = createQuery({
    query: SupportThreadQuery,
    variables: () => ({ number: props.number }),
    requestPolicy: 'network-only',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <section class="card support-thread" aria-labelledby="support-thread-heading" aria-busy={thread.fetching}>
      <Switch>
        <Match when={thread.fetching && !thread.data}>
          <p class="status">Загрузка…</p>
        </Match>
        <Match when={thread.error}>
          <RetryAlert message={requestFailure(thread.error)} onRetry={reload} />
        </Match>
        <Match when={thread.data && !thread.data.mySupportRequest}>
          <p role="alert">Обращение № {props.number} не найдено среди Ваших обращений.</p>
        </Match>
        <Match when={thread.data?.mySupportRequest}>
          {(request) => (
            <>
              <h3 id="support-thread-heading">
                Обращение № {request().number}: {request().topic}
              </h3>
              <p data-testid="support-thread-status">
                Статус: <strong>{STATUS_NAMES[request().status]}</strong>
              </p>
              <Show when={STATUS_NOTES[request().status]}>{(note) => <p class="hint">{note()}</p>}</Show>
              <ol class="support-messages">
                <li class="support-message" data-author="ABONENT">
                  <p class="support-message-meta">Вы, {formatDateTime(request().createdAt)}</p>
                  <p class="support-message-text">{request().message}</p>
                </li>
                <For each={request().messages}>
                  {(message) => (
                    <li class="support-message" data-author={message.author} data-testid="support-message">
                      <p class="support-message-meta">
                        {message.author === 'SUPPORT' ? 'Ответ поддержки' : 'Вы'}, {formatDateTime(message.createdAt)}
                      </p>
                      <p class="support-message-text">{message.text}</p>
                    </li>
                  )}
                </For>
              </ol>
              <Show when={request().status !== 'CLOSED'}>
                <AddMessageForm
                  number={request().number}
                  onAdded={() => {
                    void reload();
                    props.onChanged();
                  }}
                />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
};

const AddMessageForm: Component<{ number: number; onAdded: () => void }> = (props) => {
  const [, add] = createMutation(AddSupportMessageMutation);
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const { errors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    text: () => {
      const value = text().trim();
      if (!value) return 'Напишите текст сообщения.';
      return value.length > TEXT_MAX ? supportTextTooLong : undefined;
    },
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await add({ input: { number: props.number, text: text().trim() } });
    setBusy(false);
    const payload = result.data?.addSupportMessage;
    if (payload?.ok) {
      setText('');
      props.onAdded();
      return;
    }
    showErrors(submitErrors(payload, result.error, ['text']), form);
  };

  return (
    <form ref={form} class="form" novalidate onSubmit={(event) => void submit(event)}>
      <FormAlert messages={errors().form} />
      <FieldShell
        id="support-thread-text"
        label="Дополнить обращение"
        hint={`Осталось символов: ${TEXT_MAX - text().length} из ${TEXT_MAX}.`}
        error={errors().fields.text}
      >
        {(aria) => (
          <textarea
            id="support-thread-text"
            class="input textarea"
            rows={4}
            maxLength={TEXT_MAX}
            value={text()}
            onInput={(event) => {
              setText(event.currentTarget.value);
              recheck('text');
            }}
            aria-describedby={aria.describedBy()}
            aria-invalid={aria.invalid()}
          />
        )}
      </FieldShell>
      <div class="form-actions">
        <SubmitButton busy={busy()} label="Отправить" />
      </div>
    </form>
  );
};
