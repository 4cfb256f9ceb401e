// Who may call what in the accounts subgraph. Anything not listed is denied.
import { confirmedAbonentOrPartner, isEmailConfirmed, partnerWithScope } from '../../core/rules.js';
import { allow, FEDERATION_RULES, type IRules } from '../../core/shield.js';

const readsAccounts = partnerWithScope('accounts:read');
const writesAccounts = partnerWithScope('accounts:write');

export const accountsPermissions: IRules = {
  Query: {
    ...FEDERATION_RULES.Query,
    // The supplier catalog is public: it is chosen before registration and shown on the public page.
    suppliers: allow,
    supplier: allow,
    // Visibility is decided per account (linked by the abonent, or of the partner's supplier); others read null.
    personalAccount: confirmedAbonentOrPartner('accounts:read'),
    partnerAccounts: readsAccounts,
  },
  Mutation: {
    linkPersonalAccount: isEmailConfirmed,
    unlinkPersonalAccount: isEmailConfirmed,
    upsertPersonalAccounts: writesAccounts,
    upsertCharges: writesAccounts,
    setBalances: writesAccounts,
    setTariffs: writesAccounts,
    updateSupplierSettings: partnerWithScope('supplier:write'),
  },
  _Service: FEDERATION_RULES._Service,
  Supplier: allow,
  AccountNumberFormat: allow,
  BankDetails: allow,
  SupportContacts: allow,
  UpdateSupplierSettingsPayload: allow,
  Abonent: { '*': allow, accounts: isEmailConfirmed },
  PersonalAccount: { '*': allow, holderName: readsAccounts },
  Balance: allow,
  Tariff: allow,
  Charge: allow,
  PaymentQr: allow,
  PaymentNotice: allow,
  UserError: allow,
  LinkPersonalAccountPayload: allow,
  UnlinkPersonalAccountPayload: allow,
  RowError: allow,
  PartnerWritePayload: allow,
  PersonalAccountPage: allow,
  PageInfo: allow,
};
