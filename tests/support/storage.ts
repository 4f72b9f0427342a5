import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** A fresh table prefix: each test file gets its own tables in the run's Azurite. */
export const newTablePrefix = () => `t${randomBytes(6).toString('hex')}`;

export function testConnectionString(): string {
  const connectionString = inject('azuriteConnectionString');
  if (!connectionString) throw new Error('No Azurite: tests/support/globalSetup.ts must be in the vitest config');
  return connectionString;
}
