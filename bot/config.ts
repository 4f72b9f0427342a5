// Configuration is read from the environment here and nowhere else, parsed once at start. A bad
// value stops the start with a message naming the variable and what is wrong.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  APP_MODE: z.enum(['development', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public base URL of this server (what Teams and browsers reach); defaults to localhost. */
  PUBLIC_URL: z.string().url().optional(),
  /** A Table Storage connection string. Unset: the embedded Azurite under DATA_DIR. */
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Seed the demo program and people when storage is empty. Default: on in development. */
  SEED_DEMO: bool.optional(),
  /** The Teams app id (manifest `id`), used in deep links to the tab. */
  TEAMS_APP_ID: z.string().uuid().default('6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01'),
  /** The bot's Entra app id; without it the bot accepts unauthenticated activities (development only). */
  BOT_ID: z.string().uuid().optional(),
  BOT_APP_TYPE: z.enum(['UserAssignedMSI', 'SingleTenant', 'MultiTenant']).default('SingleTenant'),
  BOT_TENANT_ID: z.string().uuid().optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.input<typeof envSchema>;

export interface AppConfig {
  mode: 'development' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  storage: { kind: 'embedded'; dataDir: string } | { kind: 'connection'; connectionString: string };
  tablePrefix: string;
  seedDemo: boolean;
  teamsAppId: string;
  bot: { appId?: string; appType: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant'; tenantId?: string; password?: string };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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
  const e = parsed.data;
  if (e.APP_MODE === 'production') {
    const missing = [
      !e.STORAGE_CONNECTION_STRING && 'STORAGE_CONNECTION_STRING (production does not use the embedded Azurite)',
      !e.BOT_ID && 'BOT_ID (production accepts only Bot Framework-signed activities)',
      !e.PUBLIC_URL && 'PUBLIC_URL',
    ].filter(Boolean);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration for APP_MODE=production:\n${missing.map((m) => `  ${m}: required`).join('\n')}`);
  }
  return {
    mode: e.APP_MODE,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    storage: e.STORAGE_CONNECTION_STRING ? { kind: 'connection', connectionString: e.STORAGE_CONNECTION_STRING } : { kind: 'embedded', dataDir: e.DATA_DIR },
    tablePrefix: e.TABLE_PREFIX ?? '',
    seedDemo: e.SEED_DEMO ?? e.APP_MODE === 'development',
    teamsAppId: e.TEAMS_APP_ID,
    bot: { appId: e.BOT_ID, appType: e.BOT_APP_TYPE, tenantId: e.BOT_TENANT_ID, password: e.BOT_PASSWORD },
    logLevel: e.LOG_LEVEL,
  };
}
