// The embedded default: Azurite persisted under DATA_DIR, on the standard table port so tools such
// as Azure Storage Explorer can connect too. Only one process may own the data folder at a time.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite, type EmbeddedAzurite } from './azurite';

export const AZURITE_TABLE_PORT = 10002;

const lockPath = (dataDir: string) => join(dataDir, 'server.pid');

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a live process that owns the data folder, if any. */
export function dataDirOwner(dataDir: string): number | undefined {
  if (!existsSync(lockPath(dataDir))) return undefined;
  const pid = Number(readFileSync(lockPath(dataDir), 'utf8'));
  return Number.isInteger(pid) && pid !== process.pid && running(pid) ? pid : undefined;
}

export async function openEmbeddedStorage(dataDir: string): Promise<EmbeddedAzurite> {
  const owner = dataDirOwner(dataDir);
  if (owner) throw new Error(`The data folder ${dataDir} is in use by process ${owner} (is the app already running?). Stop it first.`);
  const azurite = await startAzurite({ dataDir: join(dataDir, 'azurite'), port: AZURITE_TABLE_PORT }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new Error(`Port ${AZURITE_TABLE_PORT} is taken (another Azurite?). Stop it, or set STORAGE_CONNECTION_STRING to use it.`);
    throw e;
  });
  writeFileSync(lockPath(dataDir), String(process.pid));
  return {
    ...azurite,
    async close() {
      await azurite.close();
      rmSync(lockPath(dataDir), { force: true });
    },
  };
}
