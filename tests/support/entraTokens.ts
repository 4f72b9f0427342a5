// A local stand-in for Entra ID, the one part of sign-in that cannot run here: an HTTP server on
// loopback publishing a JSON Web Key Set, and a minter of Teams SSO tokens signed with its keys.
// The server under test fetches the keys and validates tokens with its real code. The stand-in
// records how often its keys were fetched, so tests can see caching and refetching.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

/** The access-token claims Teams SSO sends (Entra ID v2), as far as the app reads them. */
export interface TeamsSsoClaims extends JWTPayload {
  oid?: string;
  tid?: string;
  scp?: string;
  roles?: string[];
  ver?: string;
  azp?: string;
  name?: string;
  preferred_username?: string;
}

export interface MintOptions {
  /** `unpublished`: a key the key set does not hold (a forger's). Default: the newest published key. */
  key?: 'published' | 'unpublished';
  /** The `kid` header; default: the signing key's own id. Lets a forger claim a published key's id. */
  kid?: string;
  /** `none` makes an unsigned token; `HS256` signs with the published public key as an HMAC secret. */
  alg?: 'RS256' | 'HS256' | 'none';
}

export interface LocalEntra {
  jwksUri: string;
  issuerTemplate: string;
  /** The allowed tenant of the demo data (DEVELOPMENT_TENANT_ID); tokens are minted for it unless `tid` says otherwise. */
  tenantId: string;
  /** A second allowed tenant, with none of the demo data: its callers must reach nothing of the first. */
  secondTenantId: string;
  /** A well-formed tenant that is not on the allow-list. */
  otherTenantId: string;
  clientId: string;
  botId: string;
  /** The `api://{host}/botid-{botId}` identifier URI, also a valid audience. */
  applicationIdUri: string;
  /** Settings for `startTestServer({ env })`: Teams SSO against this stand-in, in development mode. */
  env: Record<string, string>;
  /** The same with APP_MODE=production (the server refuses the development identity outright). */
  productionEnv: Record<string, string>;
  issuerFor(tenantId: string): string;
  /**
   * A token for `claims` over good defaults (this tenant, this app, `access_as_user`, valid for an
   * hour, a fresh `oid`). A claim set to `undefined` is left out. `iss` follows `tid`.
   */
  mint(claims?: TeamsSsoClaims, options?: MintOptions): Promise<string>;
  /** Publishes a new key next to the old ones; tokens are signed with it from now on. */
  rotate(): Promise<void>;
  /** While false, the key endpoint answers 500 (Entra unreachable). */
  setServing(serving: boolean): void;
  /** How many times the key set was fetched. */
  readonly fetches: number;
  close(): Promise<void>;
}

/** Unix seconds `seconds` from now (negative: in the past), for `exp`, `nbf` and `iat`. */
export const secondsFromNow = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

/** The Teams desktop/mobile client, one of the two the app registration pre-authorizes. */
const TEAMS_CLIENT_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const KEYS_PATH = '/common/discovery/v2.0/keys';
const BOT_OPENID_PATH = '/botframework/v1/.well-known/openidconfiguration';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

export async function startLocalEntra(): Promise<LocalEntra> {
  const published: SigningKey[] = [await newSigningKey()];
  const forger = await newSigningKey();
  let serving = true;
  let fetches = 0;

  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === BOT_OPENID_PATH) {
      // The Bot Framework's OpenID configuration, pointing at the same key set.
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}${KEYS_PATH}` }));
      return;
    }
    if (req.method !== 'GET' || req.url !== KEYS_PATH) {
      res.writeHead(404).end();
      return;
    }
    fetches++;
    if (!serving) {
      res.writeHead(500).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: published.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  const tenantId = DEVELOPMENT_TENANT_ID;
  const secondTenantId = randomUUID();
  const clientId = randomUUID();
  const botId = randomUUID();
  const issuerTemplate = `${base}/{tenantid}/v2.0`;
  const issuerFor = (tid: string) => issuerTemplate.replace('{tenantid}', tid);
  const applicationIdUri = `api://mentoring.contoso.example/botid-${botId}`;
  const env: Record<string, string> = {
    AUTH_MODE: 'entra',
    AAD_CLIENT_ID: clientId,
    AAD_APP_ID_URI: applicationIdUri,
    AAD_ALLOWED_TENANTS: `${tenantId},${secondTenantId}`,
    AAD_JWKS_URI: `${base}${KEYS_PATH}`,
    AAD_ISSUER_TEMPLATE: issuerTemplate,
    BOT_ID: botId,
    BOT_APP_TYPE: 'SingleTenant',
    BOT_TENANT_ID: tenantId,
    BOT_PASSWORD: 'not-a-real-secret',
    // The bot endpoint checks Bot Framework tokens against this stand-in, never the internet.
    BOT_OPENID_METADATA_URL: `${base}${BOT_OPENID_PATH}`,
  };

  async function mint(claims: TeamsSsoClaims = {}, options: MintOptions = {}): Promise<string> {
    const tid = 'tid' in claims ? claims.tid : tenantId;
    const payload: Record<string, unknown> = {
      aud: clientId,
      iss: issuerFor(tid ?? tenantId),
      iat: secondsFromNow(0),
      nbf: secondsFromNow(0),
      exp: secondsFromNow(3600),
      ver: '2.0',
      azp: TEAMS_CLIENT_ID,
      scp: 'access_as_user',
      oid: randomUUID(),
      tid,
      ...claims,
    };
    for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];

    const signer = options.key === 'unpublished' ? forger : published[published.length - 1]!;
    const kid = options.kid ?? signer.kid;
    if (options.alg === 'none') return new UnsecuredJWT(payload).encode();
    if (options.alg === 'HS256') {
      // The classic confusion attack: HMAC keyed with the public key the verifier already holds.
      const secret = new TextEncoder().encode(JSON.stringify(published[0]!.publicJwk));
      return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid }).sign(secret);
    }
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(signer.privateKey);
  }

  return {
    jwksUri: env.AAD_JWKS_URI!,
    issuerTemplate,
    tenantId,
    secondTenantId,
    otherTenantId: randomUUID(),
    clientId,
    botId,
    applicationIdUri,
    env,
    productionEnv: { ...env, APP_MODE: 'production', PUBLIC_URL: 'https://mentoring.contoso.example' },
    issuerFor,
    mint,
    async rotate() {
      published.push(await newSigningKey());
    },
    setServing(next) {
      serving = next;
    },
    get fetches() {
      return fetches;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `Authorization` header for a token. */
export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
