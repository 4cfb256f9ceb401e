// «Мои обращения»: the abonent's support requests (number, date, topic, status); one opens below as a thread.
import { createEffect, For, Match, on, Show, Switch, type Component } from 'solid-js';
import { createQuery } from '@urql/solid';
import { useSearchParams } from '@solidjs/router';
import { graphql } from '../graphql';
import { requestFailure } from '../shared/forms';
import { formatDate } from '../shared/format';
import { RetryAlert } from '../shared/retry-alert';
import { STATUS_NAMES, SupportThread } from './support-thread';

const MySupportRequestsQuery = graphql(`
  query SupportPage_MyRequests {
    mySupportRequests {
      id
      number
      topic
      status
      createdAt
    }
  }
`);

export const MyRequests: Component<{ version: number }> = (props) => {
  // Per-abonent data: always from the server, never from another session's cache.
  const [requests, refetch] = createQuery({ query: MySupportRequestsQuery, requestPolicy: 'network-only' });
  // The request open below the list; an answer letter's link opens its request (?request=42).
  const [searchParams, setSearchParams] = useSearchParams<{ request?: string }>();
  const opened = () => {
    const number = Number(searchParams.request);
    return Number.isInteger(number) && number > 0 ? number : undefined;
  };
  const toggle = (number: number) =>
    setSearchParams({ request: opened() === number ? undefined : String(number) }, { replace: true });
  createEffect(
    on(
      () => props.version,
      () => refetch({ requestPolicy: 'network-only' }),
      { defer: true },
    ),
  );

  return (
    <section aria-labelledby="my-requests-heading" aria-busy={requests.fetching}>
      <h2 id="my-requests-heading">Мои обращения</h2>
      <Switch>
        <Match when={requests.fetching && !requests.data}>
          <p class="status">Загрузка…</p>
        </Match>
        <Match when={requests.error}>
          <RetryAlert
            message={requestFailure(requests.error)}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        </Match>
        <Match when={requests.data?.mySupportRequests.length === 0}>
          <p>Вы ещё не обращались в поддержку.</p>
        </Match>
        <Match when={requests.data?.mySupportRequests}>
          {(list) => (
            <table class="table support-requests">
              <thead>
                <tr>
                  <th scope="col">№</th>
                  <th scope="col">Дата</th>
                  <th scope="col">Тема</th>
                  <th scope="col">Статус</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(request) => (
                    <tr data-testid="support-request">
                      <td>{request.number}</td>
                      <td>{formatDate(request.createdAt)}</td>
                      <td>{request.topic}</td>
                      {/* The action sits under the status: a fifth column would push a phone's page past its edge. */}
                      <td>
                        <span class="support-request-status">{STATUS_NAMES[request.status]}</span>
                        <button
                          type="button"
                          class="button button-secondary support-request-open"
                          aria-expanded={opened() === request.number}
                          aria-controls="support-thread"
                          onClick={() => toggle(request.number)}
                        >
                          {opened() === request.number ? 'Скрыть' : 'Открыть'}
                          <span class="visually-hidden"> обращение № {request.number}</span>
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </Match>
      </Switch>
      <div id="support-thread">
        <Show when={opened()}>
          {(number) => <SupportThread number={number()} onChanged={() => refetch({ requestPolicy: 'network-only' })} />}
        </Show>
      </div>
    </section>
  );
};
