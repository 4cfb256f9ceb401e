// The operator the agreement and the consent name: its name, ИНН and address, as the server's configuration says.
import { Match, Switch, type Component } from 'solid-js';
import { createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import { requestFailure } from '../shared/forms';
import { RetryAlert } from '../shared/retry-alert';

const OperatorQuery = graphql(`
  query OperatorDetails_Operator {
    operator {
      name
      inn
      address
    }
  }
`);

export const OperatorDetails: Component = () => {
  const [operator, refetch] = createQuery({ query: OperatorQuery });
  return (
    <Switch>
      <Match when={operator.error}>
        <RetryAlert
          message={requestFailure(operator.error)}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        />
      </Match>
      <Match when={operator.data?.operator}>
        {(details) => (
          <p data-testid="operator-details">
            Оператор: <strong>{details().name}</strong>, ИНН {details().inn}, адрес: {details().address}.
          </p>
        )}
      </Match>
      <Match when={true}>
        <p class="status">Загрузка сведений об операторе…</p>
      </Match>
    </Switch>
  );
};
