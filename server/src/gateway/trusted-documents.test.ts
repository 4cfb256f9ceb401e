// The trusted documents manifest as the gateway loads it at start: codegen's file, checked entry by entry.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { loadTrustedDocuments } from './trusted-documents.js';

const dir = await mkdtemp(path.join(tmpdir(), 'kabinet-manifest-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function manifest(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

const text = 'query A { suppliers { code } }';
const hash = createHash('sha256').update(text).digest('hex');

describe('loadTrustedDocuments', () => {
  it('maps the hex SHA-256 of each document of the committed manifest to its text', async () => {
    const documents = await loadTrustedDocuments(loadConfig({}).trustedDocuments.manifest);
    expect(documents.size).toBeGreaterThan(20);
    for (const [key, document] of documents) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(createHash('sha256').update(document).digest('hex')).toBe(key);
    }
    expect([...documents.values()]).toContain(
      'query Session_Me { __typename me { __typename email emailConfirmed id } }',
    );
  });

  it('reads codegen\'s "sha256:<hex>" keys', async () => {
    const file = await manifest('ok.json', JSON.stringify({ [`sha256:${hash}`]: text }));
    expect(await loadTrustedDocuments(file)).toEqual(new Map([[hash, text]]));
  });

  it.each([
    ['a missing file', undefined, /cannot be read.*npm run codegen.*TRUSTED_DOCUMENTS_MANIFEST/],
    ['not JSON', '{', /is not JSON/],
    ['an array', '[]', /must be an object/],
    ['a key without the algorithm', JSON.stringify({ [hash]: text }), /entry "[0-9a-f]{64}"/],
    ['a hash that is not its text', JSON.stringify({ [`sha256:${hash}`]: `${text} ` }), /not "sha256:<hash of/],
    ['a document that is not text', JSON.stringify({ [`sha256:${hash}`]: 1 }), /entry "sha256:/],
  ])('refuses %s, saying what to run', async (name, content, message) => {
    const file = content === undefined ? path.join(dir, 'missing.json') : await manifest(`${name}.json`, content);
    await expect(loadTrustedDocuments(file)).rejects.toThrow(message);
  });
});
