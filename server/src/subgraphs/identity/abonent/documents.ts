// Versions of the documents an abonent accepts at registration; the texts are served by the web client.
export const AGREEMENT_VERSION = '2026-11-24';
export const PERSONAL_DATA_CONSENT_VERSION = '2026-11-24';
