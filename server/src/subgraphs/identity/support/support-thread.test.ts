// Support requests as threads through the public API: the abonent opens their own and adds to it, support answers
// through the API (scope `support:answer`) and through `npm run support`, the abonent gets each answer by letter,
// and nobody reaches another's request.
import { describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner } from '../../../../test/support/abonents.js';
import { SERVER_URL } from '../../../../test/support/database.js';
import { runProcess } from '../../../../test/support/processes.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';

const PUBLIC_URL = 'http://kabinet.test';
const { app, mail } = useTestKabinet({ PUBLIC_URL, SUPPORT_EMAIL: 'support@kabinet.test', DEMO_DATA: 'true' });

const CREATE = `mutation ($input: CreateSupportRequestInput!) {
  createSupportRequest(input: $input) { ok supportRequest { number } }
}`;
const OPEN = `query ($n: Int!) {
  mySupportRequest(number: $n) { number topic message status messages { author text createdAt } }
}`;
const ADD = `mutation ($input: AddSupportMessageInput!) {
  addSupportMessage(input: $input) { ok errors { field code message } supportRequest { status } }
}`;
const ANSWER = `mutation ($input: AnswerSupportRequestInput!) {
  answerSupportRequest(input: $input) { ok errors { field code message } supportRequest { number status } }
}`;

async function abonentWithRequest(topic = 'Оплата', message = 'Платёж не виден в кабинете') {
  const abonent = await confirmedAbonent(app, mail);
  const created = await abonent.client.graphql(CREATE, { input: { topic, message, contactEmail: abonent.email } });
  expect(created.body.data.createSupportRequest.ok).toBe(true);
  return { ...abonent, number: created.body.data.createSupportRequest.supportRequest.number as number };
}

