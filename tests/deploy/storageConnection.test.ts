// Which Table Storage the server opens in Azure (an account URL with the managed identity) and
// elsewhere (a connection string, or the embedded Azurite), and what production refuses.
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config';
import { storageConnection } from '../../bot/storage/connect';
import { openTables } from '../../bot/storage/tables';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const identity = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const production = {
  APP_MODE: 'production',
  PUBLIC_URL: 'https://mentoring.contoso.example',
  AAD_CLIENT_ID: '8b2d3c4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
  AAD_ALLOWED_TENANTS: tenant,
  BOT_ID: identity,
  BOT_APP_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: tenant,
};
const accountUrl = 'https://stmentoring.table.core.windows.net';

describe('Table Storage in production', () => {
  it('signs in to the account URL as the managed identity named by AZURE_CLIENT_ID', () => {
    const config = parseConfig({ ...production, TABLES_ACCOUNT_URL: `${accountUrl}/`, AZURE_CLIENT_ID: identity });
    expect(config.storage).toEqual({ kind: 'account', accountUrl, clientId: identity });
    const conn = storageConnection(config.storage, 'Dev');
    expect(conn).toMatchObject({ accountUrl, tablePrefix: 'Dev' });
    expect('credential' in conn && conn.credential).toBeInstanceOf(ManagedIdentityCredential);
    const tables = openTables(conn);
    expect(tables.plans).toMatchObject({ url: accountUrl, tableName: 'DevPlans' });
  });

  it('lets DefaultAzureCredential choose when no identity is named', () => {
    const config = parseConfig({ ...production, TABLES_ACCOUNT_URL: accountUrl });
    const conn = storageConnection(config.storage, '');
    expect('credential' in conn && conn.credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it('still takes a connection string', () => {
    const connectionString = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net';
    const config = parseConfig({ ...production, STORAGE_CONNECTION_STRING: connectionString });
    expect(config.storage).toEqual({ kind: 'connection', connectionString });
    expect(storageConnection(config.storage, '')).toEqual({ connectionString, tablePrefix: '' });
  });

  it('requires one of the two, not both, and https for the account', () => {
    expect(() => parseConfig(production)).toThrow(/TABLES_ACCOUNT_URL or STORAGE_CONNECTION_STRING: required, one of them/);
    expect(() =>
      parseConfig({ ...production, TABLES_ACCOUNT_URL: accountUrl, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    ).toThrow(/set one, not both/);
    expect(() => parseConfig({ ...production, TABLES_ACCOUNT_URL: 'http://stmentoring.table.core.windows.net' })).toThrow(
      /TABLES_ACCOUNT_URL: must use https/,
    );
    expect(() => parseConfig({ ...production, TABLES_ACCOUNT_URL: 'not a url' })).toThrow(/TABLES_ACCOUNT_URL: Invalid url/);
    expect(() => parseConfig({ ...production, TABLES_ACCOUNT_URL: accountUrl, AZURE_CLIENT_ID: 'me' })).toThrow(
      /AZURE_CLIENT_ID: Invalid uuid/,
    );
  });

  it('uses the embedded Azurite only where it runs', () => {
    const config = parseConfig({});
    expect(storageConnection(config.storage, 'T', 'UseDevelopmentStorage=true')).toEqual({
      connectionString: 'UseDevelopmentStorage=true',
      tablePrefix: 'T',
    });
    expect(() => storageConnection(config.storage, 'T')).toThrow(/not running/);
  });
});
