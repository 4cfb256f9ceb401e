// Suppliers page: the public catalog of gas suppliers loaded from the API.
import { For, Show, onMount, type Component } from 'solid-js';
import { createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import type { SuppliersPage_SuppliersQuery } from '../graphql/graphql';
import { errorCode } from '../shared/client';
import { requestFailure } from '../shared/forms';
import { Loading } from '../shared/loading';
import { setPageTitle } from '../shared/page-title';
import { RetryAlert } from '../shared/retry-alert';

const SuppliersQuery = graphql(`
  query SuppliersPage_Suppliers {
    suppliers {
      id
      code
      name
      region
      legalName
      inn
    }
  }
`);

type Supplier = SuppliersPage_SuppliersQuery['suppliers'][number];

export const SuppliersPage: Component = () => {
  onMount(() => setPageTitle('Поставщики'));
  const [result, reexecute] = createQuery({ query: SuppliersQuery });
  const retry = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <section class="prose" aria-labelledby="suppliers-heading" aria-busy={result.fetching}>
      <h1 id="suppliers-heading">Поставщики услуг</h1>
      <p>Поставщики газа, абоненты которых могут пользоваться Личным кабинетом.</p>

      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>

      <Show when={result.error && !result.fetching}>
        <RetryAlert
          message={
            // A brief outage says so (the client has already tried once more on its own).
            errorCode(result.error) === 'SERVICE_UNAVAILABLE'
              ? requestFailure(result.error)
              : 'Не удалось загрузить список поставщиков. Проверьте подключение к интернету и попробуйте ещё раз.'
          }
          onRetry={retry}
        />
      </Show>

      <Show when={result.data}>
        {(data) => (
          <Show when={data().suppliers.length > 0} fallback={<p>Список поставщиков пока пуст.</p>}>
            <ul class="supplier-list">
              <For each={data().suppliers}>{(supplier) => <SupplierItem supplier={supplier} />}</For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
};

const SupplierItem: Component<{ supplier: Supplier }> = (props) => (
  <li class="supplier" data-testid="supplier">
    <h2 class="supplier-name">{props.supplier.name}</h2>
    <p class="supplier-region">{props.supplier.region}</p>
    <Show when={props.supplier.legalName || props.supplier.inn}>
      <p class="supplier-legal">
        <Show when={props.supplier.legalName}>
          <span>{props.supplier.legalName}</span>
        </Show>
        <Show when={props.supplier.inn}>
          <span class="supplier-inn">ИНН {props.supplier.inn}</span>
        </Show>
      </p>
    </Show>
  </li>
);
