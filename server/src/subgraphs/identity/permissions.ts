// Who may call what in the identity subgraph. Anything not listed is denied; everything an abonent does
// beyond logging in needs a confirmed e-mail (isEmailConfirmed).
import { isAuthenticated, isEmailConfirmed, isPartner } from '../../core/rules.js';
import { allow, FEDERATION_RULES, type IRules } from '../../core/shield.js';

export const identityPermissions: IRules = {
  Query: {
    ...FEDERATION_RULES.Query,
    passwordPolicy: allow,
    captchaChallenge: allow,
    me: isAuthenticated,
    mySupportRequests: isEmailConfirmed,
    partnerApp: isPartner,
  },
  Mutation: {
    register: allow,
    login: allow,
    confirmEmail: allow,
    requestPasswordReset: allow,
    resetPassword: allow,
    createSupportRequest: allow,
    resendConfirmation: isAuthenticated,
    logout: isAuthenticated,
    changePassword: isAuthenticated,
    deleteCabinet: isAuthenticated,
    setReadingReminders: isEmailConfirmed,
  },
  _Service: FEDERATION_RULES._Service,
  Abonent: allow,
  UserError: allow,
  PasswordPolicy: allow,
  CaptchaChallenge: allow,
  RegisterPayload: allow,
  ConfirmEmailPayload: allow,
  ResendConfirmationPayload: allow,
  DeleteCabinetPayload: allow,
  LoginPayload: allow,
  PasswordPayload: allow,
  CreateSupportRequestPayload: allow,
  SupportRequest: allow,
  PartnerApp: allow,
  Supplier: allow,
};
