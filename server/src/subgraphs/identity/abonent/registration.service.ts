// Registration, e-mail confirmation and «Выслать ссылку»: the seed document's steps 1 and 2.
import { sendLetter } from '../../../core/mail.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { CaptchaService, captchaError } from '../captcha/captcha.service.js';
import { issueEmailToken, redeemEmailToken } from '../email-token/email-token.service.js';
import { forgetSessionsOf } from '../session/session-cache.js';
import type { IdentityContext } from '../identity.context.js';
import { formatDate } from '@kabinet/common/dates';
import { alreadyRegisteredLetter, confirmationLetter } from '../mail/letters.js';
import { hashPassword } from '../password/password-hasher.js';
import { checkPassword, PASSWORD_POLICIES } from '../password/password-policy.js';
import { createRateLimits } from '../rate-limits.js';
import { Abonent } from './abonent.entity.js';
import type { RegisterInput } from './abonent.inputs.js';
import { ConfirmEmailPayload, RegisterPayload, ResendConfirmationPayload } from './abonent.payloads.js';
import { AGREEMENT_VERSION, PERSONAL_DATA_CONSENT_VERSION } from './documents.js';
import { checkEmail, normalizeEmail } from './email-address.js';

export class RegistrationService {
  constructor(private readonly ctx: IdentityContext) {}

