// Every row of every table of a test server, as one string: what a refused request must leave as it
// was. The tables are the app's own list (bot/storage/tables.ts), so a new table is covered at once.
// It is taken once the background work of earlier requests is done (program health refreshes, with
// the records of refreshes owed they remove; renewal card filing), so none of it lands between two
// snapshots around a refused request.
import type { TestServer } from './testServer';
import { tablesOf } from './testServer';

export async function storageSnapshot(server: TestServer): Promise<string> {
  await server.app.settled();
  const rows: string[] = [];
  for (const [name, table] of Object.entries(tablesOf(server))) {
    for await (const row of table.listEntities()) rows.push(`${name} ${row.partitionKey}/${row.rowKey}@${row.etag}`);
  }
  return rows.sort().join('\n');
}
