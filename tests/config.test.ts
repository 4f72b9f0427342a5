import { describe, expect, it } from 'vitest';
import { parseConfig } from '../bot/config';

describe('configuration', () => {
  it('runs on the embedded default with nothing set', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      mode: 'development',
      port: 3978,
      storage: { kind: 'embedded', dataDir: '.data' },
      seedDemo: true,
      publicUrl: 'http://localhost:3978',
    });
  });

  it('uses a configured storage connection and port', () => {
    const c = parseConfig({ PORT: '8080', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', SEED_DEMO: 'false' });
    expect(c).toMatchObject({ port: 8080, storage: { kind: 'connection' }, seedDemo: false, publicUrl: 'http://localhost:8080' });
  });

  it('stops with a message naming the variable and the problem', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT: Expected number/);
    expect(() => parseConfig({ APP_MODE: 'staging' })).toThrow(/APP_MODE: Invalid enum value.*'development' \| 'production'/);
    expect(() => parseConfig({ BOT_ID: 'not-a-guid' })).toThrow(/BOT_ID: Invalid uuid/);
  });

  it('refuses to start in production without real storage, a bot identity and sign-in settings', () => {
    expect(() => parseConfig({ APP_MODE: 'production' })).toThrow(
      /STORAGE_CONNECTION_STRING[\s\S]*BOT_ID[\s\S]*PUBLIC_URL[\s\S]*AAD_CLIENT_ID[\s\S]*AAD_ALLOWED_TENANTS/,
    );
  });
});

