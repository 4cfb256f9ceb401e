// Placeholder root for the metering subgraph's resolvers: type-graphql needs one resolver class per schema.
import { Resolver } from 'type-graphql';

/** Has no fields yet: the metering subgraph owns meters and meter readings, which later issues add. */
@Resolver()
export class MeteringResolver {}
