// How long each String/ID argument and input field may be and whether it may hold line breaks; checked by the gateway and every subgraph.
import {
  GraphQLID,
  GraphQLString,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { Directive } from 'type-graphql';
import { AppError, ErrorCode } from './errors.js';

/** Any String or ID without a declaration of its own: codes, ids, e-mails, names, numbers, cursors. */
export const DEFAULT_MAX_LENGTH = 256;

/** Tokens a browser widget produces (an ALTCHA payload: base64 of its JSON solution). */
export const PAYLOAD_MAX_LENGTH = 4096;

/** Addresses of pages (a return URL with its query). */
export const URL_MAX_LENGTH = 2048;

/** The directive a field declares its limit with; composed into the supergraph, so the gateway reads it too. */
export const TEXT_LIMIT_DIRECTIVE = 'textLimit';
export const TEXT_LIMIT_SPEC_URL = 'https://kabinet.local/text-limit/v1.0';
export const TEXT_LIMIT_DIRECTIVE_SDL =
  `directive @${TEXT_LIMIT_DIRECTIVE}(maxLength: Int!, multiline: Boolean! = false) ` +
  'on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION';

export interface TextLimit {
  readonly maxLength: number;
  /** Multi-line text (a message) may hold tab, line feed and carriage return; single-line text may not. */
  readonly multiline: boolean;
}

const DEFAULT_LIMIT: TextLimit = { maxLength: DEFAULT_MAX_LENGTH, multiline: false };

/**
 * Declares a larger (or smaller) limit on an argument or input field, or that it is multi-line text:
 * `@TextLimit(5000, { multiline: true }) @Field(() => String) message!: string`.
 */
export function TextLimit(maxLength: number, options: { multiline?: boolean } = {}) {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new Error(`TextLimit: bad maxLength ${maxLength}`);
  return Directive(`@${TEXT_LIMIT_DIRECTIVE}(maxLength: ${maxLength}, multiline: ${options.multiline === true})`);
}

/** Any C0 control character or DEL: refused in single-line text (multi-line text keeps tab, LF and CR). */
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const limits = new WeakMap<GraphQLArgument | GraphQLInputField, TextLimit>();

/** The limit declared on an argument or input field by its `@textLimit` directive, else the default. */
export function textLimitOf(definition: GraphQLArgument | GraphQLInputField): TextLimit {
  let limit = limits.get(definition);
  if (!limit) {
    limit = DEFAULT_LIMIT;
    const directive = definition.astNode?.directives?.find((d) => d.name.value === TEXT_LIMIT_DIRECTIVE);
    if (directive) {
      let maxLength = DEFAULT_MAX_LENGTH;
      let multiline = false;
      for (const argument of directive.arguments ?? []) {
        if (argument.name.value === 'maxLength' && argument.value.kind === Kind.INT) {
          maxLength = Number(argument.value.value);
        }
        if (argument.name.value === 'multiline' && argument.value.kind === Kind.BOOLEAN) {
          multiline = argument.value.value;
        }
      }
      limit = { maxLength, multiline };
    }
    limits.set(definition, limit);
  }
  return limit;
}

function isText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === GraphQLString.name || named.name === GraphQLID.name);
}

/** Why a string breaks its limit, or undefined. Length is counted in characters (code points), as people count. */
function violation(value: string, limit: TextLimit): 'length' | 'control' | undefined {
  // A string of more UTF-16 units than twice the limit has more code points than the limit too: no counting needed.
  if (value.length > limit.maxLength && (value.length > 2 * limit.maxLength || codePoints(value) > limit.maxLength)) {
    return 'length';
  }
  return (limit.multiline ? CONTROL_EXCEPT_LINE_BREAKS : ANY_CONTROL).test(value) ? 'control' : undefined;
}

function codePoints(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) i++;
    n++;
  }
  return n;
}

export function textLimitError(field: string, limit: TextLimit, kind: 'length' | 'control'): AppError {
  const name = field.replace(/^\$/, '');
  const message =
    kind === 'length'
      ? `Поле «${name}» слишком длинное: допускается не более ${limit.maxLength} символов.`
      : `Поле «${name}» должно быть одной строкой без управляющих символов (переводов строки, табуляции, NUL): уберите их.`;
  return new AppError(ErrorCode.BAD_USER_INPUT, message, {
    http: { status: 400 },
    field,
    ...(kind === 'length' ? { limit: limit.maxLength } : {}),
  });
}

/**
 * Checks a value (already a JavaScript value: a variable or coerced arguments) against its type: every string of a
 * String/ID position within its place's limit, recursively through input objects and lists. Iterative, so no
 * input can exhaust the stack.
 */
export function checkTextValue(value: unknown, type: GraphQLInputType, limit: TextLimit, path: string): void {
  const pending: [unknown, GraphQLInputType, TextLimit, string][] = [[value, type, limit, path]];
  while (pending.length > 0) {
    const [current, currentType, currentLimit, at] = pending.pop()!;
    if (current === null || current === undefined) continue;
    const nullable = getNullableType(currentType);
    if (isListType(nullable)) {
      const itemType = nullable.ofType;
      if (Array.isArray(current)) {
        for (let i = current.length - 1; i >= 0; i--) pending.push([current[i], itemType, currentLimit, `${at}[${i}]`]);
      } else {
        pending.push([current, itemType, currentLimit, at]);
      }
    } else if (isInputObjectType(nullable)) {
      if (typeof current !== 'object') continue;
      const fields = Object.values(nullable.getFields()).reverse();
      for (const field of fields) {
        const item = (current as Record<string, unknown>)[field.name];
        if (item !== undefined && item !== null && hasText(field.type)) {
          pending.push([item, field.type, textLimitOf(field), `${at}.${field.name}`]);
        }
      }
    } else if (typeof current === 'string' && isText(nullable)) {
      const kind = violation(current, currentLimit);
      if (kind) throw textLimitError(at, currentLimit, kind);
    }
  }
}

