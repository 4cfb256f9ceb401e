// «Смена пароля» and «Забыли пароль?»: both end other sessions and tell the owner by letter.
import { formatDuration } from '@kabinet/common/dates';
import { sendLetter } from '../../../core/mail.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { Abonent } from '../abonent/abonent.entity.js';
import { checkEmail, normalizeEmail } from '../abonent/email-address.js';
import { inspectEmailToken, issueEmailToken, redeemEmailToken } from '../email-token/email-token.service.js';
import type { IdentityContext } from '../identity.context.js';
import { passwordChangedLetter, passwordResetLetter } from '../mail/letters.js';
import { createRateLimits } from '../rate-limits.js';
import { endSessions } from '../session/session.service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { checkPassword, PASSWORD_POLICIES } from './password-policy.js';
import type { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput } from './password.inputs.js';
import { PasswordPayload, PasswordResetLink } from './password.payloads.js';

/** Why a reset link cannot set a password, said the same by the page and by the reset itself. */
function resetLinkProblem(outcome: 'unknown' | 'used' | 'expired' | 'revoked', validForMs: number): UserError {
  const message =
    outcome === 'expired'
      ? `Срок действия ссылки истёк (она действует ${formatDuration(validForMs)}). Запросите восстановление пароля ещё раз.`
      : outcome === 'used'
        ? 'Эта ссылка уже использована. Если нужно, запросите восстановление пароля ещё раз.'
        : 'Ссылка недействительна. Запросите восстановление пароля ещё раз и откройте ссылку из последнего письма.';
  const code = outcome === 'expired' ? 'TOKEN_EXPIRED' : outcome === 'used' ? 'TOKEN_USED' : 'TOKEN_INVALID';
  return UserError.of('token', code, message);
}

export class PasswordService {
  constructor(private readonly ctx: IdentityContext) {}

  async change(abonentId: string, input: ChangePasswordInput): Promise<PasswordPayload> {
    const { em, config, queue } = this.ctx;
    const abonent = await em.findOneOrFail(Abonent, { id: abonentId });
    const errors = this.checkNew(input.newPassword, input.newPasswordRepeat);
    if (!(await verifyPassword(abonent.passwordHash, input.currentPassword))) {
      errors.unshift(UserError.of('currentPassword', 'WRONG_PASSWORD', 'Текущий пароль указан неверно.'));
    } else if (errors.length === 0 && input.newPassword === input.currentPassword) {
      errors.push(UserError.of('newPassword', 'PASSWORD_UNCHANGED', 'Новый пароль должен отличаться от текущего.'));
    }
    if (errors.length > 0) return failed(PasswordPayload, errors);
    const passwordHash = await hashPassword(input.newPassword);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(Abonent, { id: abonent.id }, { passwordHash, updatedAt: this.ctx.clock.now() });
      await endSessions(tx, queue, abonent.id, this.ctx.sessionToken);
      await sendLetter(
        queue,
        tx,
        passwordChangedLetter(abonent.email, `${config.publicUrl}/forgot-password`),
        config.publicUrl,
      );
    });
    this.ctx.log.info('password changed');
    return succeeded(PasswordPayload);
  }

  /** Answers the same whether or not the address has a cabinet. */
  async requestReset(input: RequestPasswordResetInput): Promise<PasswordPayload> {
    const { em, config, queue } = this.ctx;
    const email = checkEmail(input.email, 'email');
    if ('error' in email) return failed(PasswordPayload, [email.error]);
    const normalized = normalizeEmail(email.email);
    const limits = createRateLimits(this.ctx);
    const wait = (await limits.resetByIp.hit(this.ctx.clientIp)) ?? (await limits.resetByEmail.hit(normalized));
    if (wait !== null) {
      return failed(PasswordPayload, [
        UserError.of(
          null,
          'RATE_LIMITED',
          `Слишком много запросов на восстановление пароля. Попробуйте через ${Math.ceil(wait / 60)} мин.`,
        ),
      ]);
    }
    const abonent = await em.findOne(Abonent, { emailNormalized: normalized });
    if (abonent) {
      const now = this.ctx.clock.now();
      await em.transactional(async (tx) => {
        const token = await issueEmailToken(
          tx,
          abonent.id,
          'reset_password',
          new Date(now.getTime() + config.passwordResetTtlMs),
          now,
        );
        await sendLetter(
          queue,
          tx,
          passwordResetLetter(
            abonent.email,
            `${config.publicUrl}/reset-password?token=${token}`,
            config.passwordResetTtlMs,
          ),
          config.publicUrl,
        );
      });
    }
    return succeeded(PasswordPayload);
  }

  /** Sets a new password from a reset link; all sessions end. Following the link also proves the address. */
  async reset(input: ResetPasswordInput): Promise<PasswordPayload> {
    const { em, config, queue } = this.ctx;
    const errors = this.checkNew(input.newPassword, input.newPasswordRepeat);
    if (errors.length > 0) return failed(PasswordPayload, errors);
    const passwordHash = await hashPassword(input.newPassword);
    const now = this.ctx.clock.now();
    const outcome = await em.transactional(async (tx) => {
      const redeemed = await redeemEmailToken(tx, input.token.trim(), 'reset_password', now);
      if (!redeemed.ok) return redeemed.reason;
      const abonent = await tx.findOneOrFail(Abonent, { id: redeemed.token.abonentId });
      abonent.passwordHash = passwordHash;
      abonent.emailConfirmedAt ??= now;
      abonent.confirmationDeadline = null;
      await tx.flush();
      await endSessions(tx, queue, abonent.id);
      await sendLetter(
        queue,
        tx,
        passwordChangedLetter(abonent.email, `${config.publicUrl}/forgot-password`),
        config.publicUrl,
      );
      return null;
    });
    if (outcome === null) return succeeded(PasswordPayload);
    return failed(PasswordPayload, [resetLinkProblem(outcome, this.ctx.config.passwordResetTtlMs)]);
  }

  /** The link's state as the reset would find it now; nothing is used up. */
  async inspectResetLink(token: string): Promise<PasswordResetLink> {
    const state = await inspectEmailToken(this.ctx.em, token.trim(), 'reset_password', this.ctx.clock.now());
    return Object.assign(new PasswordResetLink(), {
      usable: state === 'valid',
      problem: state === 'valid' ? null : resetLinkProblem(state, this.ctx.config.passwordResetTtlMs),
    });
  }

  private checkNew(password: string, repeat: string): UserError[] {
    const problem = checkPassword(PASSWORD_POLICIES[this.ctx.config.passwordPolicy], password, 'newPassword');
    if (problem) return [problem];
    if (password !== repeat) {
      return [
        UserError.of(
          'newPasswordRepeat',
          'PASSWORD_MISMATCH',
          'Пароли не совпадают: повторите новый пароль точно так же.',
        ),
      ];
    }
    return [];
  }
}
