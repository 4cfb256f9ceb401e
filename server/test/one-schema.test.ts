// Kabinet in one process executes against one schema assembled from the subgraphs (the default); the federated path
// plans each operation over the supergraph and runs the subgraphs' parts, as distributed mode does. Both run here on
// the same database, clock and callers, and every operation is sent to both: the web client's, the partner guide's,
// the benchmark's, and every root field of the API selected whole, as every kind of caller. The answers (data,
// errors with their codes and paths, HTTP status) must be the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettableClock } from '../src/core/clock.js';
import { PARTNER_SCOPES, type PartnerScope } from '../src/core/caller.js';
import { DASHBOARD, LOGIN, PARTNER_READINGS, SUBMIT_READINGS } from '../../bench/queries.js';
import { createPartner, registeredAbonent, type Partner } from './support/abonents.js';
import { createTestDatabase } from './support/database.js';
import { moscow } from './support/dates.js';
import { startTestKabinet, type GraphQLResult, type TestKabinet } from './support/kabinet.js';
import { eventually, payer, paymentKey } from './support/payments.js';
import { sample } from './support/schema-sweep.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import type { Database } from '../src/core/database.js';
import { PARTNER_GUIDE, partnerGuideExamples } from '../src/schema/emit.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const api = buildSchema(readFileSync(path.join(ROOT, 'schema/api.graphql'), 'utf8'));
const webDocuments: Record<string, string> = JSON.parse(
  readFileSync(path.join(ROOT, 'web/src/graphql/persisted-documents.json'), 'utf8'),
);
const ALL_SCOPES: PartnerScope[] = [...PARTNER_SCOPES];

type Headers = Record<string, string>;
interface Caller {
  name: string;
  headers: Headers;
}

let sink: SmtpSink;
let database: Database;
let one: TestKabinet;
let federated: TestKabinet;
const callers: Record<'anonymous' | 'unconfirmed' | 'abonent' | 'partner', Caller> = {} as never;
/** Values the world below made, for arguments that name something. */
const world = {
  accountId: '',
  otherAccountId: '',
  meterId: '',
  paymentId: '',
  supportNumber: 0,
  abonentEmail: '',
};
let partner: Partner;

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await createTestDatabase();
  // One database for both: neither Kabinet closes it (afterAll does).
  const shared: Database = { ...database, close: async () => {} };
  // One clock for both, standing at a day in the middle of a month.
  const clock = new SettableClock(moscow('2027-03-10'));
  const env = { SMTP_URL: sink.url, CAPTCHA_COST: '10', DEMO_DATA: 'true' };
  one = await startTestKabinet(env, { database: async () => shared, clock, execution: 'one-schema' });
  federated = await startTestKabinet(env, { database: async () => shared, clock, execution: 'federated' });

  // An abonent with three demo accounts (one with meters and a year of readings), a payment and a support request.
  const abonent = await payer(one, sink);
  world.accountId = abonent.accountId;
  world.abonentEmail = abonent.email;
  const link = `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { ok account { id } } }`;
  const voronezh = await abonent.client.graphql(link, {
    input: { supplierCode: 'voronezh', number: '3600123456', proof: '2468' },
  });
  world.otherAccountId = voronezh.body.data.linkPersonalAccount.account.id;
  await abonent.client.graphql(link, { input: { supplierCode: 'kaluga', number: '4000111222', proof: null } });
  const started = await abonent.start({});
  expect(started.body.data?.startPayment, JSON.stringify(started.body)).toMatchObject({ ok: true });
  world.paymentId = started.body.data.startPayment.payment.id;
  const support = await abonent.client.graphql(
    'mutation ($input: CreateSupportRequestInput!) { createSupportRequest(input: $input) { ok supportRequest { number } } }',
    { input: { topic: 'Показания', message: 'Не принимаются показания счётчика.', contactEmail: abonent.email } },
  );
  expect(support.body.data?.createSupportRequest, JSON.stringify(support.body)).toMatchObject({ ok: true });
  world.supportNumber = support.body.data.createSupportRequest.supportRequest.number;
  const meters = await eventually(
    () => abonent.client.graphql(`{ me { accounts { number meters { id } } } }`),
    (r) => (r.body.data?.me?.accounts ?? []).filter((a: any) => a.meters?.length > 0).length >= 2,
    'metering to know the linked accounts',
  );
  world.meterId = meters.body.data.me.accounts.find((a: any) => a.number === '702062012').meters[0].id;
  callers.anonymous = { name: 'anonymous', headers: {} };
  callers.abonent = { name: 'a confirmed abonent', headers: { cookie: cookieOf(abonent.client.cookies) } };
  const unconfirmed = await registeredAbonent(one);
  // A letter has just gone: a resend within the minute is refused the same way on both paths.
  await unconfirmed.client.graphql('mutation { resendConfirmation { ok } }');
  callers.unconfirmed = { name: 'an unconfirmed abonent', headers: { cookie: cookieOf(unconfirmed.client.cookies) } };
  partner = await createPartner(one, 'sankt-peterburg', ALL_SCOPES);
  callers.partner = { name: 'a partner', headers: { authorization: `Bearer ${partner.apiKey}` } };
}, 120_000);

