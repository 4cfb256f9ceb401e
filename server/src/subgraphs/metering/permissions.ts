// Who may call what in the metering subgraph. Anything not listed is denied.
import { confirmedAbonentOrPartner, isEmailConfirmed, partnerWithScope } from '../../core/rules.js';
import { allow, FEDERATION_RULES, type IRules } from '../../core/shield.js';

export const meteringPermissions: IRules = {
  Query: { ...FEDERATION_RULES.Query, partnerReadings: partnerWithScope('readings:read') },
  Mutation: {
    submitReadings: isEmailConfirmed,
    upsertMeters: partnerWithScope('readings:write'),
    recordReadings: partnerWithScope('readings:write'),
    updateReadingRules: partnerWithScope('supplier:write'),
  },
  _Service: FEDERATION_RULES._Service,
  // The account itself was let through by the accounts subgraph; its meters also need readings:read for partners.
  PersonalAccount: {
    '*': allow,
    meters: confirmedAbonentOrPartner('readings:read'),
    monthlyConsumption: confirmedAbonentOrPartner('readings:read'),
  },
  MonthlyConsumption: allow,
  ComparisonReading: allow,
  Meter: allow,
  Reading: allow,
  ReadingResult: allow,
  SubmitReadingsPayload: allow,
  UserError: allow,
  RowError: allow,
  PartnerWritePayload: allow,
  PartnerReading: allow,
  PartnerReadingPage: allow,
  PageInfo: allow,
  ReadingRules: allow,
  UpdateReadingRulesPayload: allow,
};
