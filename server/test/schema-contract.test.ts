// The committed contract in schema/ is exactly what the code emits, and any federation router can load it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import { emitSchemaFiles, SCHEMA_DIR } from '../src/schema/emit.js';

describe('schema/', () => {
  it('matches what the code emits (run `npm run schema` after changing the API)', async () => {
    const emitted = await emitSchemaFiles();
    expect([...emitted.keys()].sort()).toEqual([
      'accounts.graphql',
      'api.graphql',
      'api.html',
      'identity.graphql',
      'metering.graphql',
      'payments.graphql',
      'supergraph.graphql',
    ]);
    for (const [file, content] of emitted) {
      const committed = await readFile(path.join(SCHEMA_DIR, file), 'utf8').catch(() => '(missing)');
      expect(committed, `schema/${file} is stale: run \`npm run schema\``).toBe(content);
    }
  });

  it('holds a valid supergraph whose API schema is schema/api.graphql', async () => {
    const supergraph = Supergraph.build(await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));
    expect([...supergraph.subgraphs().names()].sort()).toEqual(['accounts', 'identity', 'metering', 'payments']);
    const api = await readFile(path.join(SCHEMA_DIR, 'api.graphql'), 'utf8');
    expect(api).toContain('suppliers: [Supplier!]!');
    expect(api).not.toMatch(/@join__|_entities|_service/);
  });
});
