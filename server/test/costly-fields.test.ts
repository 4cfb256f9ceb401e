// Costly fields (the payment notice's PDF) through the gateway: weighted in the cost limit so a document of many is
// refused before any work, limited per caller across requests, and rendered in a worker thread, not on the event loop.
import { isMainThread, threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuPoolCompleted } from '../src/core/cpu-pool.js';
import { COSTLY_FIELDS } from '../src/gateway/query-limits.js';
import { renderedNotice } from '../src/subgraphs/accounts/personal-account/payment-notice.js';
import { PartnerService } from '../src/subgraphs/identity/partner/partner.service.js';
import { confirmedAbonent, createPartner } from './support/abonents.js';
import type { Browser } from './support/kabinet.js';
import { noticeInput } from './support/notice-input.js';
import { useTestKabinet } from './support/use-kabinet.js';

const RATE = 3;
const { app, mail } = useTestKabinet({ DEMO_DATA: 'true', COSTLY_RATE_LIMIT: String(RATE), COSTLY_RATE_WINDOW: '1h' });

const SPB = { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507' };
const NOTICE_COST = COSTLY_FIELDS['PersonalAccount.paymentNotice']!;
const ONE = `query ($id: ID!) { personalAccount(id: $id) { paymentNotice { period contentBase64 } } }`;
const aliases = (n: number) =>
  `query ($id: ID!) { personalAccount(id: $id) { ${Array.from({ length: n }, (_, i) => `n${i}: paymentNotice { period }`).join(' ')} } }`;

async function linked(): Promise<{ client: Browser; id: string }> {
  const { client } = await confirmedAbonent(app, mail);
  const { body } = await client.graphql(
    `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { ok account { id } } }`,
    { input: SPB },
  );
  expect(body.data?.linkPersonalAccount?.ok, JSON.stringify(body)).toBe(true);
  return { client, id: body.data.linkPersonalAccount.account.id as string };
}

const costRefusal = (actual: number) => ({
  message:
    'Запрос слишком тяжёлый: поля, которые формируются долго (PersonalAccount.paymentNotice (1000)), ' +
    `стоят в нём ${actual}, допускается 3000. Запросите меньше извещений за раз.`,
  extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 3000, actual },
});

describe('a document with many costly fields', () => {
  it('ten paymentNotice aliases are refused with 400 before any PDF is made, for an abonent and a partner', async () => {
    const { client, id } = await linked();
    const partner = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    const before = cpuPoolCompleted();
    for (const caller of [client, partner]) {
      const { status, body } = await caller.graphql(aliases(10), { id });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([costRefusal(10 * NOTICE_COST)]);
    }
    // A partner's export page multiplies it: notices of five accounts at once are refused too.
    const page = await partner.graphql(`{ partnerAccounts(first: 5) { nodes { paymentNotice { period } } } }`);
    expect(page.status).toBe(400);
    expect(page.body.errors).toEqual([costRefusal(5 * NOTICE_COST)]);
    expect(cpuPoolCompleted()).toBe(before);

    // Three fit (and count against the caller's rate below as three).
    const three = await partner.graphql(aliases(3), { id });
    expect(three.status).toBe(200);
    expect(three.body.errors).toBeUndefined();
    expect(Object.keys(three.body.data.personalAccount as object)).toHaveLength(3);
  });
});

describe('the per-caller rate of costly fields', () => {
  it(`refuses an abonent's notice after ${RATE}, saying when to retry; other callers are unaffected`, async () => {
    const first = await linked();
    // Someone else with the same account (a family shares one) and the supplier's billing.
    const second = await linked();
    const partner = await createPartner(app, 'sankt-peterburg', ['accounts:read'], 'Биллинг СПб (лимит)');
    for (let i = 0; i < RATE; i++) {
      const { body } = await first.client.graphql(ONE, { id: first.id });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data.personalAccount.paymentNotice.contentBase64).not.toBe('');
    }
    const before = cpuPoolCompleted();
    const refused = await first.client.graphql(ONE, { id: first.id });
    expect(refused.body.data).toEqual({ personalAccount: { paymentNotice: null } });
    expect(refused.body.errors).toHaveLength(1);
    const error = refused.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: RATE });
    const wait = error.extensions!.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(error.message).toBe(
      `Слишком много извещений за короткое время (не более ${RATE} за 60 мин.). ` +
        `Следующее можно сформировать через ${Math.ceil(wait / 60)} мин.`,
    );
    // Refused before the work: no PDF was made for it.
    expect(cpuPoolCompleted()).toBe(before);

    for (const other of [
      () => second.client.graphql(ONE, { id: first.id }),
      () => partner.graphql(ONE, { id: first.id }),
    ]) {
      const { body } = await other();
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data.personalAccount.paymentNotice.period).toMatch(/^\d{4}-\d{2}$/);
    }

    // A partner app is counted as one caller too, all its keys together (a rotated key starts no new count).
    for (let i = 1; i < RATE; i++) expect((await partner.graphql(ONE, { id: first.id })).body.errors).toBeUndefined();
    const partnerRefused = await partner.graphql(ONE, { id: first.id });
    expect(partnerRefused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: RATE });
    const another = await new PartnerService(app.kabinet.subgraphs.identity.orm.em.fork()).issueKey(partner.appId);
    const withAnotherKey = await app.graphql(ONE, { id: first.id }, { authorization: `Bearer ${another.apiKey}` });
    expect(withAnotherKey.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: RATE });
  });
});

describe('where the PDF is made', () => {
  it('in a worker thread of the CPU pool, for every notice a request asks for', async () => {
    const { client, id } = await linked();
    const before = cpuPoolCompleted();
    const { body } = await client.graphql(aliases(2), { id });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(cpuPoolCompleted()).toBe(before + 2);

    const { pdf, threadId: renderer } = await renderedNotice(noticeInput());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(isMainThread).toBe(true);
    expect(renderer).not.toBe(threadId);
  });
});
