// Support requests: stored, mailed to SUPPORT_EMAIL; an abonent sees their own.
import { SUPPORT_TEXT_MAX, supportTextTooLong } from '@kabinet/common/support';
import { sendLetter } from '../../../core/mail.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { checkEmail } from '../abonent/email-address.js';
import { CaptchaService, captchaError } from '../captcha/captcha.service.js';
import type { IdentityContext } from '../identity.context.js';
import { supportRequestLetter } from '../mail/letters.js';
import { createRateLimits } from '../rate-limits.js';
import { SupportRequest } from './support-request.entity.js';
import type { CreateSupportRequestInput } from './support.inputs.js';
import { CreateSupportRequestPayload } from './support.payloads.js';

/** Control characters other than line breaks and tabs have no place in a message. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

export class SupportService {
  constructor(private readonly ctx: IdentityContext) {}

  async create(input: CreateSupportRequestInput): Promise<CreateSupportRequestPayload> {
    const { em, config, queue, caller } = this.ctx;
    const errors: UserError[] = [];
    const topic = input.topic.trim();
    const message = input.message.trim();
    if (!topic) errors.push(UserError.of('topic', 'TOPIC_REQUIRED', 'Укажите тему обращения.'));
    else if (topic.length > 200)
      errors.push(UserError.of('topic', 'TOPIC_TOO_LONG', 'Тема не может быть длиннее 200 символов.'));
    else if (CONTROL.test(topic) || /[\n\t]/.test(topic)) {
      errors.push(UserError.of('topic', 'INVALID_CHARACTERS', 'Тема содержит недопустимые символы.'));
    }
    if (!message) errors.push(UserError.of('message', 'MESSAGE_REQUIRED', 'Опишите Ваш вопрос.'));
    else if (message.length > SUPPORT_TEXT_MAX) {
      errors.push(UserError.of('message', 'MESSAGE_TOO_LONG', supportTextTooLong));
    } else if (CONTROL.test(message)) {
      errors.push(UserError.of('message', 'INVALID_CHARACTERS', 'Сообщение содержит недопустимые символы.'));
    }
    const email = checkEmail(input.contactEmail, 'contactEmail');
    if ('error' in email) errors.push(email.error);
    if (errors.length > 0 || 'error' in email)
      return failed(CreateSupportRequestPayload, errors, { supportRequest: null });

    const wait = await createRateLimits(this.ctx).supportByIp.hit(this.ctx.clientIp);
    if (wait !== null) {
      return failed(
        CreateSupportRequestPayload,
        [UserError.of(null, 'RATE_LIMITED', `Слишком много обращений. Попробуйте через ${Math.ceil(wait / 60)} мин.`)],
        { supportRequest: null },
      );
    }
    const abonentId = caller.kind === 'abonent' ? caller.abonentId : null;
    // Only a confirmed e-mail vouches for a person: a registration nobody confirmed costs one CAPTCHA and
    // would otherwise open unlimited requests without one.
    const vouched = caller.kind === 'abonent' && caller.emailConfirmed;
    const captcha = CaptchaService.fromConfig(config);
    const result = await em.transactional(async (tx) => {
      // A confirmed abonent has proved the address; strangers and unconfirmed abonents solve one per request.
      if (!vouched) {
        const problem = captchaError(await captcha.verify(tx, input.captcha));
        if (problem) return problem;
      }
      const request = tx.create(SupportRequest, { abonentId, topic, message, contactEmail: email.email });
      await tx.flush();
      await sendLetter(queue, tx, supportRequestLetter(config.supportEmail, request), config.publicUrl);
      return request;
    });
    if (result instanceof UserError) return failed(CreateSupportRequestPayload, [result], { supportRequest: null });
    this.ctx.log.info({ supportRequestId: result.id }, 'support request created');
    return succeeded(CreateSupportRequestPayload, { supportRequest: result });
  }

  mine(abonentId: string): Promise<SupportRequest[]> {
    return this.ctx.em.find(SupportRequest, { abonentId }, { orderBy: { createdAt: 'desc' }, limit: 100 });
  }
}
