// The partner reference: every public field, argument, enum value, error code and scope is described, each root
// field says who may call it, and Kabinet serves the page at /docs/api.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PARTNER_SCOPE_DESCRIPTIONS, PARTNER_SCOPES } from '../src/core/caller.js';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../src/core/errors.js';
import { PAYLOAD_CODE_DESCRIPTIONS } from '../src/core/payload-codes.js';
import { accessOfFields, PARTNER_GUIDE, partnerGuideExamples, SCHEMA_DIR } from '../src/schema/emit.js';
import { undescribed } from '../src/schema/reference.js';
import { startTestKabinet } from './support/kabinet.js';

const api = buildSchema(await readFile(path.join(SCHEMA_DIR, 'api.graphql'), 'utf8'));
const rootFields = [api.getQueryType()!, api.getMutationType()!].flatMap((type) =>
  Object.keys(type.getFields()).map((field) => `${type.name}.${field}`),
);

describe('the partner reference', () => {
  it('has a description for every public type, field, argument, input field and enum value', () => {
    expect(undescribed(api)).toEqual([]);
  });

  it('would name what lacks one', () => {
    const bare = buildSchema('"A query." type Query { "Described." a(x: Int): Int b: String } enum E { ONE }');
    expect(undescribed(bare)).toEqual(['E', 'E.ONE', 'Query.a(x)', 'Query.b']);
  });

  it('describes every error code, every payload code and every scope', () => {
    const empty = (entries: Record<string, string>) =>
      Object.entries(entries)
        .filter(([, description]) => description.trim().length < 20)
        .map(([code]) => code);
    expect(Object.keys(ERROR_CODE_DESCRIPTIONS).sort()).toEqual(Object.values(ErrorCode).sort());
    expect(empty(ERROR_CODE_DESCRIPTIONS)).toEqual([]);
    expect(empty(PAYLOAD_CODE_DESCRIPTIONS)).toEqual([]);
    expect(Object.keys(PARTNER_SCOPE_DESCRIPTIONS).sort()).toEqual([...PARTNER_SCOPES].sort());
    expect(empty(PARTNER_SCOPE_DESCRIPTIONS)).toEqual([]);
  });

  it('says who may call each root field, from the shield rules', () => {
    const access = accessOfFields();
    expect(rootFields.filter((field) => !access.has(field))).toEqual([]);
    expect(access.get('Query.suppliers')).toMatch(/^Anyone/);
    expect(access.get('Query.partnerReadings')).toContain('`readings:read`');
    expect(access.get('Mutation.submitReadings')).toContain('confirmed the e-mail');
    expect(access.get('PersonalAccount.holderName')).toContain('`accounts:read`');
  });

  it('is served at /docs/api: every root field and type with its anchor, the codes, the guide examples', async () => {
    const app = await startTestKabinet();
    try {
      const response = await app.kabinet.http.inject({ method: 'GET', url: '/docs/api' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const page = response.body;
      for (const field of rootFields) expect(page, field).toContain(`id="${field}"`);
      for (const type of Object.keys(api.getTypeMap()).filter((t) => !t.startsWith('__'))) {
        // The root types are the Queries and Mutations sections, each field with its own anchor.
        if (['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation'].includes(type)) continue;
        expect(page, type).toContain(`id="${type}"`);
      }
      for (const code of [...Object.values(ErrorCode), ...Object.keys(PAYLOAD_CODE_DESCRIPTIONS)]) {
        expect(page, code).toMatch(new RegExp(`id="(error|code)-${code}"`));
      }
      for (const scope of PARTNER_SCOPES) expect(page).toContain(`id="scope-${scope}"`);
      const examples = partnerGuideExamples(await readFile(PARTNER_GUIDE, 'utf8'));
      expect(examples.length).toBeGreaterThanOrEqual(3);
      const escaped = (text: string) => text.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      for (const { query } of examples) expect(page).toContain(escaped(query).replace(/"/g, '&quot;'));
    } finally {
      await app.close();
    }
  });
});
