// The new password, its repeat and «Показать пароль», as registration, the reset link and the password change ask for them.
import type { Component } from 'solid-js';
import { ShowPasswordToggle, TextField } from '../shared/forms';
import type { PasswordPolicy } from './password-policy';

interface NewPasswordFieldsProps {
  /** Ids of the new password's input, of its repeat's and of the «Показать пароль» checkbox. */
  ids: { password: string; repeat: string; showPassword: string };
  /** The new password's label («Повторите пароль» is the repeat's everywhere). */
  label: string;
  /** The form's names of the two fields: errors are looked up and checks rerun by them. */
  fields: { password: string; repeat: string };
  /** The rule in force: its description is the new password's hint and «?» text. */
  policy: PasswordPolicy | undefined;
  password: string;
  onPasswordInput: (value: string) => void;
  repeat: string;
  onRepeatInput: (value: string) => void;
  /** Whether the password fields show plain text (a form's current-password field may follow it too). */
  showPassword: boolean;
  onShowPasswordChange: (checked: boolean) => void;
  /** The form's field errors, by field name. */
  errors: Record<string, string>;
  /** Runs a field's check again (while it shows an error): a new password may also fix or break the repeat. */
  recheck: (field: string) => void;
}

export const NewPasswordFields: Component<NewPasswordFieldsProps> = (props) => {
  const type = () => (props.showPassword ? 'text' : 'password');
  return (
    <>
      <TextField
        id={props.ids.password}
        label={props.label}
        type={type()}
        autocomplete="new-password"
        value={props.password}
        onInput={(value) => {
          props.onPasswordInput(value);
          props.recheck(props.fields.password);
          props.recheck(props.fields.repeat);
        }}
        hint={props.policy?.description}
        tooltip={props.policy?.description}
        error={props.errors[props.fields.password]}
      />
      <TextField
        id={props.ids.repeat}
        label="Повторите пароль"
        type={type()}
        autocomplete="new-password"
        value={props.repeat}
        onInput={(value) => {
          props.onRepeatInput(value);
          props.recheck(props.fields.repeat);
        }}
        error={props.errors[props.fields.repeat]}
      />
      <ShowPasswordToggle
        id={props.ids.showPassword}
        checked={props.showPassword}
        onChange={props.onShowPasswordChange}
      />
    </>
  );
};
