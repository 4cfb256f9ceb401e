// Versions of the documents an abonent accepts at registration; the texts are served by the web client, the
// operator they name by the `operator` query (2026-12-02: the operator is named).
export const AGREEMENT_VERSION = '2026-12-02';
export const PERSONAL_DATA_CONSENT_VERSION = '2026-12-02';
