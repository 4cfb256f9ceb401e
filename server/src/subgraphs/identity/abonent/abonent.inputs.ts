// Inputs of registration and e-mail confirmation.
import { Field, InputType } from 'type-graphql';
import { PAYLOAD_MAX_LENGTH, TextLimit } from '../../../core/text-limits.js';

@InputType({ description: 'Registration form («Регистрация»).' })
export class RegisterInput {
  @Field(() => String, { description: 'The login.' })
  email!: string;

  @Field(() => String, { description: 'The password; it must follow `passwordPolicy`.' })
  password!: string;

  @Field(() => String, { description: 'The password again, exactly (else `PASSWORD_MISMATCH`).' })
  passwordRepeat!: string;

  @TextLimit(PAYLOAD_MAX_LENGTH)
  @Field(() => String, { nullable: true, description: 'The ALTCHA widget payload («Защита от роботов»).' })
  captcha?: string | null;

  @Field(() => Boolean, { description: 'The user agreement was accepted.' })
  acceptAgreement!: boolean;

  @Field(() => Boolean, { description: 'Separate consent to personal-data processing (152-ФЗ, art. 9).' })
  consentToPersonalData!: boolean;
}