afterAll(async () => {
  await federated?.close();
  await one?.close();
  await database?.close();
  await sink?.close();
});

function cookieOf(cookies: Map<string, string>): string {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * What a client sees of an answer, for comparing the two paths. Values made anew at every call are named, not shown:
 * a CAPTCHA challenge, a PDF notice (it carries its creation time), the seconds a rate limit still has to run.
 * Errors are compared as the set of what was refused where, list indexes left out: when a refused non-null field
 * empties a list, the federated path reports the refusal for every item (each subgraph fetch runs to its end) and
 * one schema for the first (as graphql-js does, the list being null already); the data are the same.
 */
function seen(result: GraphQLResult): unknown {
  const body = JSON.parse(
    JSON.stringify(result.body, (key, value: unknown) => {
      if (typeof value !== 'string') return value;
      if (key === 'challenge') return '<challenge>';
      if (key === 'contentBase64') return `<${Buffer.from(value, 'base64').length > 0 ? 'a file' : 'nothing'}>`;
      return value.replace(/через \d+ с/g, 'через N с');
    }),
  ) as GraphQLResult['body'];
  const errors = body.errors?.map((e) =>
    JSON.stringify({ ...e, path: e.path?.filter((step) => typeof step === 'string') }),
  );
  return { status: result.status, data: body.data, errors: errors && [...new Set(errors)].sort() };
}

/** Sends the same request through both paths (the federated one first) and expects the same answer; returns it. */
async function same(
  query: string,
  variables: Record<string, unknown> | undefined,
  caller: Caller,
): Promise<GraphQLResult<any>> {
  const viaPlan = await federated.graphql(query, variables, caller.headers);
  const viaOneSchema = await one.graphql(query, variables, caller.headers);
  expect(seen(viaOneSchema), `${caller.name}: ${query}\n${JSON.stringify(variables)}`).toEqual(seen(viaPlan));
  return viaOneSchema;
}

/** Argument values the world gives, by argument name (required arguments only; optional ones are left out). */
function argumentValue(fieldName: string, argName: string): unknown {
  switch (argName) {
    case 'id':
      return fieldName === 'payment' || fieldName === 'checkPayment' ? world.paymentId : world.accountId;
    case 'code':
      return 'sankt-peterburg';
    case 'number':
      return world.supportNumber;
    case 'token':
      return 'not-a-token';
    case 'first':
      return 3;
    case 'last':
      return 3;
    case 'months':
      return 12;
    default:
      return undefined;
  }
}

/**
 * Every field of `type`, to `depth` levels, with required arguments from the world; fields with a required argument
 * the world has no value for are left out.
 */
function selectAll(type: GraphQLNamedType, depth: number, partner = false): string {
  if (!isObjectType(type)) return '';
  const fields = Object.values((type as GraphQLObjectType).getFields()).flatMap((field) => {
    // For partners only: a refused non-null field would null the whole account for anyone else.
    if (!partner && field.name === 'holderName') return [];
    const named = getNamedType(field.type);
    if (isObjectType(named) && depth === 0) return [];
    const args = argumentsOf(field);
    if (args === null) return [];
    const inner = isObjectType(named) ? selectAll(named, depth - 1, partner) : '';
    if (isObjectType(named) && inner === '') return [];
    return [`${field.name}${args}${inner ? ` { ${inner} }` : ''}`];
  });
  return fields.length > 0 ? `__typename ${fields.join(' ')}` : '';
}

function argumentsOf(field: GraphQLField<unknown, unknown>): string | null {
  const given: string[] = [];
  for (const arg of field.args) {
    const required = String(arg.type).endsWith('!') && arg.defaultValue === undefined;
    const value = argumentValue(field.name, arg.name);
    if (value === undefined) {
      if (required) return null;
      continue;
    }
    given.push(`${arg.name}: ${JSON.stringify(value)}`);
  }
  return given.length > 0 ? `(${given.join(', ')})` : '';
}

/** Which caller each root query field answers with data (the others are refused, the same way on both paths). */
const ANSWERS_WITH_DATA: Record<string, keyof typeof callers> = {
  personalAccount: 'abonent',
  partnerAccounts: 'partner',
  suppliers: 'anonymous',
  supplier: 'anonymous',
  me: 'abonent',
  captchaChallenge: 'anonymous',
  operator: 'anonymous',
  partnerApp: 'partner',
  passwordPolicy: 'anonymous',
  mySupportRequests: 'abonent',
  mySupportRequest: 'abonent',
  partnerReadings: 'partner',
  partnerPayments: 'partner',
  payment: 'abonent',
};

describe('one schema and the federated plan give the same answers', () => {
  describe.each(Object.values(api.getQueryType()!.getFields()).map((field) => [field.name, field] as const))(
    'Query.%s selected whole (three levels deep)',
    (name, field) => {
      it.each(['anonymous', 'unconfirmed', 'abonent', 'partner'] as const)('as %s', async (who) => {
        const selection = selectAll(getNamedType(field.type), 3, who === 'partner');
        const args = argumentsOf(field);
        const query = `query Whole { ${name}${args ?? ''}${selection ? ` { ${selection} }` : ''} }`;
        const answer = await same(query, undefined, callers[who]);
        // The sweep means something only where some caller gets the data.
        if (ANSWERS_WITH_DATA[name] === who) {
          expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
          expect(answer.body.data?.[name], JSON.stringify(answer.body)).not.toBeNull();
        }
      });
    },
  );

  it('covers every root query field with a caller that gets its data', () => {
    expect(Object.keys(ANSWERS_WITH_DATA).sort()).toEqual(
      Object.keys(api.getQueryType()!.getFields())
        .filter((name) => name !== 'passwordResetLink')
        .sort(),
    );
  });

  it("the web client's queries, as each caller", async () => {
    const variables: Record<string, Record<string, unknown>> = {
      PaymentQr_Notice: { id: world.accountId },
      ResetPasswordPage_Link: { token: 'not-a-token' },
      SupportThread_Request: { number: world.supportNumber },
      Captcha_Challenge: { login: world.abonentEmail },
    };
    const queries = Object.values(webDocuments).filter((document) => /^\s*query\s/.test(document));
    expect(queries.length).toBeGreaterThan(10);
    for (const query of queries) {
      const name = /^\s*query\s+(\w+)/.exec(query)![1]!;
      for (const caller of Object.values(callers)) await same(query, variables[name], caller);
    }
  });

  it("the web client's mutations, refused or changing nothing, as each caller", async () => {
    const documents: Record<string, string> = {};
    for (const document of Object.values(webDocuments)) {
      const name = /^\s*mutation\s+(\w+)/.exec(document)?.[1];
      if (name) documents[name] = document;
    }
    // Inputs a server refuses (or answers without changing anything): the same refusal must come from both paths.
    const refused: Record<string, Record<string, unknown>> = {
      AccountsPage_Unlink: { id: '00000000-0000-4000-8000-000000000000' },
      LinkAccountDialog_Link: { input: { supplierCode: 'sankt-peterburg', number: '702062012', proof: '9,99999' } },
      SettingsPage_ChangePassword: {
        input: { currentPassword: 'wrong-password', newPassword: 'Gaz2027b', newPasswordRepeat: 'Gaz2027b' },
      },
      ConfirmPage_ConfirmEmail: { token: 'not-a-token' },
      SettingsPage_DeleteCabinet: { password: 'wrong-password' },
      ForgotPasswordPage_RequestReset: { input: { email: 'not-an-email' } },
      LoginPage_Login: { input: { email: world.abonentEmail, password: 'wrong-password' } },
      RegisterPage_Register: {
        input: {
          email: 'x',
          password: '1',
          passwordRepeat: '2',
          acceptAgreement: false,
          consentToPersonalData: false,
          captcha: 'not-solved',
        },
      },
      ResetPasswordPage_Reset: {
        input: { token: 'not-a-token', newPassword: 'Gaz2027b', newPasswordRepeat: 'Gaz2027b' },
      },
      SettingsPage_SetReminders: { enabled: true },
      PaymentPage_Start: {
        input: {
          accountId: world.accountId,
          purpose: 'CUSTOM',
          amount: -5,
          receiptEmail: 'not-an-email',
          idempotencyKey: paymentKey(),
          returnUrl: `${one.config.publicUrl}/oplata/rezultat`,
        },
      },
      PaymentResultPage_Check: { id: '00000000-0000-4000-8000-000000000000' },
      MeterReadings_Submit: {
        input: {
          accountId: world.accountId,
          readings: [{ meterId: world.meterId, value: '-1' }],
          idempotencyKey: `same-${Date.now()}`,
        },
      },
      SupportPage_CreateRequest: { input: { topic: '', message: '', contactEmail: 'x' } },
      SupportThread_Add: { input: { number: 999_999, text: 'Ещё вопрос.' } },
      ConfirmPendingPage_Resend: {},
    };
    // Failed logins count: after three, a CAPTCHA is asked for. Reach that state first, so that both paths see it.
    for (let i = 0; i < 3; i++) await one.graphql(documents.LoginPage_Login!, refused.LoginPage_Login);
    for (const [name, document] of Object.entries(documents)) {
      if (name === 'Session_Logout') continue; // ends the caller's session: below, as a caller of its own
      expect(refused, `inputs for ${name}`).toHaveProperty(name);
      for (const caller of Object.values(callers)) await same(document, refused[name], caller);
    }
    await same(documents.Session_Logout!, {}, callers.anonymous);
  });

  it("the benchmark's operations", async () => {
    const dashboard = await same(DASHBOARD, undefined, callers.abonent);
    expect(dashboard.body.data?.me?.accounts).toHaveLength(3);
    const readings = await same(PARTNER_READINGS, { after: null }, callers.partner);
    expect(readings.body.data?.partnerReadings?.nodes.length).toBeGreaterThan(0);
    await same(LOGIN, { input: { email: world.abonentEmail, password: 'wrong-password' } }, callers.anonymous);
    await same(
      SUBMIT_READINGS,
      { input: { accountId: world.accountId, readings: [], idempotencyKey: `bench-${Date.now()}` } },
      callers.abonent,
    );
  });

  it("the partner guide's examples (a write run once before, so both see the same state)", async () => {
    const operations = partnerGuideExamples(readFileSync(PARTNER_GUIDE, 'utf8')).map(({ query, variables }) => ({
      query,
      variables: variables === undefined ? undefined : (JSON.parse(variables) as Record<string, unknown>),
    }));
    expect(operations.length).toBeGreaterThanOrEqual(3);
    for (const { query, variables } of operations) {
      if (/^\s*mutation/.test(query)) await partner.graphql(query, variables);
      await same(query, variables, callers.partner);
    }
  });

  it('every root mutation with a sample input, refused the same way to callers who may not make it', async () => {
    for (const field of Object.values(api.getMutationType()!.getFields())) {
      const variables = Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)]));
      const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = selectAll(getNamedType(field.type), 2);
      const query = `mutation Sample${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${
        selection ? ` { ${selection} }` : ''
      } }`;
      // Anonymous callers may make only the public mutations, whose sample inputs are refused (no solved CAPTCHA,
      // no such token or login); the logout of nobody is a no-op.
      await same(query, variables, callers.anonymous);
    }
  });

  it('errors before execution: a syntax error, an unknown field, a variable of the wrong type', async () => {
    await same('{ me { ', undefined, callers.abonent);
    await same('{ me { noSuchField } }', undefined, callers.abonent);
    await same('query ($id: ID!) { personalAccount(id: $id) { number } }', { id: 5.5 }, callers.abonent);
  });
});
