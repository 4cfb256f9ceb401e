// The committed web/src/graphql (typed documents and the trusted documents manifest) and sdk/src/graphql (the partner
// SDK's typed documents) are what codegen makes of the operations today: an operation added without
// `npm run codegen` fails here, not in a browser or at a partner.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/processes.js';

const GENERATED = 'web/src/graphql/';
const SDK_GENERATED = 'sdk/src/graphql/';
const MANIFEST = `${GENERATED}persisted-documents.json`;

/** What `npm run codegen` would write, in memory; `extraDocuments` adds document files to the web target's. */
async function codegen(extraDocuments: string[] = []): Promise<Map<string, string>> {
  const { config } = await loadCodegenConfig({ configFilePath: path.join(ROOT, 'codegen.yml') });
  const generates = config.generates as Record<string, Types.ConfiguredOutput>;
  const web = generates[GENERATED]!;
  const documents = [...(web.documents as string[]), ...extraDocuments];
  const outputs = (await generate(
    { ...config, generates: { ...generates, [GENERATED]: { ...web, documents } }, cwd: ROOT, silent: true },
    false,
  )) as Types.FileOutput[];
  return new Map(outputs.map((o) => [path.relative(ROOT, path.resolve(ROOT, o.filename)), o.content]));
}

describe('web/src/graphql and sdk/src/graphql', () => {
  it('matches what codegen makes of the web client and the partner SDK (run `npm run codegen` after changing an operation)', async () => {
    const generated = await codegen();
    expect([...generated.keys()].sort()).toEqual([
      ...['gql.ts', 'graphql.ts', 'index.ts'].map((f) => SDK_GENERATED + f),
      ...['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json'].map((f) => GENERATED + f),
    ]);
    for (const [file, content] of generated) {
      const committed = await readFile(path.join(ROOT, file), 'utf8').catch(() => '(missing)');
      expect(committed, `${file} is stale: run \`npm run codegen\``).toBe(content);
    }
  });

  it('would fail on an operation added without regenerating: the manifest then lacks its hash', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kabinet-documents-'));
    try {
      const extra = path.join(dir, 'extra.ts');
      await writeFile(extra, 'graphql(`\n  query Extra_Probe {\n    suppliers {\n      code\n    }\n  }\n`);\n');
      const generated = await codegen([extra]);
      const manifest = JSON.parse(generated.get(MANIFEST)!) as Record<string, string>;
      const committed = JSON.parse(await readFile(path.join(ROOT, MANIFEST), 'utf8')) as Record<string, string>;
      expect(Object.values(manifest)).toContain('query Extra_Probe { __typename suppliers { __typename code } }');
      expect(Object.keys(manifest).length).toBe(Object.keys(committed).length + 1);
      expect(generated.get(MANIFEST)).not.toBe(await readFile(path.join(ROOT, MANIFEST), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
