// Which Table Storage the server opens, from the parsed configuration: an account URL with a
// Microsoft Entra credential (Azure: the app's user-assigned managed identity, no key anywhere), a
// connection string (Azurite or an account key), or the embedded Azurite's connection string.
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { AppConfig } from '../config';
import type { StorageConnection } from './tables';

/**
 * The managed identity named by its client id when one is configured (one identity, no guessing
 * among several), else DefaultAzureCredential: environment, workload or managed identity, or a
 * developer's Azure CLI sign-in.
 */
export function tableCredential(clientId: string | undefined): TokenCredential {
  return clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
}

export function storageConnection(
  storage: AppConfig['storage'],
  tablePrefix: string,
  embeddedConnectionString?: string,
): StorageConnection {
  switch (storage.kind) {
    case 'account':
      return { accountUrl: storage.accountUrl, credential: tableCredential(storage.clientId), tablePrefix };
    case 'connection':
      return { connectionString: storage.connectionString, tablePrefix };
    case 'embedded':
      if (!embeddedConnectionString) throw new Error('The embedded Azurite is not running');
      return { connectionString: embeddedConnectionString, tablePrefix };
  }
}
