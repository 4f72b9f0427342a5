// One in-memory Azurite for the whole test run, on a free port. Each test server uses its own
// table prefix, so test files never see each other's rows.
import type { TestProject } from 'vitest/node';
import { startAzurite } from '../../bot/dev/azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

export default async function setup(project: TestProject) {
  const azurite = await startAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  return async () => {
    await azurite.close();
  };
}
