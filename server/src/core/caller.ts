// Who is calling, and the signed envelope that carries it from the gateway to a subgraph in another process.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SUBGRAPH_NAMES, type SubgraphName } from './config.js';

/** The caller of a request. Identity (sessions, partner API keys) fills in the other kinds. */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'abonent'; readonly abonentId: string; readonly emailConfirmed: boolean }
  | {
      readonly kind: 'partner';
      readonly partnerAppId: string;
      readonly supplierId: string;
      readonly scopes: readonly string[];
    };

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

/** What a partner app may be allowed to do; each partner operation names the scope it needs. */
export const PARTNER_SCOPES = [
  'accounts:read',
  'accounts:write',
  'readings:read',
  'readings:write',
  'payments:read',
  'supplier:write',
  /** The operator's own support desk: answers abonents' support requests (`answerSupportRequest`). */
  'support:answer',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** What each scope lets a partner app do; the partner reference lists them from here. */
export const PARTNER_SCOPE_DESCRIPTIONS: Readonly<Record<PartnerScope, string>> = {
  'accounts:read':
    "Read the supplier's personal accounts: `partnerAccounts`, `personalAccount` of its accounts, the holder's full name.",
  'accounts:write':
    "Load the supplier's accounts and their figures in bulk: `upsertPersonalAccounts`, `setBalances`, `setTariffs`, `upsertCharges`.",
  'readings:read':
    "Read meters and readings of the supplier's accounts: `partnerReadings`, `meters`, `monthlyConsumption`.",
  'readings:write': 'Load meters and record readings taken by the supplier: `upsertMeters`, `recordReadings`.',
  'payments:read':
    "Read online payments for the supplier's accounts: `partnerPayments`, `payment`, an account's `payments`, `amountDue`, `onlinePayment`.",
  'supplier:write':
    "Change the supplier's own settings: its contacts and bank details (`updateSupplierSettings`), the reading window and rules (`updateReadingRules`).",
  'support:answer': "The operator's support desk: answer abonents' support requests (`answerSupportRequest`).",
};

/** The token of an `Authorization: Bearer <token>` header; undefined for no header or any other form. */
export function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

/** What a request presented to say who it is: a session cookie (abonents) or an API key (partner apps). */
export interface Credentials {
  readonly sessionToken?: string;
  readonly apiKey?: string;
}

/**
 * The signed envelope on Kabinet's own HTTP endpoints that are not GraphQL (identity's caller lookup, the acquirers'
 * notifications the gateway forwards to payments). A subgraph's GraphQL answer never depends on it: see
 * CALLER_EXTENSION.
 */
export const CALLER_HEADER = 'x-kabinet-caller';

/**
 * Where a GraphQL request to a subgraph service carries its signed envelope: in the body, as
 * `extensions.kabinetCaller`, never in a header. Routers merge identical in-flight subgraph requests, keyed on the
 * URL, the method and the body (Hive Gateway, and Hive Router with only `authorization` besides): with the caller in
 * a header, two abonents' identical first fetches (`{ me { __typename id } }`) were one request, and one of them got
 * the other's dashboard. In the body, with the request id and expiry signed into it, no two client requests'
 * subgraph requests are the same bytes, so no router on any setting can answer one caller with another's data.
 */
export const CALLER_EXTENSION = 'kabinetCaller';

/** The envelope in a subgraph GraphQL request's body (`extensions.kabinetCaller`); undefined when there is none. */
export function envelopeInBody(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const extensions = (body as { extensions?: unknown }).extensions;
  if (!extensions || typeof extensions !== 'object') return undefined;
  const envelope = (extensions as Record<string, unknown>)[CALLER_EXTENSION];
  return typeof envelope === 'string' ? envelope : undefined;
}

/** How long a signed envelope is accepted: enough for one subgraph fetch, too short to be worth replaying. */
const ENVELOPE_TTL_MS = 60_000;

interface Envelope extends EnvelopeFields {
  /** Expiry, ms since epoch. */
  exp: number;
}

export interface EnvelopeFields {
  caller: Caller;
  requestId: string;
  clientIp: string;
  sessionToken?: string;
  /** The subgraph that made the request for the caller (see RequestContext.origin). */
  origin?: SubgraphName;
}

export function signCaller(fields: EnvelopeFields, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...fields, exp: now + ENVELOPE_TTL_MS } satisfies Envelope));
  const body = payload.toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export type VerifiedEnvelope = ({ ok: true } & EnvelopeFields) | { ok: false; reason: string };

/** Verifies a header produced by signCaller; anything unsigned, tampered or stale is refused. */
export function verifyCaller(header: string | undefined, secret: string, now = Date.now()): VerifiedEnvelope {
  if (!header) return { ok: false, reason: 'missing' };
  const [body, signature, ...rest] = header.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'bad signature' };
  let envelope: Envelope;
  try {
    envelope = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Envelope;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof envelope.exp !== 'number' || envelope.exp < now) return { ok: false, reason: 'expired' };
  if (!isCaller(envelope.caller) || typeof envelope.requestId !== 'string' || typeof envelope.clientIp !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  const sessionToken = typeof envelope.sessionToken === 'string' ? envelope.sessionToken : undefined;
  const origin = SUBGRAPH_NAMES.find((name) => name === envelope.origin);
  return {
    ok: true,
    caller: envelope.caller,
    requestId: envelope.requestId,
    clientIp: envelope.clientIp,
    sessionToken,
    origin,
  };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function isCaller(value: unknown): value is Caller {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  switch (c.kind) {
    case 'anonymous':
      return true;
    case 'abonent':
      return typeof c.abonentId === 'string' && typeof c.emailConfirmed === 'boolean';
    case 'partner':
      return typeof c.partnerAppId === 'string' && typeof c.supplierId === 'string' && Array.isArray(c.scopes);
    default:
      return false;
  }
}
