// Unit tests of the text limits: declarations read from the SDL, values walked through nested inputs and lists.
import { buildSchema, parse, type GraphQLInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { checkTextInDocument, checkTextValue, DEFAULT_MAX_LENGTH, hasText, textLimitOf } from './text-limits.js';

const schema = buildSchema(`
  directive @textLimit(maxLength: Int!, multiline: Boolean! = false) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  input Node { name: String, note: String @textLimit(maxLength: 10, multiline: true), children: [[Node!]] }
  input Numbers { n: Int }
  type Query {
    tree(root: Node): Int
    count(numbers: Numbers): Int
    code(code: String @textLimit(maxLength: 3)): Int
  }
`);
const node = schema.getType('Node') as GraphQLInputObjectType;

function refusal(run: () => void): Record<string, unknown> | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ...error.extensions, message: error.message };
  }
}

describe('text limits', () => {
  it('read the declaration of a field, else the default single-line limit', () => {
    expect(textLimitOf(node.getFields().note!)).toEqual({ maxLength: 10, multiline: true });
    expect(textLimitOf(node.getFields().name!)).toEqual({ maxLength: DEFAULT_MAX_LENGTH, multiline: false });
  });

  it('know which inputs can hold text, recursive types included', () => {
    expect(hasText(node)).toBe(true);
    expect(hasText(schema.getType('Numbers') as GraphQLInputObjectType)).toBe(false);
  });

  it('find the place inside nested lists and objects, with its own limit', () => {
    const value = { name: 'a', children: [[{ name: 'b' }, { note: 'x'.repeat(11) }]] };
    expect(refusal(() => checkTextValue(value, node, textLimitOf(node.getFields().name!), '$root'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: '$root.children[0][1].note',
      limit: 10,
    });
    expect(refusal(() => checkTextValue({ note: 'a\nb\tc' }, node, textLimitOf(node.getFields().name!), '$r'))).toBe(
      undefined,
    );
    expect(
      refusal(() => checkTextValue({ name: 'a\nb' }, node, textLimitOf(node.getFields().name!), '$r')),
    ).toMatchObject({ field: '$r.name' });
  });

  it('walk a value nested thousands of levels without exhausting the stack', () => {
    let deep: Record<string, unknown> = { name: 'x'.repeat(DEFAULT_MAX_LENGTH + 1) };
    for (let i = 0; i < 20_000; i++) deep = { children: [[deep]] };
    expect(refusal(() => checkTextValue(deep, node, textLimitOf(node.getFields().name!), '$r'))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('count characters, not UTF-16 units, and never repeat the value', () => {
    const query = (code: string) => parse(`{ code(code: ${JSON.stringify(code)}) }`);
    expect(refusal(() => checkTextInDocument(schema, query('😀😀😀'), {}))).toBeUndefined();
    const refused = refusal(() => checkTextInDocument(schema, query('😀😀😀😀'), {}));
    expect(refused).toMatchObject({ field: 'code', limit: 3 });
    expect(String(refused?.message)).not.toContain('😀');
  });

  it('name variables by the variable and literals by the argument path', () => {
    const document = parse('query ($n: String) { tree(root: { name: "ok", children: [[{ name: $n }]] }) }');
    expect(refusal(() => checkTextInDocument(schema, document, { n: 'a\rb' }))).toMatchObject({ field: '$n' });
    const literal = parse('{ tree(root: { children: [[{ name: "a\\tb" }]] }) }');
    expect(refusal(() => checkTextInDocument(schema, literal, {}))).toMatchObject({
      field: 'root.children[0][0].name',
    });
  });
});
