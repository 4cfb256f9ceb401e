// Who may call what: public operations for anyone, login-level ones before confirmation, partner operations only
// with an API key carrying their scope, everything else only with a confirmed e-mail; for every root field of
// every subgraph, present and future.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../src/core/config.js';
import type { PartnerScope } from '../src/core/caller.js';
import { isAuthenticated, isEmailConfirmed, isPartner } from '../src/core/rules.js';
import { allow } from '../src/core/shield.js';
import { buildSubgraphSchemaOf } from '../src/core/subgraph.js';
import { SUBGRAPHS } from '../src/subgraphs/index.js';
import { createPartner, registrationInput } from './support/abonents.js';
import { solveCaptcha } from './support/captcha.js';
import { startTestKabinet, type Browser, type TestKabinet } from './support/kabinet.js';

/** Open to anyone. */
const PUBLIC = new Set([
  'Query.suppliers',
  'Query.supplier',
  'Query.captchaChallenge',
  'Query.passwordPolicy',
  'Mutation.register',
  'Mutation.login',
  'Mutation.confirmEmail',
  'Mutation.requestPasswordReset',
  'Mutation.resetPassword',
  'Mutation.createSupportRequest',
  'Query.operator',
  'Query.passwordResetLink',
]);
/** Open to a logged-in abonent before the e-mail is confirmed. */
const LOGIN_LEVEL = new Set([
  'Query.me',
  'Mutation.resendConfirmation',
  'Mutation.logout',
  'Mutation.changePassword',
  'Mutation.deleteCabinet',
]);
/** For partner apps (API keys) only: the scope each needs (`*`: any partner). */
const PARTNER_ONLY: ReadonlyMap<string, PartnerScope | '*'> = new Map([
  ['Query.partnerApp', '*'],
  ['Query.partnerAccounts', 'accounts:read'],
  ['Mutation.upsertPersonalAccounts', 'accounts:write'],
  ['Mutation.upsertCharges', 'accounts:write'],
  ['Mutation.setBalances', 'accounts:write'],
  ['Mutation.setTariffs', 'accounts:write'],
  ['Mutation.updateSupplierSettings', 'supplier:write'],
  ['Mutation.upsertMeters', 'readings:write'],
  ['Mutation.recordReadings', 'readings:write'],
  ['Mutation.updateReadingRules', 'supplier:write'],
  ['Query.partnerReadings', 'readings:read'],
  ['Query.partnerPayments', 'payments:read'],
  ['Mutation.answerSupportRequest', 'support:answer'],
]);
/** For a confirmed abonent (their own data) or a partner with the scope (its supplier's data). */
const ABONENT_OR_PARTNER: ReadonlyMap<string, PartnerScope> = new Map([
  ['Query.personalAccount', 'accounts:read'],
  ['Query.payment', 'payments:read'],
]);
/** The gateway's federation plumbing: entity-level rules protect what `_entities` returns. */
const FEDERATION = new Set(['Query._service', 'Query._entities']);

function rootFields(
  schema: import('graphql').GraphQLSchema,
): Array<[GraphQLObjectType, GraphQLField<unknown, unknown>]> {
  return [schema.getQueryType(), schema.getMutationType()]
    .filter((t): t is GraphQLObjectType => Boolean(t))
    .flatMap((type) =>
      Object.values(type.getFields()).map(
        (field) => [type, field] as [GraphQLObjectType, GraphQLField<unknown, unknown>],
      ),
    );
}

describe.each(SUBGRAPH_NAMES)('the rules of the %s subgraph', (name) => {
  it('require a confirmed e-mail for every root field that is not public or login-level', async () => {
    const schema = await buildSubgraphSchemaOf(SUBGRAPHS[name]);
    const rules = SUBGRAPHS[name].permissions as Record<string, Record<string, unknown>>;
    for (const [type, field] of rootFields(schema)) {
      const key = `${type.name}.${field.name}`;
      if (FEDERATION.has(key)) continue;
      const rule = rules[type.name]?.[field.name] as { name?: string } | undefined;
      const partnerScope = PARTNER_ONLY.get(key);
      const eitherScope = ABONENT_OR_PARTNER.get(key);
      if (partnerScope === '*') expect(rule, key).toBe(isPartner);
      else if (partnerScope) expect(rule?.name, key).toBe(`partner:${partnerScope}`);
      else if (eitherScope) expect(rule?.name, key).toBe(`abonent-or-partner:${eitherScope}`);
      else {
        const expected = PUBLIC.has(key) ? allow : LOGIN_LEVEL.has(key) ? isAuthenticated : isEmailConfirmed;
        expect(rule, key).toBe(expected);
      }
    }
  });
});

