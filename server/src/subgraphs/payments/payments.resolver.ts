// Placeholder root for the payments subgraph's resolvers: type-graphql needs one resolver class per schema.
import { Resolver } from 'type-graphql';

/** Has no fields yet: the payments subgraph owns payments and their receipts, which later issues add. */
@Resolver()
export class PaymentsResolver {}