  async register(input: RegisterInput): Promise<RegisterPayload> {
    const { config, em, queue } = this.ctx;
    const errors: UserError[] = [];
    const email = checkEmail(input.email, 'email');
    if ('error' in email) errors.push(email.error);
    const policy = PASSWORD_POLICIES[config.passwordPolicy];
    const passwordError = checkPassword(policy, input.password, 'password');
    if (passwordError) errors.push(passwordError);
    else if (input.password !== input.passwordRepeat) {
      errors.push(
        UserError.of('passwordRepeat', 'PASSWORD_MISMATCH', 'Пароли не совпадают: повторите пароль точно так же.'),
      );
    }
    if (!input.acceptAgreement) {
      errors.push(
        UserError.of(
          'acceptAgreement',
          'AGREEMENT_REQUIRED',
          'Чтобы зарегистрироваться, примите условия Пользовательского соглашения.',
        ),
      );
    }
    if (!input.consentToPersonalData) {
      errors.push(
        UserError.of(
          'consentToPersonalData',
          'PERSONAL_DATA_CONSENT_REQUIRED',
          'Чтобы зарегистрироваться, дайте согласие на обработку персональных данных.',
        ),
      );
    }
    if (errors.length > 0 || 'error' in email)
      return failed(RegisterPayload, errors, { email: null, confirmationDeadline: null });

    // Hash before looking the address up: a taken address costs the same time as a new one.
    const passwordHash = await hashPassword(input.password);
    const now = this.ctx.clock.now();
    const deadline = new Date(now.getTime() + config.confirmationTtlMs);
    const captcha = CaptchaService.fromConfig(config);
    const outcome = await em.transactional(async (tx) => {
      const captchaProblem = captchaError(await captcha.verify(tx, input.captcha));
      if (captchaProblem) return captchaProblem;
      const normalized = normalizeEmail(email.email);
      const existing = await tx.findOne(Abonent, { emailNormalized: normalized });
      if (existing) {
        await sendLetter(
          queue,
          tx,
          alreadyRegisteredLetter(existing.email, `${config.publicUrl}/login`, `${config.publicUrl}/forgot-password`),
          config.publicUrl,
        );
        return null;
      }
      const abonent = tx.create(Abonent, {
        email: email.email,
        emailNormalized: normalized,
        passwordHash,
        confirmationDeadline: deadline,
        agreementVersion: AGREEMENT_VERSION,
        agreementAcceptedAt: now,
        personalDataConsentVersion: PERSONAL_DATA_CONSENT_VERSION,
        personalDataConsentAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.flush();
      const token = await issueEmailToken(tx, abonent.id, 'confirm_email', deadline, now);
      await sendLetter(
        queue,
        tx,
        confirmationLetter(abonent.email, this.confirmUrl(token), deadline),
        config.publicUrl,
      );
      return null;
    });
    if (outcome) return failed(RegisterPayload, [outcome], { email: null, confirmationDeadline: null });
    // The same answer whether the address was new or taken: registration reveals no accounts.
    this.ctx.log.info('registration accepted');
    return succeeded(RegisterPayload, { email: email.email, confirmationDeadline: deadline });
  }

  async confirm(token: string): Promise<ConfirmEmailPayload> {
    const now = this.ctx.clock.now();
    const result = await this.ctx.em.transactional(async (tx) => {
      const redeemed = await redeemEmailToken(tx, token.trim(), 'confirm_email', now);
      if (!redeemed.ok) return redeemed.reason;
      const abonent = await tx.findOneOrFail(Abonent, { id: redeemed.token.abonentId });
      abonent.emailConfirmedAt ??= now;
      abonent.confirmationDeadline = null;
      await tx.flush();
      // A signed-in abonent's next request carries the confirmation.
      forgetSessionsOf(tx, this.ctx.queue, abonent.id);
      return abonent;
    });
    if (typeof result !== 'string') return succeeded(ConfirmEmailPayload, { email: result.email });
    const errors: Record<typeof result, UserError> = {
      unknown: UserError.of(
        'token',
        'TOKEN_INVALID',
        'Ссылка недействительна. Проверьте, что она скопирована из письма целиком.',
      ),
      used: UserError.of(
        'token',
        'TOKEN_USED',
        'Эта ссылка уже использована: регистрация подтверждена. Войдите в Личный кабинет.',
      ),
      revoked: UserError.of(
        'token',
        'TOKEN_REVOKED',
        'Эта ссылка заменена более новой: откройте ссылку из последнего письма или нажмите «Выслать ссылку».',
      ),
      expired: UserError.of(
        'token',
        'TOKEN_EXPIRED',
        'Срок действия ссылки истёк. Если Личный кабинет ещё не удалён, войдите и нажмите «Выслать ссылку».',
      ),
    };
    return failed(ConfirmEmailPayload, [errors[result]], { email: null });
  }

  /** «Выслать ссылку»: a fresh link, the old one dies, the deadline stays. Once a minute, ten times a day. */
  async resend(abonentId: string): Promise<ResendConfirmationPayload> {
    const { em, queue } = this.ctx;
    const abonent = await em.findOne(Abonent, { id: abonentId });
    if (!abonent)
      return failed(ResendConfirmationPayload, [UserError.of(null, 'NOT_FOUND', 'Личный кабинет не найден.')], {
        confirmationDeadline: null,
      });
    if (abonent.emailConfirmedAt || !abonent.confirmationDeadline) {
      return failed(
        ResendConfirmationPayload,
        [UserError.of(null, 'ALREADY_CONFIRMED', 'Адрес электронной почты уже подтверждён.')],
        { confirmationDeadline: null },
      );
    }
    const deadline = abonent.confirmationDeadline;
    const limits = createRateLimits(this.ctx);
    const wait = (await limits.resendPerMinute.hit(abonent.id)) ?? (await limits.resendPerDay.hit(abonent.id));
    if (wait !== null) {
      const message =
        wait > 120
          ? 'Ссылку можно выслать не более 10 раз в сутки. Попробуйте завтра или напишите в поддержку.'
          : `Ссылку можно высылать не чаще раза в минуту. Попробуйте через ${wait} с.`;
      return failed(ResendConfirmationPayload, [UserError.of(null, 'RATE_LIMITED', message)], {
        confirmationDeadline: deadline,
      });
    }
    await em.transactional(async (tx) => {
      const token = await issueEmailToken(tx, abonent.id, 'confirm_email', deadline, this.ctx.clock.now());
      await sendLetter(
        queue,
        tx,
        confirmationLetter(abonent.email, this.confirmUrl(token), deadline),
        this.ctx.config.publicUrl,
      );
    });
    this.ctx.log.info({ deadline: formatDate(deadline) }, 'confirmation link sent again');
    return succeeded(ResendConfirmationPayload, { confirmationDeadline: deadline });
  }

  private confirmUrl(token: string): string {
    return `${this.ctx.config.publicUrl}/confirm?token=${token}`;
  }
}