const textBearing = new WeakMap<object, boolean>();

/** Whether a value of this type can hold a String or ID anywhere (input objects searched once, cycles allowed). */
export function hasText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return isText(named);
  if (!isInputObjectType(named)) return false;
  const known = textBearing.get(named);
  if (known !== undefined) return known;
  textBearing.set(named, false);
  const result = Object.values(named.getFields()).some((field) => hasText(field.type));
  textBearing.set(named, result);
  return result;
}

/** Checks coerced arguments of a field (a resolver's `args`) against their declarations. */
export function checkTextArguments(
  args: readonly GraphQLArgument[],
  values: Record<string, unknown> | undefined,
): void {
  if (!values) return;
  for (const argument of args) {
    const value = values[argument.name];
    if (value !== undefined && value !== null && hasText(argument.type)) {
      checkTextValue(value, argument.type, textLimitOf(argument), argument.name);
    }
  }
}

/**
 * Checks every argument of a request's document, literal or variable, before anything executes. Literal values are
 * named as in the document (`input.accounts[0].number`), variables by name (`$input.accounts[0].number`).
 */
export function checkTextInDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.ARGUMENT](node) {
        const argument = typeInfo.getArgument();
        if (!argument || !hasText(argument.type)) return;
        checkTextNode(node.value, argument.type, textLimitOf(argument), argument.name, variables);
      },
    }),
  );
}

function checkTextNode(
  node: ValueNode,
  type: GraphQLInputType,
  limit: TextLimit,
  path: string,
  variables: Record<string, unknown>,
): void {
  const pending: [ValueNode, GraphQLInputType, TextLimit, string][] = [[node, type, limit, path]];
  while (pending.length > 0) {
    const [current, currentType, currentLimit, at] = pending.pop()!;
    const nullable = getNullableType(currentType);
    switch (current.kind) {
      case Kind.VARIABLE:
        checkTextValue(variables[current.name.value], currentType, currentLimit, `$${current.name.value}`);
        break;
      case Kind.LIST: {
        const itemType = isListType(nullable) ? nullable.ofType : nullable;
        for (let i = current.values.length - 1; i >= 0; i--) {
          pending.push([current.values[i]!, itemType, currentLimit, `${at}[${i}]`]);
        }
        break;
      }
      case Kind.OBJECT: {
        const objectType = isListType(nullable) ? getNullableType(nullable.ofType) : nullable;
        if (!isInputObjectType(objectType)) break;
        const fields = objectType.getFields();
        for (const field of [...current.fields].reverse()) {
          const definition = fields[field.name.value];
          if (definition && hasText(definition.type)) {
            pending.push([field.value, definition.type, textLimitOf(definition), `${at}.${field.name.value}`]);
          }
        }
        break;
      }
      case Kind.STRING: {
        const scalar = isListType(nullable) ? getNullableType(nullable.ofType) : nullable;
        if (!isText(scalar)) break;
        const kind = violation(current.value, currentLimit);
        if (kind) throw textLimitError(at, currentLimit, kind);
        break;
      }
      default:
        break;
    }
  }
}

/**
 * Makes a subgraph's schema refuse oversized or control-character text in any argument before a resolver (and so
 * MikroORM or SQL) sees it: every field with a text-bearing argument checks its coerced arguments first, and
 * `_entities` checks each representation's key values with the default limit. Changes the schema in place.
 */
export function enforceTextLimits(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (type === schema.getQueryType() && field.name === '_entities') {
        if (!resolve) continue;
        field.resolve = (source, args: Record<string, unknown>, ...rest) => {
          checkRepresentations(args.representations);
          return resolve(source, args, ...rest);
        };
        continue;
      }
      if (!field.args.some((argument) => hasText(argument.type))) continue;
      const args = field.args;
      const inner = resolve ?? defaultResolve;
      field.resolve = (source, values: Record<string, unknown>, ...rest) => {
        checkTextArguments(args, values);
        return inner(source, values, ...rest);
      };
    }
  }
  return schema;
}

function defaultResolve(source: unknown, _args: unknown, _context: unknown, info: { fieldName: string }): unknown {
  const value = (source as Record<string, unknown> | null)?.[info.fieldName];
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).call(source) : value;
}

/** Entity keys are ids and codes: each string in a representation keeps to the default single-line limit. */
function checkRepresentations(representations: unknown): void {
  if (!Array.isArray(representations)) return;
  for (const [i, representation] of representations.entries()) {
    if (representation === null || typeof representation !== 'object') continue;
    for (const [key, value] of Object.entries(representation as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      const kind = violation(value, DEFAULT_LIMIT);
      if (kind) throw textLimitError(`representations[${i}].${key}`, DEFAULT_LIMIT, kind);
    }
  }
}
