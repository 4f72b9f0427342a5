// Validates a manifest against Microsoft's JSON schema for its manifestVersion, read from the copy
// that @microsoft/app-manifest ships: offline, so packaging never depends on the network (the
// package itself would fetch an unknown schema URL; here a missing schema is an error instead).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

const require = createRequire(import.meta.url);
const schemasDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

export function schemaUrlFor(manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

/** Schema violations as readable lines; empty when the manifest is valid. */
export async function manifestSchemaErrors(manifest: { $schema?: string; manifestVersion?: string }): Promise<string[]> {
  const version = manifest.manifestVersion ?? '';
  if (manifest.$schema !== schemaUrlFor(version)) return [`$schema must be ${schemaUrlFor(version)} for manifestVersion ${version}`];
  const file = join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) return [`@microsoft/app-manifest ships no schema for manifestVersion ${version}`];
  // The package cleans these escapes the same way before parsing its own copies.
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
}
