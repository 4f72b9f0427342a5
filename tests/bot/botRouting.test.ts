// The pure parts of the bot adapter: command names, who a person is, authentication settings, links.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config';
import { authenticationOptions } from '../../bot/teams/botEndpoint';
import { commandOf } from '../../bot/teams/commands';
import { cardLinksFor, tabDeepLink } from '../../bot/teams/deepLinks';
import { personIdOf } from '../../bot/teams/installation';

describe('commandOf', () => {
  it.each([
    ['help', 'help'],
    ['Help', 'help'],
    ['/help', 'help'],
    ['help?', 'help'],
    ['help with goals', 'help'],
    ['<at>Mentoring</at> help', 'help'],
    ['<at>Someone Else</at>   HELP', 'help'],
  ])('reads %j as %j', (text, command) => {
    expect(commandOf(text)).toBe(command);
  });

  it.each(['', '   ', 'hello', 'helpme', 'can you help', 'please help', '<at>help</at>'])('finds no command in %j', (text) => {
    expect(commandOf(text)).toBeUndefined();
  });

  it.each([
    ['check in', 'check in'],
    ['Check in!', 'check in'],
    ['/check in please', 'check in'],
    ['<at>Mentoring</at> check   IN', 'check in'],
    ['plan', 'plan'],
    ['Plan?', 'plan'],
  ])('reads the multi-word and other commands: %j as %j', (text, command) => {
    expect(commandOf(text)).toBe(command);
  });

  it.each(['check', 'checkin', 'check out', 'my plan', 'in check'])('finds no command in %j either', (text) => {
    expect(commandOf(text)).toBeUndefined();
  });

  it('finds no command without text', () => {
    expect(commandOf(undefined)).toBeUndefined();
  });
});

describe('personIdOf', () => {
  const oid = '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7';

  it('is the Entra object id when Teams sends one', () => {
    expect(personIdOf({ id: '29:1abc', name: 'Alex', aadObjectId: oid }, 'production')).toBe(oid);
  });

  it('falls back to the channel id in development only', () => {
    expect(personIdOf({ id: 'user-id-0', name: 'Playground user' }, 'development')).toBe('user-id-0');
    expect(personIdOf({ id: 'user-id-0', name: 'Playground user' }, 'production')).toBeUndefined();
  });

  it('refuses an id that is not a person id', () => {
    expect(personIdOf({ id: '29:1abc/def', name: 'x' }, 'development')).toBeUndefined();
    expect(personIdOf(undefined, 'development')).toBeUndefined();
  });
});

describe('authenticationOptions', () => {
  const bot = {
    appId: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    appType: 'SingleTenant' as const,
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    password: 's3cret',
  };
  const entra = parseConfig({
    APP_MODE: 'development',
    AUTH_MODE: 'entra',
    AAD_CLIENT_ID: bot.appId,
    AAD_ALLOWED_TENANTS: bot.tenantId,
    BOT_ID: bot.appId,
    BOT_TENANT_ID: bot.tenantId,
    BOT_PASSWORD: bot.password,
  }).auth;

  it('turns authentication off without an app id, with the development identity only', () => {
    expect(authenticationOptions({ auth: { mode: 'development' }, bot: { appType: 'SingleTenant' } })).toEqual({});
    expect(() => authenticationOptions({ auth: entra, bot: { appType: 'SingleTenant' } })).toThrow(/BOT_ID/);
  });

  it('passes app id, type, tenant and secret from the configuration', () => {
    expect(authenticationOptions({ auth: entra, bot })).toEqual({
      MicrosoftAppId: bot.appId,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: bot.tenantId,
      MicrosoftAppPassword: 's3cret',
    });
  });

  it('never passes a secret for a managed identity', () => {
    expect(authenticationOptions({ auth: entra, bot: { ...bot, appType: 'UserAssignedMSI' } })).toMatchObject({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppPassword: '',
    });
  });
});

describe('links', () => {
  it('deep-links to the personal tab by app id and entity id', () => {
    expect(tabDeepLink('6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01')).toBe(
      'https://teams.microsoft.com/l/entity/6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01/mentoring',
    );
  });

  it('adds the browser link in development only', () => {
    const config = { teamsAppId: '6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01', publicUrl: 'https://mentoring.contoso.example' };
    expect(cardLinksFor({ ...config, mode: 'development' }).browser).toBe('https://mentoring.contoso.example/');
    expect(cardLinksFor({ ...config, mode: 'production' })).toEqual({ tab: tabDeepLink(config.teamsAppId) });
  });
});
