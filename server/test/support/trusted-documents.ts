// The web client's trusted documents (codegen's manifest), for tests that act as the built client does: by hash.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST_PATH = path.resolve(import.meta.dirname, '../../../web/src/graphql/persisted-documents.json');

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Record<string, string>;

/** Every trusted document's text. */
export const TRUSTED_DOCUMENTS: readonly string[] = Object.values(manifest);

/** The hex SHA-256 and the text of the web client's operation `name` (e.g. `Session_Me`). */
export function trustedDocument(name: string): { hash: string; text: string } {
  // The operation may follow the fragments it spreads.
  const operation = new RegExp(`(^|\\s)(query|mutation) ${name}\\b`);
  const entry = Object.entries(manifest).find(([, text]) => operation.test(text));
  if (!entry) throw new Error(`no trusted document ${name} in ${MANIFEST_PATH}`);
  return { hash: entry[0].replace(/^sha256:/, ''), text: entry[1] };
}

/** The request body the built web client sends for operation `name`: its hash and variables, no document. */
export function byHash(name: string, variables?: Record<string, unknown>): Record<string, unknown> {
  return { variables, extensions: { persistedQuery: { version: 1, sha256Hash: trustedDocument(name).hash } } };
}
