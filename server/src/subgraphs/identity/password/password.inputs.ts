// Inputs of «Смена пароля» and «Забыли пароль?».
import { Field, InputType } from 'type-graphql';

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;

  @Field(() => String)
  newPasswordRepeat!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => String)
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the letter’s link.' })
  token!: string;

  @Field(() => String)
  newPassword!: string;

  @Field(() => String)
  newPasswordRepeat!: string;
}
