// Public facts pages show before anything is typed: the operator named in the agreement and the consent (from
// configuration), and whether a password-reset link can still be used.
import { describe, expect, it } from 'vitest';
import { confirmedAbonent } from '../../../../test/support/abonents.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';

const { app, mail } = useTestKabinet({
  PUBLIC_URL: 'http://kabinet.test',
  OPERATOR_NAME: 'ООО «Газовый кабинет»',
  OPERATOR_INN: '7838016481',
  OPERATOR_ADDRESS: '190000, Санкт-Петербург, ул. Газовая, д. 5',
});

const LINK = `query ($t: String!) { passwordResetLink(token: $t) { usable problem { field code message } } }`;
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ok errors { code } } }`;

describe('the operator', () => {
  it('is served to anyone as configured', async () => {
    const { body } = await app.browser().graphql('{ operator { name inn address } }');
    expect(body).toEqual({
      data: {
        operator: {
          name: 'ООО «Газовый кабинет»',
          inn: '7838016481',
          address: '190000, Санкт-Петербург, ул. Газовая, д. 5',
        },
      },
    });
  });
});

describe('a password-reset link', () => {
  it('says whether it can be used before any password is sent, and does not use it up', async () => {
    const { email } = await confirmedAbonent(app, mail);
    const client = app.browser();
    const asked = await client.graphql(
      'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ok } }',
      { input: { email } },
    );
    expect(asked.body.data.requestPasswordReset.ok).toBe(true);
    const letter = await mail.waitFor(email, /Восстановление пароля/);
    const token = new URL(mail.linkIn(letter, '/reset-password')).searchParams.get('token')!;

    expect((await client.graphql(LINK, { t: token })).body.data.passwordResetLink).toEqual({
      usable: true,
      problem: null,
    });
    // Asking twice changes nothing: the link still sets the password.
    expect((await client.graphql(LINK, { t: token })).body.data.passwordResetLink.usable).toBe(true);
    const reset = await client.graphql(RESET, {
      input: { token, newPassword: 'xyz78', newPasswordRepeat: 'xyz78' },
    });
    expect(reset.body.data.resetPassword).toEqual({ ok: true, errors: [] });

    expect((await client.graphql(LINK, { t: token })).body.data.passwordResetLink).toEqual({
      usable: false,
      problem: {
        field: 'token',
        code: 'TOKEN_USED',
        message: 'Эта ссылка уже использована. Если нужно, запросите восстановление пароля ещё раз.',
      },
    });
    const bogus = await client.graphql(LINK, { t: 'not-a-token' });
    expect(bogus.body.data.passwordResetLink.problem.code).toBe('TOKEN_INVALID');
  });
});
