// Personal account numbers as people and billing systems write them: every subgraph that takes one reads it alike.

/** Spaces, dashes and dots copied from a receipt («7 0 2 0 6 2 0 1 2») are not part of the number. */
export function normalizeAccountNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\-.]/g, '');
}
