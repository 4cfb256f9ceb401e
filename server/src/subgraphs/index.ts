// Every subgraph Kabinet composes, in the order the supergraph lists them.
import type { SubgraphName } from '../core/config.js';
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
