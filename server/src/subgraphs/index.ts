// Every subgraph Kabinet composes, in the order the supergraph lists them.
import type { SubgraphName } from '../core/config.js';
import { eventQueueName, type EventQueues } from '../core/queue.js';
import type { SubgraphDefinition } from '../core/subgraph.js';
import { accounts } from './accounts/index.js';
import { identity } from './identity/index.js';
import { metering } from './metering/index.js';
import { payments } from './payments/index.js';

export const SUBGRAPHS: Readonly<Record<SubgraphName, SubgraphDefinition<any>>> = {
  identity,
  accounts,
  metering,
  payments,
};

/** Which queues each event goes to: one per subgraph that consumes it. */
export const EVENT_QUEUES: EventQueues = Object.values(SUBGRAPHS).reduce<Record<string, string[]>>(
  (queues, definition) => {
    for (const event of definition.consumes ?? []) (queues[event] ??= []).push(eventQueueName(definition.name, event));
    return queues;
  },
  {},
);