/** A syntactically valid value for an input type, deep enough to pass GraphQL validation. */
function sample(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return `[${sample(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${sample(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'false';
    return '"x"';
  }
  return 'null';
}

function operationFor(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type));
  const argumentList = args.length ? `(${args.map((a) => `${a.name}: ${sample(a.type)}`).join(', ')})` : '';
  const selection =
    isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${type.name === 'Mutation' ? 'mutation' : 'query'} { ${field.name}${argumentList}${selection} }`;
}

describe('every root field of the public API, called for real', () => {
  let app: TestKabinet;
  let unconfirmed: Browser;
  /** A partner whose key carries one scope: the fields that need it let it through, every other one refuses. */
  let partner: Awaited<ReturnType<typeof createPartner>>;
  const PARTNER_SCOPE: PartnerScope = 'payments:read';
  beforeAll(async () => {
    app = await startTestKabinet({ CAPTCHA_COST: '10' });
    partner = await createPartner(app, 'kaluga', [PARTNER_SCOPE]);
    unconfirmed = app.browser();
    const { body } = await unconfirmed.graphql('{ captchaChallenge { challenge } }');
    const email = `access${Date.now()}@example.ru`;
    const registered = await unconfirmed.graphql(
      `mutation ($input: RegisterInput!) { register(input: $input) { ok } }`,
      {
        input: registrationInput(email, await solveCaptcha(body.data.captchaChallenge.challenge)),
      },
    );
    expect(registered.body.data.register.ok).toBe(true);
    const login = await unconfirmed.graphql(
      `mutation { login(input: { email: "${email}", password: "abc12" }) { ok } }`,
    );
    expect(login.body.data.login.ok).toBe(true);
  });
  afterAll(() => app?.close());

  it('refuses strangers everything but public fields, unconfirmed abonents everything beyond login level, and partners everything not theirs', async () => {
    const schema = (await import('graphql')).buildSchema(
      (await import('node:fs')).readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'),
    );
    // logout last: it ends the session the other calls run in.
    const fields = rootFields(schema).sort(([, a], [, b]) => Number(a.name === 'logout') - Number(b.name === 'logout'));
    expect(fields.length).toBeGreaterThan(10);
    for (const [type, field] of fields) {
      const key = `${type.name}.${field.name}`;
      const operation = operationFor(type, field);
      const stranger = await app.browser().graphql(operation);
      const strangerCode = stranger.body.errors?.[0]?.extensions?.code;
      if (PUBLIC.has(key)) expect(strangerCode, `${key} as a stranger`).toBeUndefined();
      else expect(strangerCode, `${key} as a stranger`).toBe('UNAUTHENTICATED');

      const abonent = await unconfirmed.graphql(operation);
      const abonentCode = abonent.body.errors?.[0]?.extensions?.code;
      if (PUBLIC.has(key) || LOGIN_LEVEL.has(key)) expect(abonentCode, `${key} before confirmation`).toBeUndefined();
      else if (PARTNER_ONLY.has(key)) expect(abonentCode, `${key} before confirmation`).toBe('UNAUTHENTICATED');
      else expect(abonentCode, `${key} before confirmation`).toBe('EMAIL_NOT_CONFIRMED');

      if (key === 'Mutation.logout') continue;
      const asPartner = await partner.graphql(operation);
      const partnerCode = asPartner.body.errors?.[0]?.extensions?.code;
      const needs = PARTNER_ONLY.get(key) ?? ABONENT_OR_PARTNER.get(key);
      if (PUBLIC.has(key) || needs === '*' || needs === PARTNER_SCOPE) {
        expect(partnerCode, `${key} as a partner`).toBeUndefined();
      } else if (needs) {
        expect(partnerCode, `${key} as a partner without the scope`).toBe('FORBIDDEN');
      } else expect(partnerCode, `${key} as a partner`).toBe('UNAUTHENTICATED');
    }
  });
});
