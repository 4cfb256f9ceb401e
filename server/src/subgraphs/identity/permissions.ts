// Who may call what in the identity subgraph. Anything not listed is denied.
import { FEDERATION_RULES, type IRules } from '../../core/shield.js';

export const identityPermissions: IRules = {
  Query: { _service: FEDERATION_RULES.Query._service },
  _Service: FEDERATION_RULES._Service,
};
