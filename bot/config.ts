// Configuration is read from the environment here and nowhere else, parsed once at start. A bad
// value stops the start with a message naming the variable and what is wrong.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Comma-separated GUIDs, compared lower-case (Entra sends tenant ids lower-case). */
const guidList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(z.string().uuid('each entry must be a tenant id (GUID)')).min(1, 'list at least one tenant id'));

export const TENANT_ID_PLACEHOLDER = '{tenantid}';

export const envSchema = z.object({
  /** Default: `production` when NODE_ENV=production (what hosts set), else `development`. */
  APP_MODE: z.enum(['development', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  /** How callers prove who they are. Default: `development` when APP_MODE=development, else `entra`. */
  AUTH_MODE: z.enum(['development', 'entra']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Interface to listen on. Default: loopback in development (nobody else on the network reaches it), every interface in production. */
  HOST: z.string().min(1).optional(),
  /** Public base URL of this server (what Teams and browsers reach); defaults to localhost. */
  PUBLIC_URL: z.string().url().optional(),
  /** A Table Storage connection string. Unset (and no TABLES_ACCOUNT_URL): the embedded Azurite under DATA_DIR. */
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  /** The Table service URL (`https://{account}.table.core.windows.net`), reached with a Microsoft Entra credential instead of a key. */
  TABLES_ACCOUNT_URL: z.string().url().optional(),
  /** Client id of the user-assigned managed identity to sign in to Table Storage with (read by @azure/identity too). */
  AZURE_CLIENT_ID: z.string().uuid().optional(),
  /** Application Insights: when set, requests, dependencies, failures and logs are sent there (bot/telemetry.ts). */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Seed the demo program and people when storage is empty. Default: on in development. */
  SEED_DEMO: bool.optional(),
  /** The Teams app id (manifest `id`), used in deep links to the tab. */
  TEAMS_APP_ID: z.string().uuid().default('6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01'),
  /** The tab's Entra app (client) id: the audience of the Teams SSO token. */
  AAD_CLIENT_ID: z.string().uuid().optional(),
  /** The app's identifier URI (`api://{host}/botid-{botId}`), also accepted as the token's audience. */
  AAD_APP_ID_URI: z
    .string()
    .regex(/^api:\/\/\S+$/, 'an identifier URI such as api://host/botid-{botId}')
    .optional(),
  /** Tenants whose people may use the API. */
  AAD_ALLOWED_TENANTS: guidList.optional(),
  /** Where the token signing keys are published; sovereign clouds use other hosts. */
  AAD_JWKS_URI: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  /** The token issuer, with `{tenantid}` standing for the token's `tid`. */
  AAD_ISSUER_TEMPLATE: z
    .string()
    .url()
    .refine((s) => s.includes(TENANT_ID_PLACEHOLDER), `must contain ${TENANT_ID_PLACEHOLDER}`)
    .default(`https://login.microsoftonline.com/${TENANT_ID_PLACEHOLDER}/v2.0`),
  /** The bot's Entra app id; without it the bot accepts unauthenticated activities (development only). */
  BOT_ID: z.string().uuid().optional(),
  BOT_APP_TYPE: z.enum(['UserAssignedMSI', 'SingleTenant', 'MultiTenant']).default('SingleTenant'),
  BOT_TENANT_ID: z.string().uuid().optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  /** Where the Bot Framework publishes its OpenID configuration (token signing keys); sovereign clouds and tests use another. */
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** API writes (POST/PUT/PATCH/DELETE) one person may make per minute, per server instance. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Seconds between check-in sender runs inside the server; 0: off. Default: 60 in development, 0 in production. */
  CHECKIN_TIMER_SECONDS: z.coerce.number().int().min(0).max(3_600).optional(),
  /** Proactive requests per second per tenant from this instance (Teams allows about 50 per app and tenant). */
  CHECKIN_SENDS_PER_SECOND: z.coerce.number().min(1).max(50).default(48),
  /** Shared secret an external scheduler presents (header X-Jobs-Secret) to POST /api/jobs/checkins. */
  JOBS_SECRET: z.string().min(32, 'at least 32 characters').max(512).optional(),
});

type ParsedEnv = Omit<z.output<typeof envSchema>, 'APP_MODE'> & { APP_MODE: 'development' | 'production' };
export type Env = z.input<typeof envSchema>;

/** Entra ID token validation for the tab's API (Teams SSO). */
export interface EntraAuthConfig {
  mode: 'entra';
  clientId: string;
  applicationIdUri?: string;
  allowedTenants: readonly string[];
  jwksUri: string;
  issuerTemplate: string;
}

export type AuthConfig = { mode: 'development' } | EntraAuthConfig;

export interface AppConfig {
  mode: 'development' | 'production';
  auth: AuthConfig;
  port: number;
  host: string;
  /** A development run listening beyond this machine: anyone who reaches it can act as anyone. */
  exposedDevelopment: boolean;
  publicUrl: string;
  storage:
    | { kind: 'embedded'; dataDir: string }
    | { kind: 'connection'; connectionString: string }
    /** The account URL with a Microsoft Entra credential: the managed identity `clientId`, or DefaultAzureCredential's choice. */
    | { kind: 'account'; accountUrl: string; clientId?: string };
  tablePrefix: string;
  seedDemo: boolean;
  teamsAppId: string;
  bot: {
    appId?: string;
    appType: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
    tenantId?: string;
    password?: string;
    /** Unset: botbuilder's defaults (login.botframework.com for channels). */
    openIdMetadataUrl?: string;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  rateLimit: { writesPerMinute: number };
  /** Check-in sending: the in-process timer (0: off), this instance's tenant rate, the jobs route's secret (unset: the route refuses everyone). */
  checkIns: { timerSeconds: number; sendsPerSecond: number; jobsSecret?: string };
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty values count as unset, as in .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // A host that says NODE_ENV=production gets production (and its required settings) unless
  // APP_MODE says otherwise on purpose: the development sign-in must never start by omission.
  const e: ParsedEnv = {
    ...parsed.data,
    APP_MODE: parsed.data.APP_MODE ?? (parsed.data.NODE_ENV === 'production' ? 'production' : 'development'),
  };
  const authMode = e.AUTH_MODE ?? (e.APP_MODE === 'development' ? 'development' : 'entra');
  const problems = combinationProblems(e, authMode);
  if (problems.length > 0) {
    throw new ConfigError(
      `Invalid configuration for APP_MODE=${e.APP_MODE}, AUTH_MODE=${authMode}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return {
    mode: e.APP_MODE,
    auth: authMode === 'development' ? { mode: 'development' } : entraAuth(e),
    port: e.PORT,
    host: e.HOST ?? (e.APP_MODE === 'production' ? '0.0.0.0' : '127.0.0.1'),
    exposedDevelopment: authMode === 'development' && e.HOST !== undefined && !isLoopbackHost(e.HOST),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    storage: e.TABLES_ACCOUNT_URL
      ? { kind: 'account', accountUrl: e.TABLES_ACCOUNT_URL.replace(/\/$/, ''), clientId: e.AZURE_CLIENT_ID }
      : e.STORAGE_CONNECTION_STRING
        ? { kind: 'connection', connectionString: e.STORAGE_CONNECTION_STRING }
        : { kind: 'embedded', dataDir: e.DATA_DIR },
    tablePrefix: e.TABLE_PREFIX ?? '',
    seedDemo: e.SEED_DEMO ?? e.APP_MODE === 'development',
    teamsAppId: e.TEAMS_APP_ID,
    bot: {
      appId: e.BOT_ID,
      appType: e.BOT_APP_TYPE,
      tenantId: e.BOT_TENANT_ID,
      password: e.BOT_PASSWORD,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    logLevel: e.LOG_LEVEL,
    rateLimit: { writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE },
    checkIns: {
      timerSeconds: e.CHECKIN_TIMER_SECONDS ?? (e.APP_MODE === 'development' ? 60 : 0),
      sendsPerSecond: e.CHECKIN_SENDS_PER_SECOND,
      jobsSecret: e.JOBS_SECRET,
    },
  };
}

/** Each value may be valid alone and still not go with the others; every problem is listed at once. */
function combinationProblems(e: ParsedEnv, authMode: 'development' | 'entra'): string[] {
  const production = e.APP_MODE === 'production';
  const entra = authMode === 'entra';
  const problems: (string | false)[] = [
    production &&
      !e.STORAGE_CONNECTION_STRING &&
      !e.TABLES_ACCOUNT_URL &&
      'TABLES_ACCOUNT_URL or STORAGE_CONNECTION_STRING: required, one of them (production does not use the embedded Azurite)',
    !!e.STORAGE_CONNECTION_STRING &&
      !!e.TABLES_ACCOUNT_URL &&
      'STORAGE_CONNECTION_STRING and TABLES_ACCOUNT_URL: set one, not both (which account is meant?)',
    production &&
      !!e.TABLES_ACCOUNT_URL &&
      !isHttpsOrLoopback(e.TABLES_ACCOUNT_URL) &&
      'TABLES_ACCOUNT_URL: must use https in production (a token must not travel in the clear)',
    entra && !e.BOT_ID && 'BOT_ID: required (outside development the bot accepts only Bot Framework-signed activities)',
    production && !e.PUBLIC_URL && 'PUBLIC_URL: required',
    production && !entra && 'AUTH_MODE: development is refused in production (anyone could claim to be anyone); use entra',
    entra && !e.AAD_CLIENT_ID && 'AAD_CLIENT_ID: required (the audience of the Teams SSO token)',
    entra && !e.AAD_ALLOWED_TENANTS && 'AAD_ALLOWED_TENANTS: required (comma-separated tenant ids whose people may sign in)',
    production &&
      entra &&
      !isHttpsOrLoopback(e.AAD_JWKS_URI) &&
      'AAD_JWKS_URI: must use https in production (signing keys fetched over http can be swapped)',
    production &&
      !!e.BOT_OPENID_METADATA_URL &&
      !isHttpsOrLoopback(e.BOT_OPENID_METADATA_URL) &&
      'BOT_OPENID_METADATA_URL: must use https in production (signing keys fetched over http can be swapped)',
    // botbuilder's own messages for these surface only at the first activity, and say less.
    !!e.BOT_ID && e.BOT_APP_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID && `BOT_TENANT_ID: required with BOT_APP_TYPE=${e.BOT_APP_TYPE}`,
    !!e.BOT_ID &&
      e.BOT_APP_TYPE !== 'UserAssignedMSI' &&
      !e.BOT_PASSWORD &&
      `BOT_PASSWORD: required with BOT_APP_TYPE=${e.BOT_APP_TYPE} (a managed identity needs none)`,
  ];
  return problems.filter((p): p is string => typeof p === 'string');
}

export const isLoopbackHost = (host: string): boolean =>
  ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Loopback http is allowed: nothing outside the machine can sit in the middle (tests use it). */
function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
}

function entraAuth(e: ParsedEnv): EntraAuthConfig {
  // combinationProblems has made sure both are present.
  if (!e.AAD_CLIENT_ID || !e.AAD_ALLOWED_TENANTS)
    throw new ConfigError('AAD_CLIENT_ID and AAD_ALLOWED_TENANTS are required with AUTH_MODE=entra');
  return {
    mode: 'entra',
    clientId: e.AAD_CLIENT_ID.toLowerCase(),
    applicationIdUri: e.AAD_APP_ID_URI,
    allowedTenants: e.AAD_ALLOWED_TENANTS,
    jwksUri: e.AAD_JWKS_URI,
    issuerTemplate: e.AAD_ISSUER_TEMPLATE,
  };
}
