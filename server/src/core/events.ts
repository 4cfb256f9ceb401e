// Events one subgraph publishes for others (through the job queue): their names and payloads are a contract.

/** A cabinet was deleted (by its owner, or unconfirmed past its deadline): drop everything tied to the abonent. */
export const ABONENT_DELETED = 'abonent.deleted';
export interface AbonentDeleted {
  abonentId: string;
  reason: string;
}
