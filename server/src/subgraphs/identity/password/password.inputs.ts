// Inputs of «Смена пароля» and «Забыли пароль?».
import { Field, InputType } from 'type-graphql';

@InputType({ description: '«Смена пароля»: the current password and the new one, twice.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now (else `WRONG_PASSWORD`).' })
  currentPassword!: string;

  @Field(() => String, {
    description:
      'The new password: it must follow `passwordPolicy` and differ from the current one (`PASSWORD_UNCHANGED`).',
  })
  newPassword!: string;

  @Field(() => String, { description: 'The new password again, exactly (else `PASSWORD_MISMATCH`).' })
  newPasswordRepeat!: string;
}

@InputType({ description: '«Забыли пароль?»: the address to send a reset link to.' })
export class RequestPasswordResetInput {
  @Field(() => String, {
    description: 'The login (the e-mail) of the cabinet; the answer does not tell if it has one.',
  })
  email!: string;
}

@InputType({ description: 'A new password, set from the reset link.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the letter’s link.' })
  token!: string;

  @Field(() => String, { description: 'The new password; it must follow `passwordPolicy`.' })
  newPassword!: string;

  @Field(() => String, { description: 'The new password again, exactly (else `PASSWORD_MISMATCH`).' })
  newPasswordRepeat!: string;
}
