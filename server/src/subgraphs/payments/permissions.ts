// Who may call what in the payments subgraph. Anything not listed is denied.
import { confirmedAbonentOrPartner, isEmailConfirmed, partnerWithScope } from '../../core/rules.js';
import { allow, FEDERATION_RULES, type IRules } from '../../core/shield.js';

export const paymentsPermissions: IRules = {
  Query: {
    ...FEDERATION_RULES.Query,
    payment: confirmedAbonentOrPartner('payments:read'),
    partnerPayments: partnerWithScope('payments:read'),
  },
  Mutation: {
    startPayment: isEmailConfirmed,
    checkPayment: isEmailConfirmed,
  },
  _Service: FEDERATION_RULES._Service,
  // The account itself was let through by the accounts subgraph; its payments also need payments:read for partners.
  PersonalAccount: {
    '*': allow,
    payments: confirmedAbonentOrPartner('payments:read'),
    amountDue: confirmedAbonentOrPartner('payments:read'),
    onlinePayment: confirmedAbonentOrPartner('payments:read'),
  },
  OnlinePayment: allow,
  Payment: allow,
  AmountDue: allow,
  StartPaymentPayload: allow,
  UserError: allow,
  PartnerPaymentPage: allow,
  PageInfo: allow,
};
