// Who may call what in the accounts subgraph. Anything not listed is denied.
import { allow, FEDERATION_RULES, type IRules } from '../../core/shield.js';

export const accountsPermissions: IRules = {
  Query: {
    ...FEDERATION_RULES.Query,
    // The supplier catalog is public: it is chosen before registration and shown on the public page.
    suppliers: allow,
    supplier: allow,
  },
  _Service: FEDERATION_RULES._Service,
  Supplier: allow,
};
