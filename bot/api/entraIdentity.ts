// Who is calling, inside Teams: the tab sends the Teams SSO token (an Entra ID v2 access token) as
// `Authorization: Bearer`, and this middleware accepts the caller only if every check passes. The
// caller is the token's `oid`, the same id the bot sees as `from.aadObjectId`.
import type { RequestHandler, Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { appRolesToRecord } from '../../shared/person';
import { ofActorsTenant, type Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { TENANT_ID_PLACEHOLDER, type EntraAuthConfig } from '../config';
import type { Logger } from '../log';
import { sendFailure } from './http';

/** The delegated scope the app registration exposes for Teams SSO. */
export const ACCESS_SCOPE = 'access_as_user';
/** Clocks of Entra and this server may disagree a little; more than this is a real expiry. */
export const CLOCK_TOLERANCE_SECONDS = 60;
/** Entra tokens are RS256; anything else (`none`, HS256 with the public key as secret...) is refused. */
const ALGORITHMS = ['RS256'];
// Teams SSO tokens are 1-3 KB; a far larger one is not worth parsing (Node refuses headers over 16 KB).
const MAX_TOKEN_LENGTH = 8_192;
const FALLBACK_TIME_ZONE = 'UTC';

export interface EntraIdentityOptions {
  /**
   * How long after fetching the keys an unknown `kid` may not trigger another fetch. jose's default
   * (30 s) keeps a flood of made-up key ids from hammering the key endpoint; tests shorten it.
   */
  jwksCooldownMs?: number;
}

export interface VerifiedCaller {
  oid: string;
  tid: string;
  roles: string[];
}

type Refusal =
  | 'missing'
  | 'malformed'
  | 'unknown_key'
  | 'signature'
  | 'algorithm'
  | 'expired'
  | 'claims'
  | 'audience'
  | 'issuer'
  | 'scope'
  | 'tenant'
  | 'keys_unavailable';

export type TokenCheck = { ok: true; caller: VerifiedCaller } | { ok: false; reason: Refusal; detail?: string };

const guid = z
  .string()
  .uuid()
  .transform((s) => s.toLowerCase());
const identityClaims = z.object({ oid: guid, tid: guid, scp: z.string().optional(), roles: z.array(z.string()).optional() });

/** Verifies a compact JWT against Entra's published keys and this app's expectations. */
export function entraTokenVerifier(auth: EntraAuthConfig, options: EntraIdentityOptions = {}): (token: string) => Promise<TokenCheck> {
  // Cached; refetched after 10 minutes, or at once (after the cooldown) when a token names a new key.
  const keys = createRemoteJWKSet(new URL(auth.jwksUri), { cooldownDuration: options.jwksCooldownMs });
  const audience = [auth.clientId, ...(auth.applicationIdUri ? [auth.applicationIdUri] : [])];
  const allowedTenants = new Set(auth.allowedTenants);

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'oid', 'tid'],
      }));
    } catch (error) {
      return { ok: false, ...refusalOf(error) };
    }
    // Only claims of a verified token are read from here on.
    const claims = identityClaims.safeParse(payload);
    if (!claims.success) return { ok: false, reason: 'claims', detail: claims.error.issues.map((i) => i.path.join('.')).join(',') };
    const { oid, tid, scp, roles } = claims.data;
    if (!allowedTenants.has(tid)) return { ok: false, reason: 'tenant', detail: tid };
    if (payload.iss !== auth.issuerTemplate.replace(TENANT_ID_PLACEHOLDER, tid)) return { ok: false, reason: 'issuer' };
    if (!(scp ?? '').split(' ').includes(ACCESS_SCOPE)) return { ok: false, reason: 'scope' };
    return { ok: true, caller: { oid, tid, roles: roles ?? [] } };
  };
}

function refusalOf(error: unknown): { reason: Refusal; detail?: string } {
  if (error instanceof errors.JWTExpired) return { reason: 'expired' };
  if (error instanceof errors.JWTClaimValidationFailed)
    return { reason: error.claim === 'aud' ? 'audience' : 'claims', detail: `${error.claim}:${error.reason}` };
  if (error instanceof errors.JWSSignatureVerificationFailed) return { reason: 'signature' };
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return { reason: 'unknown_key' };
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return { reason: 'algorithm' };
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return { reason: 'malformed' };
  // Whatever is left failed while fetching or reading the key set: not the caller's fault.
  const e = error as { code?: string; name?: string };
  return { reason: 'keys_unavailable', detail: e?.code ?? e?.name ?? 'unknown' };
}

/** Routine refusals (no token yet, an expired one the tab will renew) are not worth a warning. */
const quietRefusals = new Set<Refusal>(['missing', 'expired']);

/** The API's identity middleware with `AUTH_MODE=entra`. */
export function entraIdentity(
  auth: EntraAuthConfig,
  people: PeopleRepository,
  log: Logger,
  now: () => Date,
  options: EntraIdentityOptions = {},
): RequestHandler {
  const verify = entraTokenVerifier(auth, options);
  return async (req, res, next) => {
    const token = bearerToken(req.get('Authorization'));
    const check: TokenCheck = token.ok ? await verify(token.token) : { ok: false, reason: token.reason };
    if (!check.ok) {
      // The reason is logged for operators; the token and jose's messages are not.
      const level = quietRefusals.has(check.reason) ? 'debug' : 'warn';
      log[level]('sign-in refused', { reason: check.reason, detail: check.detail, path: req.path });
      return refuse(res, check.reason);
    }
    const { oid, tid, roles } = check.caller;
    const [stored, recorded] = await Promise.all([people.get(oid), people.appRoles(oid)]);
    // A profile of another tenant is not this caller's: the same object id names nobody here.
    const person = ofActorsTenant({ tenantId: tid }, stored);
    // The bot sees no token: it answers with the roles recorded here (see SECURITY.md, "App roles in the bot").
    // The roles of a person of another tenant are theirs: a token from here never replaces them.
    const record = stored && !person ? undefined : appRolesToRecord(recorded, { tenantId: tid, roles }, now());
    if (record) await people.recordAppRoles(oid, record);
    res.locals.actor = { id: oid, tenantId: tid, timeZone: person?.timeZone ?? FALLBACK_TIME_ZONE, appRoles: roles } satisfies Actor;
    next();
  };
}

function bearerToken(header: string | undefined): { ok: true; token: string } | { ok: false; reason: 'missing' | 'malformed' } {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(header.trim());
  if (!match?.[1] || match[1].length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  return { ok: true, token: match[1] };
}

function refuse(res: Response, reason: Refusal): void {
  if (reason === 'keys_unavailable') {
    res.set('Retry-After', '5');
    return sendFailure(res, { code: 'unavailable', message: 'Sign-in cannot be checked right now. Try again in a moment.' });
  }
  res.set('WWW-Authenticate', reason === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"');
  const message =
    reason === 'missing'
      ? 'Open the app in Microsoft Teams to sign in.'
      : reason === 'tenant'
        ? 'Your organization is not set up to use this app. Ask your IT admin to enable it.'
        : 'Your sign-in could not be confirmed. Close the app and open it again in Teams.';
  sendFailure(res, { code: 'unauthenticated', message });
}
