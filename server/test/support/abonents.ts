// Ready-made callers for API tests: confirmed and unconfirmed abonents (through the real registration flow),
// and partner apps with API keys (issued the way `npm run partner -- create` issues them).
import type { PartnerScope } from '../../src/core/caller.js';
import { SupplierService } from '../../src/subgraphs/accounts/supplier/supplier.service.js';
import { PartnerService } from '../../src/subgraphs/identity/partner/partner.service.js';
import { solveCaptcha } from './captcha.js';
import type { Browser, GraphQLResult, TestKabinet } from './kabinet.js';
import type { SmtpSink } from './smtp-sink.js';

let counter = 0;
export const uniqueEmail = (prefix = 'abonent') => `${prefix}${Date.now()}${counter++}@example.ru`;

const PASSWORD = 'abc12';

/** The `register` input of a valid registration: the test password twice, both consents, a solved CAPTCHA. */
export const registrationInput = (email: string, captcha: string) => ({
  email,
  password: PASSWORD,
  passwordRepeat: PASSWORD,
  acceptAgreement: true,
  consentToPersonalData: true,
  captcha,
});

/** Registers with a solved CAPTCHA and logs in: an abonent who has not confirmed the e-mail yet. */
export async function registeredAbonent(
  app: TestKabinet,
): Promise<{ client: Browser; email: string; password: string }> {
  const client = app.browser();
  const challenge = await client.graphql('{ captchaChallenge { challenge } }');
  const email = uniqueEmail();
  const { body } = await client.graphql(
    'mutation ($input: RegisterInput!) { register(input: $input) { ok errors { code } } }',
    { input: registrationInput(email, await solveCaptcha(challenge.body.data.captchaChallenge.challenge)) },
  );
  if (!body.data?.register?.ok) throw new Error(`registration failed: ${JSON.stringify(body)}`);
  await logIn(client, email, PASSWORD);
  return { client, email, password: PASSWORD };
}

async function logIn(client: Browser, email: string, password: string): Promise<string> {
  const login = await client.graphql('mutation ($input: LoginInput!) { login(input: $input) { ok abonent { id } } }', {
    input: { email, password },
  });
  if (!login.body.data?.login?.ok) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return login.body.data.login.abonent.id;
}

/** Registers, confirms by the letter's link and logs in again: a ready abonent. */
export async function confirmedAbonent(
  app: TestKabinet,
  mail: SmtpSink,
): Promise<{ client: Browser; email: string; password: string; id: string }> {
  const abonent = await registeredAbonent(app);
  const letter = await mail.waitFor(abonent.email, /Подтвердите регистрацию/);
  const token = new URL(mail.linkIn(letter, '/confirm')).searchParams.get('token');
  const confirmed = await abonent.client.graphql('mutation ($t: String!) { confirmEmail(token: $t) { ok } }', {
    t: token,
  });
  if (!confirmed.body.data?.confirmEmail?.ok) throw new Error(`confirmation failed: ${JSON.stringify(confirmed.body)}`);
  // Confirming ends the sessions the cabinet had; log in again.
  return { ...abonent, id: await logIn(abonent.client, abonent.email, abonent.password) };
}

export interface Partner {
  appId: string;
  keyId: string;
  apiKey: string;
  supplierId: string;
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
}

/** A partner app for a supplier (by code) with the given scopes and a fresh API key. */
export async function createPartner(
  app: TestKabinet,
  supplierCode: string,
  scopes: PartnerScope[],
  name = `Биллинг ${supplierCode}`,
): Promise<Partner> {
  const supplier = await new SupplierService(app.kabinet.subgraphs.accounts.orm.em.fork()).findByCode(supplierCode);
  if (!supplier) throw new Error(`no supplier ${supplierCode}`);
  const { app: partnerApp, key } = await new PartnerService(app.kabinet.subgraphs.identity.orm.em.fork()).create({
    name,
    supplierId: supplier.id,
    scopes,
  });
  return {
    appId: partnerApp.id,
    keyId: key.keyId,
    apiKey: key.apiKey,
    supplierId: supplier.id,
    graphql: (query, variables) => app.graphql(query, variables, { authorization: `Bearer ${key.apiKey}` }),
  };
}