describe('sign-in configuration', () => {
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const clientId = '8b2d3c4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e';
  const botId = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const bot = { BOT_ID: botId, BOT_TENANT_ID: tenant, BOT_PASSWORD: 'not-a-real-secret' };
  const production = {
    APP_MODE: 'production',
    STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net',
    PUBLIC_URL: 'https://mentoring.contoso.example',
    AAD_CLIENT_ID: clientId,
    AAD_ALLOWED_TENANTS: tenant,
    ...bot,
  };

  it('uses the development identity by default in development, and Teams SSO in production', () => {
    expect(parseConfig({}).auth).toEqual({ mode: 'development' });
    expect(parseConfig(production).auth).toEqual({
      mode: 'entra',
      clientId,
      applicationIdUri: undefined,
      allowedTenants: [tenant],
      jwksUri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      issuerTemplate: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    });
  });

  it('allows Teams SSO in development, with the same requirements', () => {
    expect(parseConfig({ AUTH_MODE: 'entra', AAD_CLIENT_ID: clientId, AAD_ALLOWED_TENANTS: tenant, ...bot }).auth.mode).toBe('entra');
    expect(() => parseConfig({ AUTH_MODE: 'entra' })).toThrow(
      /BOT_ID: required[\s\S]*AAD_CLIENT_ID: required[\s\S]*AAD_ALLOWED_TENANTS: required/,
    );
  });

  it('refuses the development identity in production, and says why', () => {
    expect(() => parseConfig({ ...production, AUTH_MODE: 'development' })).toThrow(
      /APP_MODE=production, AUTH_MODE=development:\n {2}AUTH_MODE: development is refused in production/,
    );
  });

  it('lists every missing sign-in setting of a production configuration, each by name', () => {
    const { AAD_CLIENT_ID: _c, AAD_ALLOWED_TENANTS: _t, BOT_ID: _b, ...incomplete } = production;
    expect(() => parseConfig(incomplete)).toThrow(/BOT_ID: required[\s\S]*AAD_CLIENT_ID: required[\s\S]*AAD_ALLOWED_TENANTS: required/);
  });

  it('reads the tenant allow-list as comma-separated GUIDs', () => {
    const second = '0F0E0D0C-0B0A-4909-8807-060504030201';
    expect(parseConfig({ ...production, AAD_ALLOWED_TENANTS: ` ${tenant} ,${second},` }).auth).toMatchObject({
      allowedTenants: [tenant, second.toLowerCase()],
    });
    expect(() => parseConfig({ ...production, AAD_ALLOWED_TENANTS: `${tenant},contoso.com` })).toThrow(
      /AAD_ALLOWED_TENANTS\.1: each entry must be a tenant id/,
    );
    expect(() => parseConfig({ ...production, AAD_ALLOWED_TENANTS: ' , ' })).toThrow(/AAD_ALLOWED_TENANTS: list at least one tenant id/);
  });

  it('takes the key set, issuer template and application ID URI from configuration', () => {
    const c = parseConfig({
      ...production,
      AAD_JWKS_URI: 'https://login.microsoftonline.us/common/discovery/v2.0/keys',
      AAD_ISSUER_TEMPLATE: 'https://login.microsoftonline.us/{tenantid}/v2.0',
      AAD_APP_ID_URI: `api://mentoring.contoso.example/botid-${botId}`,
    });
    expect(c.auth).toMatchObject({
      jwksUri: 'https://login.microsoftonline.us/common/discovery/v2.0/keys',
      issuerTemplate: 'https://login.microsoftonline.us/{tenantid}/v2.0',
      applicationIdUri: `api://mentoring.contoso.example/botid-${botId}`,
    });
    expect(() => parseConfig({ ...production, AAD_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/common/v2.0' })).toThrow(
      /AAD_ISSUER_TEMPLATE: must contain \{tenantid\}/,
    );
    expect(() => parseConfig({ ...production, AAD_APP_ID_URI: 'https://mentoring.contoso.example' })).toThrow(
      /AAD_APP_ID_URI: an identifier URI/,
    );
    expect(() => parseConfig({ ...production, AAD_JWKS_URI: 'http://keys.contoso.example/keys' })).toThrow(
      /AAD_JWKS_URI: must use https in production/,
    );
    expect(() => parseConfig({ ...production, BOT_OPENID_METADATA_URL: 'http://keys.contoso.example/openid' })).toThrow(
      /BOT_OPENID_METADATA_URL: must use https in production/,
    );
    expect(
      parseConfig({ ...production, BOT_OPENID_METADATA_URL: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration' }).bot
        .openIdMetadataUrl,
    ).toBe('https://login.botframework.azure.us/v1/.well-known/openidconfiguration');
  });

  it('needs what each bot app type needs', () => {
    expect(() => parseConfig({ ...production, BOT_TENANT_ID: undefined })).toThrow(
      /BOT_TENANT_ID: required with BOT_APP_TYPE=SingleTenant/,
    );
    expect(() => parseConfig({ ...production, BOT_PASSWORD: undefined })).toThrow(/BOT_PASSWORD: required with BOT_APP_TYPE=SingleTenant/);
    expect(() =>
      parseConfig({ ...production, BOT_APP_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: undefined, BOT_PASSWORD: undefined }),
    ).toThrow(/BOT_TENANT_ID: required with BOT_APP_TYPE=UserAssignedMSI/);
    expect(parseConfig({ ...production, BOT_APP_TYPE: 'UserAssignedMSI', BOT_PASSWORD: undefined }).bot).toMatchObject({
      appType: 'UserAssignedMSI',
      tenantId: tenant,
    });
    expect(() => parseConfig({ ...production, BOT_APP_TYPE: 'MultiTenant', BOT_TENANT_ID: undefined, BOT_PASSWORD: undefined })).toThrow(
      /BOT_PASSWORD: required with BOT_APP_TYPE=MultiTenant/,
    );
    expect(parseConfig({ ...production, BOT_APP_TYPE: 'MultiTenant', BOT_TENANT_ID: undefined }).bot).toMatchObject({
      appType: 'MultiTenant',
      appId: botId,
    });
  });

  it('lets a development run keep the bot unauthenticated only with the development identity', () => {
    expect(parseConfig({ AUTH_MODE: 'development' }).bot.appId).toBeUndefined();
    expect(() => parseConfig({ AUTH_MODE: 'entra', AAD_CLIENT_ID: clientId, AAD_ALLOWED_TENANTS: tenant })).toThrow(/BOT_ID: required/);
  });
});