describe('a support request as a thread', () => {
  it('opens with the text sent, takes additions, shows answers and mails each answer to the abonent', async () => {
    const { client, email, number } = await abonentWithRequest();
    const opened = await client.graphql(OPEN, { n: number });
    expect(opened.body.data.mySupportRequest).toEqual({
      number,
      topic: 'Оплата',
      message: 'Платёж не виден в кабинете',
      status: 'NEW',
      messages: [],
    });

    const added = await client.graphql(ADD, { input: { number, text: '  Оплачивал картой вчера.  ' } });
    expect(added.body.data.addSupportMessage).toEqual({ ok: true, errors: [], supportRequest: { status: 'NEW' } });
    const told = await mail.waitFor('support@kabinet.test', new RegExp(`Дополнение к обращению № ${number}`));
    expect(told.text).toContain('Оплачивал картой вчера.');

    const desk = await createPartner(app, 'sankt-peterburg', ['support:answer'], 'Поддержка');
    const answered = await desk.graphql(ANSWER, {
      input: { number, text: 'Пришлите, пожалуйста, номер платежа.', status: 'WAITING_FOR_ABONENT' },
    });
    expect(answered.body.data.answerSupportRequest).toEqual({
      ok: true,
      errors: [],
      supportRequest: { number, status: 'WAITING_FOR_ABONENT' },
    });
    const letter = await mail.waitFor(email, new RegExp(`Ответ на обращение № ${number}`));
    expect(letter.text).toContain('Пришлите, пожалуйста, номер платежа.');
    expect(letter.text).toContain('Поддержка ждёт Вашего ответа.');
    expect(mail.linkIn(letter, '/support')).toBe(`${PUBLIC_URL}/support?request=${number}`);

    const reply = await client.graphql(ADD, { input: { number, text: 'Номер 123.' } });
    expect(reply.body.data.addSupportMessage.supportRequest).toEqual({ status: 'IN_PROGRESS' });
    const thread = await client.graphql(OPEN, { n: number });
    expect(
      thread.body.data.mySupportRequest.messages.map((m: { author: string; text: string }) => [m.author, m.text]),
    ).toEqual([
      ['ABONENT', 'Оплачивал картой вчера.'],
      ['SUPPORT', 'Пришлите, пожалуйста, номер платежа.'],
      ['ABONENT', 'Номер 123.'],
    ]);

    const closed = await desk.graphql(ANSWER, { input: { number, text: 'Платёж найден.', status: 'CLOSED' } });
    expect(closed.body.data.answerSupportRequest.supportRequest.status).toBe('CLOSED');
    const late = await client.graphql(ADD, { input: { number, text: 'Спасибо!' } });
    expect(late.body.data.addSupportMessage.errors.map((e: { code: string }) => e.code)).toEqual([
      'SUPPORT_REQUEST_CLOSED',
    ]);
    const again = await desk.graphql(ANSWER, { input: { number, text: 'Ещё раз.' } });
    expect(again.body.data.answerSupportRequest.errors.map((e: { code: string }) => e.code)).toEqual([
      'SUPPORT_REQUEST_CLOSED',
    ]);
  });

  it('refuses an empty addition with a message saying what to write', async () => {
    const { client, number } = await abonentWithRequest();
    const empty = await client.graphql(ADD, { input: { number, text: '   ' } });
    expect(empty.body.data.addSupportMessage).toMatchObject({
      ok: false,
      errors: [{ field: 'text', code: 'TEXT_REQUIRED', message: 'Напишите текст сообщения.' }],
    });
  });

  it('shows nobody another abonent’s request, by number or by adding to it', async () => {
    const owner = await abonentWithRequest('Другое', 'Личный вопрос');
    const stranger = await confirmedAbonent(app, mail);
    const seen = await stranger.client.graphql(OPEN, { n: owner.number });
    expect(seen.body.data).toEqual({ mySupportRequest: null });
    const added = await stranger.client.graphql(ADD, { input: { number: owner.number, text: 'Чужое' } });
    expect(added.body.data.addSupportMessage.errors.map((e: { code: string }) => e.code)).toEqual([
      'SUPPORT_REQUEST_NOT_FOUND',
    ]);
    const anonymous = await app.browser().graphql(OPEN, { n: owner.number });
    expect(anonymous.body.data?.mySupportRequest ?? null).toBeNull();
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const thread = await owner.client.graphql(OPEN, { n: owner.number });
    expect(thread.body.data.mySupportRequest.messages).toEqual([]);
  });

  it('lets only a key with the scope support:answer answer, never an abonent', async () => {
    const { client, number } = await abonentWithRequest();
    const asAbonent = await client.graphql(ANSWER, { input: { number, text: 'Сам себе отвечу' } });
    expect(asAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const billing = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    const asBilling = await billing.graphql(ANSWER, { input: { number, text: 'Не наш вопрос' } });
    expect(asBilling.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await client.graphql(OPEN, { n: number })).body.data.mySupportRequest).toMatchObject({
      status: 'NEW',
      messages: [],
    });
  });

  it.skipIf(!SERVER_URL)(
    'takes an answer from the support command and mails it to the abonent',
    async () => {
      const { client, email, number } = await abonentWithRequest('Лицевые счета', 'Не подключается счёт');
      const env = { DATABASE_URL: app.database.url, LOG_LEVEL: 'silent' };
      const listed = await runProcess('support-main.ts', ['list'], env);
      expect(listed.output).toContain(`№ ${number} `);
      const answered = await runProcess(
        'support-main.ts',
        ['answer', String(number), 'Проверьте', 'номер', 'лицевого', 'счёта.', '--close'],
        env,
      );
      expect(answered.code, answered.output).toBe(0);
      expect(answered.output).toContain(`Answered № ${number}; status CLOSED`);
      const letter = await mail.waitFor(email, new RegExp(`Ответ на обращение № ${number}`));
      expect(letter.text).toContain('Проверьте номер лицевого счёта.');
      expect(letter.text).toContain('Обращение закрыто.');
      const thread = await client.graphql(OPEN, { n: number });
      expect(thread.body.data.mySupportRequest).toMatchObject({
        status: 'CLOSED',
        messages: [{ author: 'SUPPORT', text: 'Проверьте номер лицевого счёта.' }],
      });
      const unknown = await runProcess('support-main.ts', ['answer', '99999999', 'x'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.output).toContain('Обращения № 99999999 нет.');
    },
    120_000,
  );
});
