// A support request as a thread: the abonent reads it and adds to it, support answers (by API or command), and the
// abonent gets each answer by letter. An abonent sees only their own requests.
import { SUPPORT_TEXT_MAX, supportTextTooLong } from '@kabinet/common/support';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphDependencies } from '../../../core/context.js';
import { sendLetter } from '../../../core/mail.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { supportAdditionLetter, supportAnswerLetter } from '../mail/letters.js';
import {
  SupportMessage,
  SupportMessageAuthor,
  SupportRequest,
  SupportRequestStatus,
} from './support-request.entity.js';
import { SupportAnswerStatus, type AddSupportMessageInput, type AnswerSupportRequestInput } from './support.inputs.js';
import { SupportThreadPayload } from './support.payloads.js';

/** The most a message may hold, as for the first one. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/** What the thread needs of a request's context: the CLI gives the same from its own. */
export type ThreadDependencies = Pick<SubgraphDependencies, 'config' | 'clock' | 'queue'> & {
  readonly em: EntityManager;
};

function textProblem(raw: string): UserError | null {
  const text = raw.trim();
  if (!text) return UserError.of('text', 'TEXT_REQUIRED', 'Напишите текст сообщения.');
  if (text.length > SUPPORT_TEXT_MAX) {
    return UserError.of('text', 'TEXT_TOO_LONG', supportTextTooLong);
  }
  if (CONTROL.test(text)) return UserError.of('text', 'INVALID_CHARACTERS', 'Сообщение содержит недопустимые символы.');
  return null;
}

const notFound = () =>
  UserError.of('number', 'SUPPORT_REQUEST_NOT_FOUND', 'Обращение с таким номером не найдено среди Ваших обращений.');

export class SupportThreadService {
  constructor(private readonly deps: ThreadDependencies) {}

  /** The abonent's own request by its number; null for anyone else's (the same as for none). */
  findMine(abonentId: string, number: number): Promise<SupportRequest | null> {
    return this.deps.em.findOne(SupportRequest, { abonentId, number });
  }

  messages(requestId: string): Promise<SupportMessage[]> {
    return this.deps.em.find(SupportMessage, { requestId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** The abonent adds to an open request of their own; support is told by letter. */
  async add(abonentId: string, input: AddSupportMessageInput): Promise<SupportThreadPayload> {
    const problem = textProblem(input.text);
    if (problem) return failed(SupportThreadPayload, [problem], { supportRequest: null });
    const { config, queue, clock } = this.deps;
    const result = await this.deps.em.transactional(async (tx) => {
      const request = await tx.findOne(SupportRequest, { abonentId, number: input.number });
      if (!request) return notFound();
      if (request.status === SupportRequestStatus.CLOSED) {
        return UserError.of(
          'number',
          'SUPPORT_REQUEST_CLOSED',
          'Обращение закрыто, дополнить его нельзя. Если вопрос остался, напишите новое обращение.',
        );
      }
      const text = input.text.trim();
      tx.create(SupportMessage, {
        requestId: request.id,
        author: SupportMessageAuthor.ABONENT,
        text,
        createdAt: clock.now(),
      });
      // Still unanswered stays «Новое»; after an answer the request is support's to answer again.
      if (request.status !== SupportRequestStatus.NEW) request.status = SupportRequestStatus.IN_PROGRESS;
      await tx.flush();
      await sendLetter(queue, tx, supportAdditionLetter(config.supportEmail, request, text), config.publicUrl);
      return request;
    });
    if (result instanceof UserError) return failed(SupportThreadPayload, [result], { supportRequest: null });
    return succeeded(SupportThreadPayload, { supportRequest: result });
  }

  /** Support answers any request by its number; the abonent gets the answer at the address they gave. */
  async answer(input: AnswerSupportRequestInput): Promise<SupportThreadPayload> {
    const problem = textProblem(input.text);
    if (problem) return failed(SupportThreadPayload, [problem], { supportRequest: null });
    const { config, queue, clock } = this.deps;
    const result = await this.deps.em.transactional(async (tx) => {
      const request = await tx.findOne(SupportRequest, { number: input.number });
      if (!request) {
        return UserError.of('number', 'SUPPORT_REQUEST_NOT_FOUND', `Обращения № ${input.number} нет.`);
      }
      if (request.status === SupportRequestStatus.CLOSED) {
        return UserError.of('number', 'SUPPORT_REQUEST_CLOSED', `Обращение № ${input.number} уже закрыто.`);
      }
      const text = input.text.trim();
      tx.create(SupportMessage, {
        requestId: request.id,
        author: SupportMessageAuthor.SUPPORT,
        text,
        createdAt: clock.now(),
      });
      request.status = SupportRequestStatus[input.status ?? SupportAnswerStatus.ANSWERED];
      await tx.flush();
      const url = `${config.publicUrl}/support?request=${request.number}`;
      await sendLetter(queue, tx, supportAnswerLetter(request.contactEmail, request, text, url), config.publicUrl);
      return request;
    });
    if (result instanceof UserError) return failed(SupportThreadPayload, [result], { supportRequest: null });
    return succeeded(SupportThreadPayload, { supportRequest: result });
  }
}
