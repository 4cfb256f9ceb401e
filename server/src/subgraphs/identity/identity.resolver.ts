// Placeholder root for the identity subgraph's resolvers: type-graphql needs one resolver class per schema.
import { Resolver } from 'type-graphql';

/** Has no fields yet: the identity subgraph owns abonents, their sessions and partner apps, which later issues add. */
@Resolver()
export class IdentityResolver {}
